#include "runtime/units.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace redflag {
namespace {

struct UnitEntry {
  std::string_view name;  // a code or alias
  Unit unit;
};

constexpr double kPound = 0.45359237;  // kg, exact by definition
constexpr double kDay = 86400.0;       // s
constexpr double kYear = 365.25 * kDay;  // UCUM `a`, the Julian year
constexpr double kInch = 0.0254;       // m, exact

// One row per accepted spelling; the unit's code names the canonical UCUM code.
constexpr std::array kUnits = {
    UnitEntry{"kg", {"kg", Dimension::Mass, 1.0, 0}},
    UnitEntry{"g", {"g", Dimension::Mass, 1e-3, 0}},
    UnitEntry{"mg", {"mg", Dimension::Mass, 1e-6, 0}},
    UnitEntry{"[lb_av]", {"[lb_av]", Dimension::Mass, kPound, 0}},
    UnitEntry{"[oz_av]", {"[oz_av]", Dimension::Mass, kPound / 16, 0}},
    UnitEntry{"s", {"s", Dimension::Time, 1.0, 0}},
    UnitEntry{"min", {"min", Dimension::Time, 60.0, 0}},
    UnitEntry{"h", {"h", Dimension::Time, 3600.0, 0}},
    UnitEntry{"d", {"d", Dimension::Time, kDay, 0}},
    UnitEntry{"wk", {"wk", Dimension::Time, 7 * kDay, 0}},
    UnitEntry{"mo", {"mo", Dimension::Time, kYear / 12, 0}},
    UnitEntry{"a", {"a", Dimension::Time, kYear, 0}},
    UnitEntry{"m", {"m", Dimension::Length, 1.0, 0}},
    UnitEntry{"cm", {"cm", Dimension::Length, 1e-2, 0}},
    UnitEntry{"mm", {"mm", Dimension::Length, 1e-3, 0}},
    UnitEntry{"km", {"km", Dimension::Length, 1e3, 0}},
    UnitEntry{"[in_i]", {"[in_i]", Dimension::Length, kInch, 0}},
    UnitEntry{"[ft_i]", {"[ft_i]", Dimension::Length, 12 * kInch, 0}},
    UnitEntry{"K", {"K", Dimension::Temperature, 1.0, 0}},
    UnitEntry{"Cel", {"Cel", Dimension::Temperature, 1.0, 273.15}},
    UnitEntry{"[degF]", {"[degF]", Dimension::Temperature, 5.0 / 9, 273.15 - 32 * 5.0 / 9}},
};

// Friendly spellings and the UCUM code each stands for.
constexpr std::array<std::pair<std::string_view, std::string_view>, 38> kAliases = {{
    {"lb", "[lb_av]"},      {"lbs", "[lb_av]"},    {"pound", "[lb_av]"},  {"pounds", "[lb_av]"},
    {"oz", "[oz_av]"},      {"ounce", "[oz_av]"},  {"ounces", "[oz_av]"}, {"kilogram", "kg"},
    {"kilograms", "kg"},    {"gram", "g"},         {"grams", "g"},        {"second", "s"},
    {"seconds", "s"},       {"minute", "min"},     {"minutes", "min"},    {"hour", "h"},
    {"hours", "h"},         {"day", "d"},          {"days", "d"},         {"week", "wk"},
    {"weeks", "wk"},        {"month", "mo"},       {"months", "mo"},      {"year", "a"},
    {"years", "a"},         {"in", "[in_i]"},      {"inch", "[in_i]"},    {"inches", "[in_i]"},
    {"ft", "[ft_i]"},       {"foot", "[ft_i]"},    {"feet", "[ft_i]"},    {"degC", "Cel"},
    {"degF", "[degF]"},     {"kgs", "kg"},         {"hr", "h"},           {"hrs", "h"},
    {"wks", "wk"},          {"yr", "a"},
}};

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

}  // namespace

std::optional<Unit> find_unit(std::string_view name) {
  for (const auto& [alias, code] : kAliases) {
    if (alias == name) {
      name = code;
      break;
    }
  }
  for (const auto& entry : kUnits) {
    if (entry.name == name) return entry.unit;
  }
  return std::nullopt;
}

std::vector<std::string_view> unit_names() {
  std::vector<std::string_view> names;
  for (const auto& entry : kUnits) names.push_back(entry.name);
  for (const auto& alias : kAliases) names.push_back(alias.first);
  return names;
}

std::string_view dimension_name(Dimension dimension) {
  switch (dimension) {
    case Dimension::Mass: return "mass";
    case Dimension::Time: return "time";
    case Dimension::Length: return "length";
    case Dimension::Temperature: return "temperature";
    case Dimension::None: break;
  }
  return "none";
}

double convert(double value, const Unit& from, const Unit& to) {
  if (from.code == to.code) return value;
  const double base = value * from.factor + from.offset;
  return round_to_12_significant((base - to.offset) / to.factor);
}

}  // namespace redflag
