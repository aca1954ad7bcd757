#include "runtime/ucum/internal/unit_algebra.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace redflag::ucum::internal {

namespace {

bool exponent_in_range(int exponent) { return std::abs(exponent) <= kMaxExponent; }

}  // namespace

void multiply(Unit& left, const Unit& right, int sign) {
  left.factor = sign > 0 ? left.factor * right.factor : left.factor / right.factor;
  for (std::size_t i = 0; i < kBaseCount; ++i) left.dimension.exponents[i] += sign * right.dimension.exponents[i];
  left.mole_exponent += sign * right.mole_exponent;
  for (const ArbitraryPower& power : right.arbitrary) {
    auto at = std::lower_bound(left.arbitrary.begin(), left.arbitrary.end(), power.atom,
                               [](const ArbitraryPower& p, std::string_view atom) { return p.atom < atom; });
    if (at == left.arbitrary.end() || at->atom != power.atom) at = left.arbitrary.insert(at, {power.atom, 0});
    at->exponent += sign * power.exponent;
    if (at->exponent == 0) left.arbitrary.erase(at);  // [IU]/[IU] is a plain number
  }
}

void raise(Unit& unit, int exponent) {
  unit.factor = std::pow(unit.factor, exponent);
  for (int& e : unit.dimension.exponents) e *= exponent;
  unit.mole_exponent *= exponent;
  for (ArbitraryPower& power : unit.arbitrary) power.exponent *= exponent;
  if (exponent == 0) unit.arbitrary.clear();
}

bool in_range(const Unit& unit) {
  if (!std::isfinite(unit.factor) || unit.factor == 0) return false;
  const auto& e = unit.dimension.exponents;
  return std::all_of(e.begin(), e.end(), exponent_in_range) && exponent_in_range(unit.mole_exponent) &&
         std::all_of(unit.arbitrary.begin(), unit.arbitrary.end(),
                     [](const ArbitraryPower& p) { return exponent_in_range(p.exponent); });
}

}  // namespace redflag::ucum::internal
