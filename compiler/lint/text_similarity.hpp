// How alike two flag texts (titles, rationales) are, for duplicate-text.
//
// Texts are compared after folding case and punctuation (normalise). Two texts are
// near-duplicates when their word sets have a Jaccard index of kSimilar or more, or their edit
// distance (runtime/suggest.hpp: Damerau, optimal string alignment) is at most a tenth of the
// longer one; texts longer than kMaxEditBytes, or much shorter than the other, are compared by
// words only (the distance is quadratic, and a large difference in length rules it out).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace redflag::lint {

inline constexpr double kSimilar = 0.9;
inline constexpr std::size_t kMaxEditBytes = 2000;

// Lower case, every run of other characters than letters and digits one space.
std::string normalise(std::string_view text);

// The words of a normalised [text]: what lies between single spaces.
std::vector<std::string_view> words_of(std::string_view text);

// Whether texts of [length] and [other_length] bytes are compared by edit distance.
bool edit_comparable(std::size_t length, std::size_t other_length);

// How alike two normalised texts are, from 0 (nothing shared) to 1 (the same).
double similarity(const std::string& a, const std::string& b);

}  // namespace redflag::lint
