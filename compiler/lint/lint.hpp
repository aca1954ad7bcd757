// The linter: checks a KB that compiles for mistakes a compiler cannot call errors.
//
// The catalog (compiler/lint/lints.def, documented in docs/lints.md) lists every lint with its id,
// default level and help. run_lints takes a checked front-end result, runs every check, drops
// the findings that `# redflag: allow(...)` comments suppress (compiler/lint/suppression.hpp),
// reports the suppressions that suppressed nothing, and applies the levels of [options]
// (default, config file, `--release`). It does not read files, the clock or the environment:
// the CLI (cli/verb_lint.cpp) passes today's date and the config in. Rendering uses
// compiler/diagnostics/diagnostic_render.hpp, so findings look like compiler diagnostics.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/diagnostics/diagnostic_render.hpp"
#include "compiler/frontend.hpp"

namespace redflag::lint {

enum class LintId : std::uint16_t {
#define LINT(name, id, level, short_description, help) name,
#include "compiler/lint/lints.def"
#undef LINT
};

// What a lint's findings are reported as; Off drops them.
enum class LintLevel : std::uint8_t { Off, Warning, Error };

// One catalog entry of compiler/lint/lints.def.
struct LintInfo {
  LintId lint;
  std::string_view id;  // "unused-fact"
  LintLevel default_level;
  std::string_view short_description;
  std::string_view help;
};

// The catalog, in lints.def order (LintId order).
const std::vector<LintInfo>& lint_catalog();
const LintInfo& lint_info(LintId lint);
// The lint whose id is [id], if any.
std::optional<LintId> find_lint(std::string_view id);
// "off" / "warning" / "error", and back.
std::string_view level_name(LintLevel level);
std::optional<LintLevel> parse_level(std::string_view name);

// One finding. [decl_line] is the first line of the declaration that holds it (suppressions
// before a declaration cover all of it); [severity] is set from the level when reported.
struct LintFinding {
  LintId lint{};
  Severity severity = Severity::Warning;
  SourceSpan span;
  std::uint32_t decl_line = 0;
  std::string message;
  std::vector<std::string> help;
  std::vector<Fix> fixes;  // machine-applicable, as for compiler diagnostics
};

struct LintOptions {
  std::string today;  // YYYY-MM-DD, compared with `next_review`
  bool release = false;  // draft-in-release is off unless set
  std::vector<LintLevel> levels;  // one per catalog entry; empty means the defaults
};

// The levels of [options] with defaults filled in and `draft-in-release` off unless releasing.
std::vector<LintLevel> effective_levels(const LintOptions& options);

// Lints [frontend], which must have no errors. Findings come in source order.
std::vector<LintFinding> run_lints(const FrontendResult& frontend, const LintOptions& options);

// [findings] in the form compiler/diagnostics/diagnostic_render.hpp renders; views into [findings].
std::vector<Problem> problems_of(const std::vector<LintFinding>& findings);

}  // namespace redflag::lint
