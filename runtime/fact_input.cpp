#include "runtime/fact_input.hpp"

#include <algorithm>
#include <cfloat>
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

// "a number", "an integer", "a mass": what kind of number [fact], a number, integer or quantity
// fact, holds.
std::string numeric_kind(const ImageFact& fact) {
  return fact.type == FactType::Quantity  ? "a " + std::string(dimension_name(fact.dimension))
         : fact.type == FactType::Integer ? "an integer"
                                          : "a number";
}

// "a number from 0 to 130", "an integer from 3 to 15", "a mass of at least 0 [lb_av]": what
// [fact]'s range admits. Bounds are printed in full, so that a value just outside one never
// looks as if it were on it.
std::string range_expectation(const ImageFact& fact) {
  const std::string text = numeric_kind(fact);
  const std::string unit = unit_suffix(fact);
  if (std::isnan(fact.max)) return text + " of at least " + shortest_text(fact.min) + unit;
  if (std::isnan(fact.min)) return text + " of at most " + shortest_text(fact.max) + unit;
  return text + " from " + shortest_text(fact.min) + " to " + shortest_text(fact.max) + unit;
}

// How a value was written, as messages repeat it: [token], the number as a case file has it,
// when there is one (every digit kept, and a number beyond a double, read as infinite, shown as
// written), else [value] in the fewest digits that read back as it (130.0000000000001, never a
// rounded 130); then [unit] when it has one ("12 kg", "61").
struct Written {
  double value = 0;
  std::string_view token;
  std::string_view unit;

  std::string text() const {
    std::string number = token.empty() ? shortest_text(value) : cut_for_message(token);
    return unit.empty() ? number : number + " " + std::string(unit);
  }
};

// "`age` expects a finite number, got nan": only an embedding program can give a NaN.
std::string not_finite_error(const ImageFact& fact, std::string_view got) {
  return quoted_name(fact.name) + " expects a finite number, got " + std::string(got);
}

// "`age` expects a number no larger in magnitude than 1.7976931348623157e+308 (the largest
// double), got 1e999": [fact] was given a number no double holds (written so, or converted into
// the fact's unit from one that fits: 1e308 kg is more pounds than any double), which its range,
// if it has one, does not already exclude.
std::string too_large_error(const ImageFact& fact, std::string_view got) {
  return quoted_name(fact.name) + " expects " + numeric_kind(fact) + " no larger in magnitude than " +
         shortest_text(DBL_MAX) + unit_suffix(fact) + " (the largest double), got " + std::string(got);
}

// "`weight_loss` is a mass and cannot be negative, got -20 lb" when [value], in [fact]'s
// canonical unit, is physically impossible: a negative mass, time or length, a negative
// quantity of any other ratio unit (a pressure, a rate, a concentration, a count; not a
// logarithmic special unit such as [pH] or dB), or a temperature below absolute zero (compared in the canonical unit, rounded as convert rounds, so -459.67
// [degF] is 0 K). Only a fact with no declared lower bound gets this default: a declared range
// says itself what is possible (a weight change may be negative). [got] and [canonical] are as
// in `checked`.
std::string impossible(const ImageFact& fact, double value, const Written& got, const Unit* canonical) {
  if (!(value < 0) || fact.type != FactType::Quantity || !std::isnan(fact.min)) return {};
  std::optional<Unit> looked_up;
  if (canonical == nullptr && (looked_up = find_unit(fact.unit))) canonical = &*looked_up;
  const std::string what = quoted_name(fact.name) + " is a " + std::string(dimension_name(fact.dimension));
  switch (fact.dimension) {
    case Dimension::Quantity: {
      if (canonical == nullptr || canonical->ucum.special != ucum::SpecialFunction::None) return {};
      return quoted_name(fact.name) + " is a quantity in " + fact.unit + " and cannot be negative, got " +
             got.text();
    }
    case Dimension::Mass:
    case Dimension::Time:
    case Dimension::Length:
      return what + " and cannot be negative, got " + got.text();
    case Dimension::Temperature: {
      const auto kelvin = find_unit("K");
      if (canonical == nullptr || !kelvin || value >= convert(0, *kelvin, *canonical)) return {};
      return what + " and cannot be below absolute zero (0 K), got " + got.text();
    }
    case Dimension::None: break;
  }
  return {};
}

// Checks [value] (canonical unit, infinite when it is beyond a double) against physics and
// [fact]'s range; [got] is how it was written, which messages repeat. [canonical] is the fact's
// unit when the caller has looked it up (null: looked up only if physics needs it). Formats
// nothing unless it fails.
std::string checked(const ImageFact& fact, double value, const Written& got, const Unit* canonical, double& out) {
  if (std::isnan(value)) return not_finite_error(fact, got.text());
  if (std::string reason = impossible(fact, value, got, canonical); !reason.empty()) return reason;
  if (fact.type == FactType::Integer && value != std::trunc(value)) {
    return quoted_name(fact.name) + " expects an integer, got " + got.text();
  }
  const bool below = !std::isnan(fact.min) && value < fact.min;
  const bool above = !std::isnan(fact.max) && value > fact.max;
  if (below || above) {
    return quoted_name(fact.name) + " expects " + range_expectation(fact) + ", got " + got.text();
  }
  if (std::isinf(value)) return too_large_error(fact, got.text());
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

std::string number_input(const ImageFact& fact, double value, double& out, std::string_view written) {
  return checked(fact, value, {value, written, {}}, nullptr, out);
}

std::string quantity_input(const ImageFact& fact, const std::optional<Unit>& canonical, double value,
                           std::string_view unit, double& out) {
  return quantity_input(fact, canonical, value, unit, find_unit(unit), out);
}

std::string quantity_input(const ImageFact& fact, const std::optional<Unit>& canonical, double value,
                           std::string_view unit, const std::optional<Unit>& from, double& out,
                           std::string_view written) {
  const Written got{value, written, unit};
  if (!from) return "unknown unit " + quoted_name(unit) + unit_suggestion(unit, canonical);
  if (!canonical) return quoted_name(fact.name) + " has the unknown unit " + quoted_name(fact.unit);
  if (!compatible(*from, *canonical)) {
    const std::string hint = unit_suggestion(unit, canonical);
    if (is_named(fact.dimension) && is_named(from->dimension)) {
      return quoted_name(fact.name) + " is a " + std::string(dimension_name(fact.dimension)) + "; " +
             quoted_name(got.text()) + " is a " + std::string(dimension_name(from->dimension)) + hint;
    }
    return quoted_name(fact.name) + " is in " + quoted_name(fact.unit) + "; " + incompatibility(*from, *canonical) + hint;
  }
  return checked(fact, convert(value, *from, *canonical), got, &*canonical, out);
}

std::string enum_input(const ImageFact& fact, std::string_view value, double& out) {
  const auto found = std::find(fact.values.begin(), fact.values.end(), value);
  if (found == fact.values.end()) return wrong_type_error(fact, quoted_text(value));
  out = static_cast<double>(found - fact.values.begin());
  return {};
}

std::string quoted_text(std::string_view text) { return "\"" + cut_for_message(text) + "\""; }

}  // namespace redflag
