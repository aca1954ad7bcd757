// "Did you mean" suggestions: the known names closest to a misspelt one.
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
// none is close: a third of the name's length, at least 1 edit.
std::string did_you_mean(std::string_view name, const std::vector<std::string_view>& candidates);

}  // namespace redflag
