#include "runtime/ucum/internal/special.hpp"

#include <cmath>
#include <limits>
#include <utility>

namespace redflag::ucum::internal {

namespace {

constexpr std::pair<std::string_view, SpecialFunction> kFunctionNames[] = {
    {"Cel", SpecialFunction::Celsius},   {"degF", SpecialFunction::Fahrenheit},
    {"degRe", SpecialFunction::Reaumur}, {"pH", SpecialFunction::PH},
    {"ln", SpecialFunction::Ln},         {"lg", SpecialFunction::Lg},
    {"lgTimes2", SpecialFunction::LgTimes2}, {"ld", SpecialFunction::Ld},
    {"tanTimes100", SpecialFunction::TanTimes100}, {"100tan", SpecialFunction::TanTimes100},
    {"hpX", SpecialFunction::HpX},       {"hpC", SpecialFunction::HpC},
    {"hpM", SpecialFunction::HpM},       {"hpQ", SpecialFunction::HpQ},
    {"sqrt", SpecialFunction::Sqrt},
};

// Réaumur's zero in units of its reference magnitude 5/4 K: 273.15 × 4/5.
constexpr double kReaumurZero = 218.52;

// The reference number r (in units of the function's reference magnitude) for special number [s].
double reference_number(SpecialFunction function, double s) {
  switch (function) {
    case SpecialFunction::None: return s;
    case SpecialFunction::Celsius: return s + 273.15;
    case SpecialFunction::Fahrenheit: return s + 459.67;
    case SpecialFunction::Reaumur: return s + kReaumurZero;
    case SpecialFunction::PH: return std::pow(10.0, -s);
    case SpecialFunction::Ln: return std::exp(s);
    case SpecialFunction::Lg: return std::pow(10.0, s);
    case SpecialFunction::LgTimes2: return std::pow(10.0, s / 2);
    case SpecialFunction::Ld: return std::exp2(s);
    case SpecialFunction::TanTimes100: return std::atan(s / 100);  // an angle in rad; see to_base
    case SpecialFunction::HpX: return std::pow(10.0, -s);
    case SpecialFunction::HpC: return std::pow(100.0, -s);
    case SpecialFunction::HpM: return std::pow(1000.0, -s);
    case SpecialFunction::HpQ: return std::pow(50000.0, -s);
    case SpecialFunction::Sqrt: return s * s;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

// The special number for reference number [r]; the inverse of reference_number.
double special_number(SpecialFunction function, double r) {
  switch (function) {
    case SpecialFunction::None: return r;
    case SpecialFunction::Celsius: return r - 273.15;
    case SpecialFunction::Fahrenheit: return r - 459.67;
    case SpecialFunction::Reaumur: return r - kReaumurZero;
    case SpecialFunction::PH: return -std::log10(r);
    case SpecialFunction::Ln: return std::log(r);
    case SpecialFunction::Lg: return std::log10(r);
    case SpecialFunction::LgTimes2: return 2 * std::log10(r);
    case SpecialFunction::Ld: return std::log2(r);
    case SpecialFunction::TanTimes100: return 100 * std::tan(r);
    case SpecialFunction::HpX: return -std::log10(r);
    case SpecialFunction::HpC: return -std::log(r) / std::log(100.0);
    case SpecialFunction::HpM: return -std::log(r) / std::log(1000.0);
    case SpecialFunction::HpQ: return -std::log(r) / std::log(50000.0);
    case SpecialFunction::Sqrt: return r < 0 ? std::numeric_limits<double>::quiet_NaN() : std::sqrt(r);
  }
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

std::optional<SpecialFunction> special_function_named(std::string_view name) {
  for (const auto& [function_name, function] : kFunctionNames) {
    if (function_name == name) return function;
  }
  return std::nullopt;
}

// The tangent is of the angle itself, whatever unit the table names as reference (`rad` for
// [p'diop], `deg` for %[slope]), so its reference number is already the base quantity.
double to_base(const Unit& unit, double value) {
  const double r = reference_number(unit.special, value * unit.special_prefix);
  return unit.special == SpecialFunction::TanTimes100 ? r : r * unit.factor;
}

double from_base(const Unit& unit, double base) {
  const double r = unit.special == SpecialFunction::TanTimes100 ? base : base / unit.factor;
  return special_number(unit.special, r) / unit.special_prefix;
}

}  // namespace redflag::ucum::internal
