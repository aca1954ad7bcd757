// Kleene's strong three-valued logic: the only value type on the VM's stack.
//
// Shared by the VM (evaluation) and the compiler (constant folding), so both agree exactly.
// Standard library only; header-only because every function is a one-liner on the hot path.
#pragma once

#include <cstdint>

namespace redflag {

// ORDER: the PUSH operand and every tri byte in docs/bytecode.md.
enum class Tri : std::uint8_t { False = 0, True = 1, Unknown = 2 };

constexpr Tri tri_of(bool value) { return value ? Tri::True : Tri::False; }

constexpr Tri tri_not(Tri a) {
  return a == Tri::Unknown ? Tri::Unknown : (a == Tri::True ? Tri::False : Tri::True);
}

// False dominates, then unknown.
constexpr Tri tri_and(Tri a, Tri b) {
  if (a == Tri::False || b == Tri::False) return Tri::False;
  if (a == Tri::Unknown || b == Tri::Unknown) return Tri::Unknown;
  return Tri::True;
}

// True dominates, then unknown.
constexpr Tri tri_or(Tri a, Tri b) {
  if (a == Tri::True || b == Tri::True) return Tri::True;
  if (a == Tri::Unknown || b == Tri::Unknown) return Tri::Unknown;
  return Tri::False;
}

// `at least [needed] of` a list with [true_count] true and [unknown_count] unknown members.
constexpr Tri tri_at_least(std::uint32_t needed, std::uint32_t true_count,
                           std::uint32_t unknown_count) {
  if (true_count >= needed) return Tri::True;
  if (true_count + unknown_count < needed) return Tri::False;
  return Tri::Unknown;
}

// `at most [limit] of` a list with [true_count] true and [unknown_count] unknown members.
constexpr Tri tri_at_most(std::uint32_t limit, std::uint32_t true_count, std::uint32_t unknown_count) {
  if (true_count + unknown_count <= limit) return Tri::True;
  if (true_count > limit) return Tri::False;
  return Tri::Unknown;
}

// `exactly [wanted] of` a list with [true_count] true and [unknown_count] unknown members.
constexpr Tri tri_exactly(std::uint32_t wanted, std::uint32_t true_count, std::uint32_t unknown_count) {
  if (true_count == wanted && unknown_count == 0) return Tri::True;
  if (true_count > wanted || true_count + unknown_count < wanted) return Tri::False;
  return Tri::Unknown;
}

// Comparison codes, ORDER as the `c` operand in opcodes.def: = != < <= > >=.
enum class CmpCode : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge };

constexpr bool compare(double a, CmpCode code, double b) {
  switch (code) {
    case CmpCode::Eq: return a == b;
    case CmpCode::Ne: return a != b;
    case CmpCode::Lt: return a < b;
    case CmpCode::Le: return a <= b;
    case CmpCode::Gt: return a > b;
    case CmpCode::Ge: return a >= b;
  }
  return false;
}

}  // namespace redflag
