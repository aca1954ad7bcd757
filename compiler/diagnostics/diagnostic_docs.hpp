// The long descriptions of diagnostic codes and lints, as `redflag explain` prints them.
//
// They are the sections of docs/diagnostics.md and docs/lints.md, embedded into the library when
// CMake configures (compiler/diagnostics/diagnostics_md.inc.in, lints_md.inc.in), so the
// documentation and the tool never disagree.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace redflag {

// The section of docs/diagnostics.md for [code] ("E012"), from its `## E012` heading up to the
// next heading of any level outside a code block; nullopt when no such section exists.
std::optional<std::string> explain_code(std::string_view code);

// The section of docs/lints.md for lint [id] ("unused-fact"), from its ## `unused-fact` heading
// up to the next heading outside a code block; nullopt when no such section exists.
std::optional<std::string> explain_lint(std::string_view id);

}  // namespace redflag
