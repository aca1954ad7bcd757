// The special units' functions, and the one place a value enters or leaves the base units.
//
// An ordinary unit's number is a multiple of the quantity (base = value × factor). A special
// unit's number is a function of it: Celsius adds an offset, the bel takes a logarithm, the
// prism diopter a tangent. to_base() and from_base() cover both kinds, so convert() never asks
// which kind it has.
#pragma once

#include <optional>
#include <string_view>

#include "runtime/ucum/ucum.hpp"

namespace redflag::ucum::internal {

// The function ucum-essence.xml names [name] (`Cel`, `degF`, `lgTimes2`, …), if redflag has it.
std::optional<SpecialFunction> special_function_named(std::string_view name);

// [value] in [unit] as a quantity in the base units of [unit]'s dimension.
double to_base(const Unit& unit, double value);

// A quantity [base] in base units as a number of [unit]; NaN when [unit] has no number for it
// (the pH of a negative concentration).
double from_base(const Unit& unit, double base);

}  // namespace redflag::ucum::internal
