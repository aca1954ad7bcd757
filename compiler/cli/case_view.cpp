#include "compiler/cli/case_view.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace redflag::cli {
namespace {

// Flags with [wanted] result, highest urgency first; the sort is stable, so KB order breaks ties.
std::vector<std::uint32_t> flags_with(const Image& image, const Evaluation& evaluation, Tri wanted) {
  std::vector<std::uint32_t> result;
  for (std::uint32_t i = 0; i < evaluation.flags.size(); ++i) {
    if (evaluation.flags[i] == wanted) result.push_back(i);
  }
  std::stable_sort(result.begin(), result.end(), [&](std::uint32_t a, std::uint32_t b) {
    return image.flags[a].level > image.flags[b].level;
  });
  return result;
}

std::vector<std::uint32_t> facts_where(const ImageFlag& flag, const std::vector<FactValue>& facts,
                                       bool known) {
  std::vector<std::uint32_t> result;
  for (const auto fact : flag.facts) {
    if (facts[fact].known == known) result.push_back(fact);
  }
  return result;
}

}  // namespace

CaseView view_case(const Image& image, const Evaluation& evaluation) {
  CaseView view;
  view.fired = flags_with(image, evaluation, Tri::True);
  view.undetermined = flags_with(image, evaluation, Tri::Unknown);
  std::vector<bool> shown(image.topics.size(), false);
  for (std::uint32_t topic = 0; topic < evaluation.topics.size(); ++topic) {
    shown[topic] = evaluation.topics[topic] == Tri::True;
  }
  for (const auto flag : view.fired) {
    for (const auto topic : image.flags[flag].see) shown[topic] = true;
  }
  for (std::uint32_t topic = 0; topic < shown.size(); ++topic) {
    if (shown[topic]) view.topics.push_back(topic);
  }
  return view;
}

std::vector<std::uint32_t> evidence_of(const ImageFlag& flag, const std::vector<FactValue>& facts) {
  return facts_where(flag, facts, true);
}

std::vector<std::uint32_t> needs_of(const ImageFlag& flag, const std::vector<FactValue>& facts) {
  return facts_where(flag, facts, false);
}

std::string display_value(const ImageFact& fact, const FactValue& value) {
  switch (fact.type) {
    case FactType::Bool: return value.value != 0 ? "true" : "false";
    case FactType::Number: return fmt::format("{}", value.value);
    case FactType::Quantity: return fmt::format("{} {}", value.value, fact.unit);
    case FactType::Enum: return fact.values.at(static_cast<std::size_t>(value.value));
    case FactType::Text: break;
  }
  return "(text)";
}

std::string hash_hex(const Image& image) {
  std::string hex;
  for (const auto byte : image.content_hash) hex += fmt::format("{:02x}", byte);
  return hex;
}

}  // namespace redflag::cli
