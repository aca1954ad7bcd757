#include "runtime/fact_input.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "runtime/number_text.hpp"
#include "runtime/suggest.hpp"

namespace redflag {
namespace {

// An enum's expectation lists at most this many values.
constexpr std::size_t kShownValues = 10;

// An example value for [fact], a quantity, as a case file would write it.
std::string example(const ImageFact& fact) {
  switch (fact.dimension) {
    case Dimension::Mass: return "\"12 lb\"";
    case Dimension::Time: return "\"6 weeks\"";
    case Dimension::Length: return "\"170 cm\"";
    case Dimension::Temperature: return "\"38.5 Cel\"";
    case Dimension::Quantity: return "\"12 " + cut_for_message(fact.unit) + "\"";
    case Dimension::None: break;
  }
  return "\"12\"";
}

// What [fact] expects, without a range: "true or false", "a mass such as \"12 lb\"".
std::string expectation(const ImageFact& fact) {
  switch (fact.type) {
    case FactType::Bool: return "true or false";
    case FactType::Number: return "a number";
    case FactType::Integer: return "an integer";
    case FactType::Quantity:
      return "a " + std::string(dimension_name(fact.dimension)) + " such as " + example(fact);
    case FactType::Text: return "a string";
    case FactType::Enum: break;
  }
  const std::size_t shown = std::min(fact.values.size(), kShownValues);
  std::string text = "one of ";
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) text += i + 1 == fact.values.size() ? " or " : ", ";
    text += quoted_text(fact.values[i]);
  }
  if (shown < fact.values.size()) text += ", ... (" + std::to_string(fact.values.size()) + " values)";
  return text;
}

// " 12 [lb_av]" after a bound of a quantity fact, "" after a number's.
std::string unit_suffix(const ImageFact& fact) { return fact.unit.empty() ? "" : " " + fact.unit; }

// "a number from 0 to 130", "an integer from 3 to 15", "a mass of at least 0 [lb_av]": what
// [fact]'s range admits.
std::string range_expectation(const ImageFact& fact) {
  std::string text = fact.type == FactType::Quantity  ? "a " + std::string(dimension_name(fact.dimension))
                     : fact.type == FactType::Integer ? "an integer"
                                                      : "a number";
  const std::string unit = unit_suffix(fact);
  if (std::isnan(fact.max)) return text + " of at least " + number_text(fact.min) + unit;
  if (std::isnan(fact.min)) return text + " of at most " + number_text(fact.max) + unit;
  return text + " from " + number_text(fact.min) + " to " + number_text(fact.max) + unit;
}

// How a number was written: [value] then [unit] when it has one ("12 kg", "61").
std::string written(double value, std::string_view unit) {
  return unit.empty() ? number_text(value) : number_text(value) + " " + std::string(unit);
}

// "`weight_loss` is a mass and cannot be negative, got -20 lb" when [value], in [fact]'s
// canonical unit, is physically impossible: a negative mass, time or length, a negative
// quantity of any other ratio unit (a pressure, a rate, a concentration, a count; not a
// logarithmic special unit such as [pH] or dB), or a temperature below absolute zero (compared in the canonical unit, rounded as convert rounds, so -459.67
// [degF] is 0 K). Only a fact with no declared lower bound gets this default: a declared range
// says itself what is possible (a weight change may be negative). [as_written], [unit] and
// [canonical] are as in `checked`.
std::string impossible(const ImageFact& fact, double value, double as_written, std::string_view unit,
                       const Unit* canonical) {
  if (!(value < 0) || fact.type != FactType::Quantity || !std::isnan(fact.min)) return {};
  std::optional<Unit> looked_up;
  if (canonical == nullptr && (looked_up = find_unit(fact.unit))) canonical = &*looked_up;
  const std::string what = quoted_name(fact.name) + " is a " + std::string(dimension_name(fact.dimension));
  switch (fact.dimension) {
    case Dimension::Quantity: {
      if (canonical == nullptr || canonical->ucum.special != ucum::SpecialFunction::None) return {};
      return quoted_name(fact.name) + " is a quantity in " + fact.unit + " and cannot be negative, got " +
             written(as_written, unit);
    }
    case Dimension::Mass:
    case Dimension::Time:
    case Dimension::Length:
      return what + " and cannot be negative, got " + written(as_written, unit);
    case Dimension::Temperature: {
      const auto kelvin = find_unit("K");
      if (canonical == nullptr || !kelvin || value >= convert(0, *kelvin, *canonical)) return {};
      return what + " and cannot be below absolute zero (0 K), got " + written(as_written, unit);
    }
    case Dimension::None: break;
  }
  return {};
}

