#include "runtime/units.hpp"

#include <iterator>
#include <charconv>
#include <cmath>
#include <utility>

#include "runtime/suggest.hpp"
#include "runtime/ucum/internal/special.hpp"

namespace redflag {
namespace {

// The aliases: spellings clinicians type, each standing for exactly one UCUM code. The one
// table (docs/units.md "Aliases" lists the same rows); no alias is itself a UCUM code
// (tests/runtime/units_test.cpp checks), so an alias never changes what a code means; the one
// exception is `ft`, UCUM's femtotonne, which no clinician means.
constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
    // mass
    {"lb", "[lb_av]"}, {"lbs", "[lb_av]"}, {"pound", "[lb_av]"}, {"pounds", "[lb_av]"},
    {"oz", "[oz_av]"}, {"ounce", "[oz_av]"}, {"ounces", "[oz_av]"},
    {"kilogram", "kg"}, {"kilograms", "kg"}, {"kgs", "kg"}, {"gram", "g"}, {"grams", "g"},
    {"mcg", "ug"},
    // time
    {"second", "s"}, {"seconds", "s"}, {"minute", "min"}, {"minutes", "min"},
    {"hour", "h"}, {"hours", "h"}, {"hr", "h"}, {"hrs", "h"},
    {"day", "d"}, {"days", "d"}, {"week", "wk"}, {"weeks", "wk"}, {"wks", "wk"},
    {"month", "mo"}, {"months", "mo"}, {"year", "a"}, {"years", "a"}, {"yr", "a"},
    // length
    {"in", "[in_i]"}, {"inch", "[in_i]"}, {"inches", "[in_i]"},
    {"ft", "[ft_i]"}, {"foot", "[ft_i]"}, {"feet", "[ft_i]"},
    // temperature
    {"degC", "Cel"}, {"\xC2\xB0" "C", "Cel"}, {"degF", "[degF]"}, {"\xC2\xB0" "F", "[degF]"},
    // pressure, rates
    {"mmHg", "mm[Hg]"}, {"cmH2O", "cm[H2O]"}, {"bpm", "/min"},
    {"celsius", "Cel"}, {"fahrenheit", "[degF]"}, {"kelvin", "K"},
};

// The UCUM codes suggestions choose from besides the aliases: the old single-code table and
// the codes of common clinical measurements.
constexpr std::string_view kCommonCodes[] = {
    "kg", "g", "mg", "ug", "[lb_av]", "[oz_av]",
    "s", "min", "h", "d", "wk", "mo", "a",
    "m", "cm", "mm", "km", "[in_i]", "[ft_i]",
    "K", "Cel", "[degF]",
    "mm[Hg]", "cm[H2O]", "kPa", "/min", "/h", "%", "1",
    "L", "dL", "mL", "mL/min", "L/min", "kg/m2", "m2",
    "g/L", "g/dL", "mg/dL", "mg/L", "mmol/L", "umol/L", "meq/L", "10*9/L", "[IU]/L", "U/L",
};

// Clinically likely readings of units written loosely, by their lower-case spelling: `38 C` is
// a temperature (not coulombs, and not `K` however close), `101 F` one in Fahrenheit (not
// farads). Only suggested when they fit the unit expected.
constexpr std::pair<std::string_view, std::string_view> kPreferred[] = {
    {"c", "Cel"}, {"f", "[degF]"}, {"degc", "Cel"}, {"degf", "[degF]"}, {"cel", "Cel"}, {"k", "K"},
};

// Exact both ways (to_chars rounds the binary value correctly, as printf's "%.12g" does, and
// from_chars reads back correctly, as strtod does), and several times faster than printf: the
// case reader converts a quantity per case.
double round_to_12_significant(double value) {
  if (value == 0 || !std::isfinite(value)) return value;
  char buffer[32];
  const auto printed = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific, 11);
  double rounded = value;
  std::from_chars(buffer, printed.ptr, rounded);
  return rounded;
}

