// Conversion between two parsed units, and the reasons it can fail.
#include <cmath>

#include "runtime/ucum/internal/special.hpp"

namespace redflag::ucum {

namespace {

std::string quoted(std::string_view text) { return "`" + std::string(text) + "`"; }

// Whether [from] and [to] differ only in trading mass for moles: g·mol⁻¹ apart, mmol/L against
// mg/dL. UCUM counts the mole as a number, so only mole_exponent tells the two apart.
bool needs_molar_mass(const Unit& from, const Unit& to) {
  constexpr std::size_t kGram = 2;  // kBaseCodes[2] == "g"
  const int mass_difference = from.dimension.exponents[kGram] - to.dimension.exponents[kGram];
  if (mass_difference == 0 || from.mole_exponent - to.mole_exponent != -mass_difference) return false;
  for (std::size_t i = 0; i < kBaseCount; ++i) {
    if (i != kGram && from.dimension.exponents[i] != to.dimension.exponents[i]) return false;
  }
  return true;
}

std::string arbitrary_text(const Unit& unit) {
  std::string text;
  for (const ArbitraryPower& power : unit.arbitrary) {
    if (!text.empty()) text += '.';
    text += std::string(power.atom) + (power.exponent == 1 ? "" : std::to_string(power.exponent));
  }
  return text.empty() ? "no arbitrary unit" : text;
}

ConvertResult refused(std::string message) { return {std::nullopt, std::move(message)}; }

}  // namespace

ConvertResult convert(double value, const Unit& from, std::string_view from_code, const Unit& to,
                      std::string_view to_code) {
  const std::string names = quoted(from_code) + " to " + quoted(to_code);
  if (from.arbitrary != to.arbitrary) {
    return refused("cannot convert " + names + ": arbitrary units compare only with themselves (" +
                   arbitrary_text(from) + " against " + arbitrary_text(to) + ")");
  }
  if (from.dimension != to.dimension) {
    const std::string dimensions = " (" + dimension_text(from.dimension) + " against " + dimension_text(to.dimension) + ")";
    if (needs_molar_mass(from, to)) {
      return refused("cannot convert " + names + ": one is an amount of substance, the other a mass" + dimensions +
                     "; a molar mass would be needed");
    }
    return refused("cannot convert " + names + ": different dimensions" + dimensions);
  }
  const double result = internal::from_base(to, internal::to_base(from, value));
  if (!std::isfinite(result)) return refused("cannot convert " + names + ": the value has no equivalent in " + quoted(to_code));
  return {result, {}};
}

ConvertResult convert(double value, std::string_view from, std::string_view to) {
  const ParseResult source = parse(from);
  if (!source.unit) return refused("cannot read " + quoted(from) + ": " + source.error.text());
  const ParseResult target = parse(to);
  if (!target.unit) return refused("cannot read " + quoted(to) + ": " + target.error.text());
  return convert(value, *source.unit, from, *target.unit, to);
}

}  // namespace redflag::ucum
