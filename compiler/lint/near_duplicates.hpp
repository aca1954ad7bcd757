// For each text of a list, the first earlier text that is a near-duplicate of it
// (compiler/lint/text_similarity.hpp), found without comparing every pair: duplicate-text's
// search.
//
// Comparing each text with every earlier one takes time quadratic in the list. Instead a text
// is compared only with the earlier texts that pass one of two filters, which between them let
// through every near-duplicate, walked in list order so that the walk stops at the first:
//
// - Word sets with a Jaccard index of kSimilar or more share one of their rarest words (prefix
//   filtering): a set's |set| - ceil(kSimilar |set|) + 1 rarest words, by how many texts of the
//   list hold them, meet the other set's. The earlier texts are indexed by those words.
// - Texts compared by edit distance have lengths within a tenth of each other: the earlier
//   texts are indexed by length, and those in the window are walked. Each is first tried
//   against cheap bounds on the distance (how far apart the counts of its characters are, then
//   the distance without the common prefix and suffix, cut off at the limit).
//
// similarity() decides every pair that passes, so the result is that of comparing every pair.
// Texts of about the same length that are not near-duplicates of each other are still walked
// one by one, at the cost of the bounds; lists whose texts have an early near-duplicate, as the
// benchmark KBs' titles do, stop each walk soon.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace redflag::lint {

// For each of [texts] (normalised), the index of the first earlier near-duplicate, if any.
// Empty texts have none and are nobody's.
std::vector<std::optional<std::uint32_t>> first_near_duplicates(const std::vector<std::string>& texts);

}  // namespace redflag::lint