// Which named dimension [unit] measures: one base unit to the first power and nothing else.
Dimension classify(const ucum::Unit& unit) {
  if (unit.mole_exponent != 0 || !unit.arbitrary.empty()) return Dimension::Quantity;
  int total = 0;
  std::size_t only = ucum::kBaseCount;
  for (std::size_t i = 0; i < ucum::kBaseCount; ++i) {
    if (unit.dimension.exponents[i] == 0) continue;
    total += std::abs(unit.dimension.exponents[i]);
    only = i;
  }
  if (total != 1 || unit.dimension.exponents[only] != 1) return Dimension::Quantity;
  const std::string_view base = ucum::kBaseCodes[only];
  if (base == "g") return Dimension::Mass;
  if (base == "s") return Dimension::Time;
  if (base == "m") return Dimension::Length;
  if (base == "K") return Dimension::Temperature;
  return Dimension::Quantity;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// unit_names() with each name's unit, parsed once.
const std::vector<std::pair<std::string_view, Unit>>& known_names() {
  static const auto names = [] {
    std::vector<std::pair<std::string_view, Unit>> out;
    for (const std::string_view name : unit_names()) {
      if (auto unit = find_unit(name)) out.emplace_back(name, std::move(*unit));
    }
    return out;
  }();
  return names;
}

// The preferred reading of [written] that fits [expected]: kPreferred, then an alias or common
// code spelt the same but for case (`LB`, `MMHG`, `MG/DL`); empty when none does.
std::string_view preferred(std::string_view written, const std::optional<Unit>& expected) {
  const std::string key = lower(written);
  const auto fits = [&expected](std::string_view code) {
    if (!expected) return true;
    const auto unit = find_unit(code);
    return unit && compatible(*unit, *expected);
  };
  for (const auto& [spelling, code] : kPreferred) {
    if (spelling == key && fits(code)) return code;
  }
  for (const auto& [name, unit] : known_names()) {
    if (name != written && lower(name) == key && (!expected || compatible(unit, *expected))) return unit.code;
  }
  return {};
}

}  // namespace

std::string_view resolve_alias(std::string_view name) {
  for (const auto& [alias, code] : kAliases) {
    if (alias == name) return code;
  }
  return name;
}

std::optional<Unit> find_unit(std::string_view name) {
  const std::string_view code = resolve_alias(name);
  ucum::ParseResult parsed = ucum::parse(code);
  if (!parsed.unit) return std::nullopt;
  Unit unit;
  unit.code = std::string(code);
  unit.dimension = classify(*parsed.unit);
  unit.ucum = std::move(*parsed.unit);
  return unit;
}

std::vector<std::string_view> unit_names() {
  std::vector<std::string_view> names(std::begin(kCommonCodes), std::end(kCommonCodes));
  for (const auto& alias : kAliases) names.push_back(alias.first);
  return names;
}

std::string_view dimension_name(Dimension dimension) {
  switch (dimension) {
    case Dimension::Mass: return "mass";
    case Dimension::Time: return "time";
    case Dimension::Length: return "length";
    case Dimension::Temperature: return "temperature";
    case Dimension::Quantity: return "quantity";
    case Dimension::None: break;
  }
  return "none";
}

bool is_named(Dimension dimension) {
  return dimension == Dimension::Mass || dimension == Dimension::Time || dimension == Dimension::Length ||
         dimension == Dimension::Temperature;
}

bool compatible(const Unit& from, const Unit& to) {
  return from.ucum.dimension == to.ucum.dimension && from.ucum.mole_exponent == to.ucum.mole_exponent &&
         from.ucum.arbitrary == to.ucum.arbitrary;
}

std::string incompatibility(const Unit& from, const Unit& to) {
  if (compatible(from, to)) return {};
  return ucum::convert(1, from.ucum, from.code, to.ucum, to.code).error;
}

double convert(double value, const Unit& from, const Unit& to) {
  if (from.code == to.code) return value;
  // ucum::convert's own arithmetic, without its messages: the case reader converts a quantity
  // per case and must not allocate. Callers have checked compatible().
  const double result = ucum::internal::from_base(to.ucum, ucum::internal::to_base(from.ucum, value));
  return std::isnan(result) ? result : round_to_12_significant(result);  // an overflow stays infinite
}

std::string unit_suggestion(std::string_view written, const std::optional<Unit>& expected) {
  const std::string_view likely = preferred(written, expected);
  if (!likely.empty()) return "; did you mean `" + std::string(likely) + "`?";
  if (find_unit(written)) return {};  // a real unit of another kind: no near spelling is meant
  std::vector<std::string_view> same_kind, all;
  for (const auto& [name, unit] : known_names()) {
    all.push_back(name);
    if (expected && compatible(unit, *expected)) same_kind.push_back(name);
  }
  std::string hint = did_you_mean(written, same_kind);
  return hint.empty() ? did_you_mean(written, all) : hint;
}

}  // namespace redflag
