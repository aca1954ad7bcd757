#include "tools/eval/result_order.hpp"

#include <algorithm>
#include <numeric>

namespace redflag::tools {

std::vector<std::uint32_t> flags_by_urgency(const Image& image) {
  std::vector<std::uint32_t> order(image.flags.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return image.flags[a].level > image.flags[b].level;
  });
  return order;
}

void shown_topics(const Image& image, const Evaluation& evaluation, std::vector<char>& shown) {
  shown.resize(image.topics.size());
  for (std::size_t i = 0; i < shown.size(); ++i) shown[i] = evaluation.topics[i] == Tri::True;
  for (std::size_t id = 0; id < image.flags.size(); ++id) {
    if (evaluation.flags[id] != Tri::True) continue;
    for (const std::uint32_t topic : image.flags[id].see) shown[topic] = 1;
  }
}

}  // namespace redflag::tools
