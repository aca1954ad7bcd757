#include "tools/eval/fact_display.hpp"

#include <fmt/format.h>

#include <algorithm>


namespace redflag::tools {
namespace {

template <typename FlagResult>
std::vector<const FlagResult*> by_urgency(const Image& image, const std::vector<FlagResult>& flags) {
  std::vector<const FlagResult*> sorted;
  for (const auto& flag : flags) sorted.push_back(&flag);
  std::stable_sort(sorted.begin(), sorted.end(), [&](const FlagResult* a, const FlagResult* b) {
    return image.flags[a->flag_id].level > image.flags[b->flag_id].level;
  });
  return sorted;
}

}  // namespace

std::string display_value(const ImageFact& fact, double value) {
  switch (fact.type) {
    case FactType::Bool: return value != 0 ? "true" : "false";
    case FactType::Number:
    case FactType::Integer: return fmt::format("{}", value);
    // Six significant digits: a converted 6 kg reads 13.2277 [lb_av], not 13.2277357311. fmt
    // ignores the C locale here (it would follow std::locale only with `L`).
    case FactType::Quantity: return fmt::format("{:.6g} {}", value, fact.unit);
    case FactType::Enum: return fact.values.at(static_cast<std::size_t>(value));
    case FactType::Text: break;
  }
  return "(text)";
}

std::string indent_continuation(std::string_view text, std::string_view indent) {
  std::string result;
  for (const char c : text) {
    result += c;
    if (c == '\n') result += indent;
  }
  return result;
}

std::vector<const FiredFlag*> fired_by_urgency(const Image& image, const CaseResult& result) {
  return by_urgency(image, result.fired);
}

std::vector<const UndeterminedFlag*> undetermined_by_urgency(const Image& image,
                                                             const CaseResult& result) {
  return by_urgency(image, result.undetermined);
}

std::string display_range(const Interval& value, const std::string& unit) {
  const std::string suffix = unit == "1" ? "" : " " + unit;
  // Six significant digits, as a chart reads: a mean arterial pressure of 63.3333 mm[Hg].
  const auto shown = [](double number) { return fmt::format("{:.6g}", number); };
  if (value.lo == value.hi) return shown(value.lo) + suffix;
  return shown(value.lo) + " to " + shown(value.hi) + suffix;
}

}  // namespace redflag::tools
