#include "tools/eval/question_text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace redflag::tools {
namespace {

// `a, b and c`.
std::string listed(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += i == 0 ? "" : i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

// `meningitis (emergency), focal (urgent)`, or without the levels.
std::string flag_names(const Image& image, const std::vector<std::uint32_t>& flags, bool levels) {
  std::vector<std::string> names;
  for (const auto flag : flags) {
    const ImageFlag& entry = image.flags[flag];
    names.push_back(levels ? fmt::format("{} ({})", entry.name, image.levels[entry.level]) : entry.name);
  }
  return listed(names);
}

}  // namespace

std::vector<std::string> question_effects(const Image& image, const Question& question,
                                          std::uint32_t urgency) {
  std::string alone = question.could_reach > urgency
                          ? fmt::format("alone: could raise the urgency to {}", image.levels[question.could_reach])
                          : "alone: cannot change the urgency";
  // A flag some answers fire and others rule out is decided either way.
  std::vector<std::uint32_t> decides, fires, rules_out;
  for (const auto flag : question.fires_alone) {
    const auto& cleared = question.rules_out_alone;
    (std::find(cleared.begin(), cleared.end(), flag) != cleared.end() ? decides : fires).push_back(flag);
  }
  for (const auto flag : question.rules_out_alone) {
    if (std::find(decides.begin(), decides.end(), flag) == decides.end()) rules_out.push_back(flag);
  }
  if (!decides.empty()) alone += "; could decide " + flag_names(image, decides, true);
  if (!fires.empty()) alone += "; could fire " + flag_names(image, fires, true);
  if (!rules_out.empty()) alone += "; could rule out " + flag_names(image, rules_out, false);
  std::vector<std::string> lines{std::move(alone)};
  for (const AnsweredTogether& together : question.together) {
    std::vector<std::string> with;
    for (const auto fact : together.with) with.push_back(image.facts[fact].name);
    lines.push_back(fmt::format("with {}: could fire {}", listed(with), flag_names(image, together.fires, true)));
  }
  return lines;
}

}  // namespace redflag::tools
