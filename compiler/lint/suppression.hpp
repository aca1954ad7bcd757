// Suppression comments: `# redflag: allow(lint-id, ...)` next to the code a finding concerns.
//
// A suppression is a comment whose text starts with `# redflag: allow(` (spaces after `#` and
// after `redflag:` are optional), lists one or more lint ids separated by commas, and closes
// with `)`; anything after the `)` is free text, the place for the reason. It targets one line:
// - at the end of a line of code, that line;
// - on a line of its own, the next line that is not a comment-only line (so suppressions and
//   their explanations may be stacked above a declaration; a blank line ends the search, and a
//   suppression followed by one targets the blank line, which holds nothing).
// It suppresses a finding of a listed lint reported on the target line, or anywhere in a
// declaration that starts on the target line. A listed id that suppressed nothing, an unknown
// id or a malformed `# redflag:` comment is reported as `unused-suppression`; those findings
// cannot be suppressed by comments (turn the lint off in the config file instead).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/lint/lint.hpp"

namespace redflag::lint {

struct Suppression {
  struct Entry {
    std::string id;
    std::optional<LintId> lint;  // nullopt when [id] is not a lint
    bool used = false;
  };
  SourceSpan span;  // the comment
  std::uint32_t target_line = 0;
  bool malformed = false;
  std::vector<Entry> entries;
};

// Every `# redflag:` comment of [kb].
std::vector<Suppression> find_suppressions(const ast::Kb& kb);

// Removes from [findings] those that [suppressions] cover, marking the entries that did.
void apply_suppressions(std::vector<LintFinding>& findings, std::vector<Suppression>& suppressions);

// An `unused-suppression` finding for each malformed suppression and each unused entry.
std::vector<LintFinding> unused_suppressions(const std::vector<Suppression>& suppressions);

}  // namespace redflag::lint
