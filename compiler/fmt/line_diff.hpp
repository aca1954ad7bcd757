// A unified line diff, for `redflag fmt --diff` (no external `diff` binary is run).
//
// Myers' O((N+M)·D) shortest edit script over lines, after trimming the common head and tail;
// memory is O(D²) for D changed lines, which suits a formatter's diffs (few, local changes).
// The output is what `diff -u` prints, `patch -p1` applies it: `---`/`+++` headers, `@@` hunks
// with 3 lines of context, and `\ No newline at end of file` after a last line without one.
#pragma once

#include <string>
#include <string_view>

namespace redflag {

// The unified diff turning [before] into [after], headed `--- [old_name]` / `+++ [new_name]`;
// empty when the texts are equal.
std::string unified_diff(std::string_view before, std::string_view after,
                         std::string_view old_name, std::string_view new_name);

}  // namespace redflag
