#include "compiler/suggest.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace redflag {

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

std::string did_you_mean(std::string_view name, const std::vector<std::string_view>& candidates) {
  constexpr std::size_t kMaxShown = 3;
  const std::size_t limit = std::max<std::size_t>(1, name.size() / 3);
  std::size_t best = limit + 1;
  std::vector<std::string_view> closest;
  for (const auto candidate : candidates) {
    if (candidate == name) continue;
    const std::size_t distance = edit_distance(name, candidate);
    if (distance < best) {
      best = distance;
      closest.clear();
    }
    if (distance == best && closest.size() < kMaxShown &&
        std::find(closest.begin(), closest.end(), candidate) == closest.end()) {
      closest.push_back(candidate);
    }
  }
  if (closest.empty()) return {};
  std::string list;
  for (std::size_t i = 0; i < closest.size(); ++i) {
    if (i > 0) list += i + 1 == closest.size() ? " or " : ", ";
    list += fmt::format("`{}`", closest[i]);
  }
  return fmt::format("; did you mean {}?", list);
}

}  // namespace redflag
