// "Did you mean" suggestions: the known names closest to a misspelt one.
//
// One implementation for the whole project: the compiler's diagnostics, the case reader's
// errors and the CLI all suggest names the same way. Standard library only, so the runtime can
// use it; it knows nothing about what the names are.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace redflag {

// The optimal-string-alignment distance between [a] and [b]: insertions, deletions,
// substitutions and transpositions of adjacent characters each cost 1.
std::size_t edit_distance(std::string_view a, std::string_view b);

// "; did you mean `x`?" naming the (up to three) [candidates] closest to [name], or "" when
// none is close enough: within two edits, or a third of the name's length when that is more.
// Names longer than 64 bytes are shown cut with `...`.
std::string did_you_mean(std::string_view name, const std::vector<std::string_view>& candidates);

// did_you_mean, or when no candidate is close, every one of a short closed list such as a KB's
// levels: "; the levels are `routine`, `consult` and `immediate`" for [kind] "level" ("; the
// only level is `x`" for one, "" for none).
std::string did_you_mean_or_list(std::string_view name, const std::vector<std::string_view>& candidates,
                                 std::string_view kind);

// [text] cut to 64 bytes (backed up to a UTF-8 boundary) with "..." when longer, so a
// hostile megabyte-long name or value cannot flood a message.
std::string cut_for_message(std::string_view text);

// [name] between backticks, cut as cut_for_message does.
std::string quoted_name(std::string_view name);

}  // namespace redflag
