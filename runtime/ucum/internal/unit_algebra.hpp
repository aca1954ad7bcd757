// Products and powers of parsed units: the arithmetic behind `.`, `/` and exponents.
//
// It only computes; whether the result is still in range (finite magnitude, bounded exponents)
// is the caller's to check with in_range(), so the parser can say where it went wrong.
#pragma once

#include "runtime/ucum/ucum.hpp"

namespace redflag::ucum::internal {

// Largest exponent of a base unit the parser accepts: far beyond any real unit, small enough
// that no sum of in-range exponents overflows an int.
inline constexpr int kMaxExponent = 10000;

// [left] := [left] × [right]^[sign], with [sign] +1 for `.` and -1 for `/`.
void multiply(Unit& left, const Unit& right, int sign);

// [unit] := [unit]^[exponent].
void raise(Unit& unit, int exponent);

// Whether [unit]'s magnitude is finite and nonzero and every exponent within kMaxExponent.
bool in_range(const Unit& unit);

}  // namespace redflag::ucum::internal
