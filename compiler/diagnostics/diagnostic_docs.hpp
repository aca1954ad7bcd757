// The long descriptions of diagnostic codes, as `redflag explain` prints them.
//
// They are the sections of docs/diagnostics.md, embedded into the library when CMake configures
// (compiler/diagnostics/diagnostics_md.inc.in), so the documentation and the tool never disagree.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace redflag {

// The section of docs/diagnostics.md for [code] ("E012"), from its `## E012` heading up to the
// next heading of any level; nullopt when no such section exists.
std::optional<std::string> explain_code(std::string_view code);

}  // namespace redflag
