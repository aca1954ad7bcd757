#include "runtime/fact_input.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <vector>

namespace redflag {
namespace {

// Names and written values longer than this are cut in messages: a 1 MB key stays a short line.
constexpr std::size_t kShownBytes = 64;
// An enum's expectation lists at most this many values.
constexpr std::size_t kShownValues = 10;
// Suggestions name at most this many candidates.
constexpr std::size_t kShownSuggestions = 3;

// [text] cut to kShownBytes bytes, backed up to a UTF-8 character boundary, "..." when cut.
std::string shortened(std::string_view text) {
  if (text.size() <= kShownBytes) return std::string(text);
  std::size_t end = kShownBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "...";
}

std::string code(std::string_view name) { return "`" + shortened(name) + "`"; }

// Levenshtein distance between [a] and [b], or [limit] + 1 when it is certainly larger.
std::size_t distance_within(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > limit) return limit + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j < row.size(); ++j) row[j] = j;
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i + 1;
    for (std::size_t j = 0; j < b.size(); ++j) {
      const std::size_t substitute = diagonal + (a[i] == b[j] ? 0 : 1);
      diagonal = row[j + 1];
      row[j + 1] = std::min({substitute, row[j] + 1, diagonal + 1});
    }
  }
  return row.back();
}

// "; did you mean `a` or `b`?" naming the [candidates] nearest to [name], or "" when none is
// within a third of its length (at least 2 edits, and fewer edits than it has characters).
std::string suggestion(std::string_view name, const std::vector<std::string_view>& candidates) {
  const std::size_t limit = std::min(std::max<std::size_t>(2, name.size() / 3), name.size() - (name.empty() ? 0 : 1));
  std::size_t best = limit + 1;
  std::vector<std::string_view> nearest;
  for (const std::string_view candidate : candidates) {
    const std::size_t distance = distance_within(name, candidate, limit);
    if (distance > best || distance > limit) continue;
    if (distance < best) nearest.clear();
    best = distance;
    if (nearest.size() < kShownSuggestions) nearest.push_back(candidate);
  }
  std::string text;
  for (std::size_t i = 0; i < nearest.size(); ++i) {
    text += i == 0 ? "; did you mean " : i + 1 == nearest.size() ? " or " : ", ";
    text += code(nearest[i]);
  }
  return nearest.empty() ? text : text + "?";
}

// An example value for a quantity of [dimension], as a case file would write it.
std::string_view example(Dimension dimension) {
  switch (dimension) {
    case Dimension::Mass: return "\"12 lb\"";
    case Dimension::Time: return "\"6 weeks\"";
    case Dimension::Length: return "\"170 cm\"";
    case Dimension::Temperature: return "\"38.5 Cel\"";
    case Dimension::None: break;
  }
  return "\"12\"";
}

// What [fact] expects, without a range: "true or false", "a mass such as \"12 lb\"".
std::string expectation(const ImageFact& fact) {
  switch (fact.type) {
    case FactType::Bool: return "true or false";
    case FactType::Number: return "a number";
    case FactType::Quantity:
      return "a " + std::string(dimension_name(fact.dimension)) + " such as " + std::string(example(fact.dimension));
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

// "a number from 0 to 130", "a mass of at least 0 [lb_av]": what [fact]'s range admits.
std::string range_expectation(const ImageFact& fact) {
  std::string text = fact.type == FactType::Quantity ? "a " + std::string(dimension_name(fact.dimension)) : "a number";
  const std::string unit = unit_suffix(fact);
  if (std::isnan(fact.max)) return text + " of at least " + number_text(fact.min) + unit;
  if (std::isnan(fact.min)) return text + " of at most " + number_text(fact.max) + unit;
  return text + " from " + number_text(fact.min) + " to " + number_text(fact.max) + unit;
}

// How a number was written: [value] then [unit] when it has one ("12 kg", "61").
std::string written(double value, std::string_view unit) {
  return unit.empty() ? number_text(value) : number_text(value) + " " + std::string(unit);
}

// Checks [value] (canonical unit) against [fact]'s range; it was written as [as_written] in
// [unit] ("" for none), which messages repeat. Formats nothing unless it fails.
std::string checked(const ImageFact& fact, double value, double as_written, std::string_view unit, double& out) {
  if (!std::isfinite(value)) return not_finite_error(fact, written(as_written, unit));
  const bool below = !std::isnan(fact.min) && value < fact.min;
  const bool above = !std::isnan(fact.max) && value > fact.max;
  if (below || above) {
    return code(fact.name) + " expects " + range_expectation(fact) + ", got " + written(as_written, unit);
  }
  out = value + 0.0;  // -0 + 0 is +0
  return {};
}

}  // namespace

std::string unknown_fact_error(std::string_view name, const std::vector<ImageFact>& facts) {
  std::vector<std::string_view> names;
  names.reserve(facts.size());
  for (const ImageFact& fact : facts) names.push_back(fact.name);
  return "unknown fact " + code(name) + suggestion(name, names);
}

std::string wrong_type_error(const ImageFact& fact, std::string_view got) {
  return code(fact.name) + " expects " + expectation(fact) + ", got " + std::string(got);
}

std::string not_finite_error(const ImageFact& fact, std::string_view got) {
  return code(fact.name) + " expects a finite number, got " + shortened(got);
}

std::string number_input(const ImageFact& fact, double value, double& out) {
  return checked(fact, value, value, {}, out);
}

std::string quantity_input(const ImageFact& fact, const std::optional<Unit>& canonical, double value,
                           std::string_view unit, double& out) {
  return quantity_input(fact, canonical, value, unit, find_unit(unit), out);
}

std::string quantity_input(const ImageFact& fact, const std::optional<Unit>& canonical, double value,
                           std::string_view unit, const std::optional<Unit>& from, double& out) {
  if (!from) {
    std::vector<std::string_view> same_dimension, all = unit_names();
    for (const std::string_view name : all) {
      if (find_unit(name)->dimension == fact.dimension) same_dimension.push_back(name);
    }
    std::string hint = suggestion(unit, same_dimension);
    return "unknown unit " + code(unit) + (hint.empty() ? suggestion(unit, all) : hint);
  }
  if (!canonical || from->dimension != canonical->dimension) {
    return code(fact.name) + " is a " + std::string(dimension_name(fact.dimension)) + "; " + code(written(value, unit)) +
           " is a " + std::string(dimension_name(from->dimension));
  }
  return checked(fact, convert(value, *from, *canonical), value, unit, out);
}

std::string enum_input(const ImageFact& fact, std::string_view value, double& out) {
  const auto found = std::find(fact.values.begin(), fact.values.end(), value);
  if (found == fact.values.end()) return wrong_type_error(fact, quoted_text(value));
  out = static_cast<double>(found - fact.values.begin());
  return {};
}

std::string quoted_text(std::string_view text) { return "\"" + shortened(text) + "\""; }

std::string number_text(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

}  // namespace redflag
