#include "runtime/suggest.hpp"

#include <algorithm>

namespace redflag {
namespace {

constexpr std::size_t kShownSuggestions = 3;
constexpr std::size_t kShownBytes = 64;  // longer names are cut in messages

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rows of the dynamic-programming table: two back for transpositions.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string cut_for_message(std::string_view text) {
  if (text.size() <= kShownBytes) return std::string(text);
  std::size_t end = kShownBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "...";
}

std::string quoted_name(std::string_view name) { return "`" + cut_for_message(name) + "`"; }

namespace {

// [names] quoted, separated by `, ` and [last] before the last: "`a`, `b` or `c`".
std::string quoted_list(const std::vector<std::string_view>& names, std::string_view last) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? last : ", ";
    text += quoted_name(names[i]);
  }
  return text;
}

}  // namespace

std::string did_you_mean(std::string_view name, const std::vector<std::string_view>& candidates) {
  const std::size_t limit = std::max<std::size_t>(2, name.size() / 3);
  std::size_t best = limit + 1;
  std::vector<std::string_view> closest;
  for (const auto candidate : candidates) {
    if (candidate == name) continue;
    // The length difference alone bounds the distance from below: skip hopeless candidates.
    const std::size_t gap = std::max(name.size(), candidate.size()) - std::min(name.size(), candidate.size());
    if (gap > best) continue;
    const std::size_t distance = edit_distance(name, candidate);
    if (distance > best) continue;
    if (distance < best) {
      best = distance;
      closest.clear();
    }
    if (closest.size() < kShownSuggestions &&
        std::find(closest.begin(), closest.end(), candidate) == closest.end()) {
      closest.push_back(candidate);
    }
  }
  if (closest.empty() || best > limit) return {};
  return "; did you mean " + quoted_list(closest, " or ") + "?";
}

std::string did_you_mean_or_list(std::string_view name, const std::vector<std::string_view>& candidates,
                                 std::string_view kind) {
  std::string suggestion = did_you_mean(name, candidates);
  if (!suggestion.empty() || candidates.empty()) return suggestion;
  if (candidates.size() == 1) return "; the only " + std::string(kind) + " is " + quoted_name(candidates.front());
  return "; the " + std::string(kind) + "s are " + quoted_list(candidates, " and ");
}

}  // namespace redflag