// Checks [value] (canonical unit) against physics and [fact]'s range; it was written as
// [as_written] in [unit] ("" for none), which messages repeat. [canonical] is the fact's unit
// when the caller has looked it up (null: looked up only if physics needs it). Formats nothing
// unless it fails.
std::string checked(const ImageFact& fact, double value, double as_written, std::string_view unit,
                    const Unit* canonical, double& out) {
  if (!std::isfinite(value)) return not_finite_error(fact, written(as_written, unit));
  if (std::string reason = impossible(fact, value, as_written, unit, canonical); !reason.empty()) return reason;
  if (fact.type == FactType::Integer && value != std::trunc(value)) {
    return quoted_name(fact.name) + " expects an integer, got " + written(as_written, unit);
  }
  const bool below = !std::isnan(fact.min) && value < fact.min;
  const bool above = !std::isnan(fact.max) && value > fact.max;
  if (below || above) {
    return quoted_name(fact.name) + " expects " + range_expectation(fact) + ", got " + written(as_written, unit);
  }
  out = value + 0.0;  // -0 + 0 is +0
  return {};
}

}  // namespace

std::string unknown_fact_error(std::string_view name, const std::vector<ImageFact>& facts) {
  std::vector<std::string_view> names;
  names.reserve(facts.size());
  for (const ImageFact& fact : facts) names.push_back(fact.name);
  return "unknown fact " + quoted_name(name) + did_you_mean(name, names);
}

std::string wrong_type_error(const ImageFact& fact, std::string_view got) {
  return quoted_name(fact.name) + " expects " + expectation(fact) + ", got " + std::string(got);
}

std::string not_finite_error(const ImageFact& fact, std::string_view got) {
  return quoted_name(fact.name) + " expects a finite number, got " + cut_for_message(got);
}

std::string number_input(const ImageFact& fact, double value, double& out) {
  return checked(fact, value, value, {}, nullptr, out);
}

std::string quantity_input(const ImageFact& fact, const std::optional<Unit>& canonical, double value,
                           std::string_view unit, double& out) {
  return quantity_input(fact, canonical, value, unit, find_unit(unit), out);
}

std::string quantity_input(const ImageFact& fact, const std::optional<Unit>& canonical, double value,
                           std::string_view unit, const std::optional<Unit>& from, double& out) {
  if (!from) return "unknown unit " + quoted_name(unit) + unit_suggestion(unit, canonical);
  if (!canonical) return quoted_name(fact.name) + " has the unknown unit " + quoted_name(fact.unit);
  if (!compatible(*from, *canonical)) {
    const std::string hint = unit_suggestion(unit, canonical);
    if (is_named(fact.dimension) && is_named(from->dimension)) {
      return quoted_name(fact.name) + " is a " + std::string(dimension_name(fact.dimension)) + "; " +
             quoted_name(written(value, unit)) + " is a " + std::string(dimension_name(from->dimension)) + hint;
    }
    return quoted_name(fact.name) + " is in " + quoted_name(fact.unit) + "; " + incompatibility(*from, *canonical) + hint;
  }
  return checked(fact, convert(value, *from, *canonical), value, unit, &*canonical, out);
}

std::string enum_input(const ImageFact& fact, std::string_view value, double& out) {
  const auto found = std::find(fact.values.begin(), fact.values.end(), value);
  if (found == fact.values.end()) return wrong_type_error(fact, quoted_text(value));
  out = static_cast<double>(found - fact.values.begin());
  return {};
}

std::string quoted_text(std::string_view text) { return "\"" + cut_for_message(text) + "\""; }

}  // namespace redflag
