// Intervals of doubles: the numeric values of the VM (arithmetic, scores, score items).
//
// A numeric value at run time is what the case allows it to be: [v, v] (exact) for a known fact,
// the fact's declared range for an unknown one, and whatever the operations below make of those.
// Shared by the VM, the batch VM and the compiler's reference evaluator, so all three agree to
// the bit. Endpoints are computed in the processor's round-to-nearest, not rounded outwards: an
// exact value is exactly the double plain arithmetic gives, which is what `expect score x = 5`
// and a threshold at a computed boundary need. Nothing here is ever an error: a division by an
// interval that contains 0, or an ∞ − ∞ after an overflow, is [-∞, +∞] (unknown), never a
// cleared flag. Standard library only, header-only, and constexpr so tests can pin the rules.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>

#include "runtime/tri.hpp"

namespace redflag {

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The closed interval [lo, hi] of doubles, lo <= hi; ±∞ for an open end.
struct Interval {
  double lo = 0;
  double hi = 0;

  // The exact value [value, value].
  static constexpr Interval exact(double value) { return {value, value}; }
  // Whether the interval is one value.
  constexpr bool is_exact() const { return lo == hi; }
  // Everything: [-∞, +∞].
  static constexpr Interval everything() { return {-kInfinity, kInfinity}; }
};

constexpr bool operator==(Interval x, Interval y) { return x.lo == y.lo && x.hi == y.hi; }
constexpr bool operator!=(Interval x, Interval y) { return !(x == y); }

namespace internal {

// [value], or [fallback] when it is NaN (∞ − ∞, where an exact ∞ came from an overflow).
constexpr double unless_nan(double value, double fallback) { return value != value ? fallback : value; }

// [a] * [b], where 0 · ±∞ counts as 0.
constexpr double times(double a, double b) { return a == 0 || b == 0 ? 0.0 : a * b; }

// [a] / [b] for b != 0, where ±∞ / ±∞ counts as 0 (as a · (1/b) with 1/∞ = 0 and 0 · ∞ = 0).
constexpr double divided(double a, double b) {
  const bool both_infinite = (a == kInfinity || a == -kInfinity) && (b == kInfinity || b == -kInfinity);
  return both_infinite ? 0.0 : a / b;
}

// The smallest interval holding [a], [b], [c] and [d].
constexpr Interval hull(double a, double b, double c, double d) {
  return {std::min({a, b, c, d}), std::max({a, b, c, d})};
}

}  // namespace internal

// x + y = [x.lo + y.lo, x.hi + y.hi].
constexpr Interval operator+(Interval x, Interval y) {
  return {internal::unless_nan(x.lo + y.lo, -kInfinity), internal::unless_nan(x.hi + y.hi, kInfinity)};
}

// x - y = [x.lo - y.hi, x.hi - y.lo].
constexpr Interval operator-(Interval x, Interval y) {
  return {internal::unless_nan(x.lo - y.hi, -kInfinity), internal::unless_nan(x.hi - y.lo, kInfinity)};
}

// x * y = the hull of the four endpoint products, 0 · ±∞ counting as 0.
constexpr Interval operator*(Interval x, Interval y) {
  using internal::times;
  return internal::hull(times(x.lo, y.lo), times(x.lo, y.hi), times(x.hi, y.lo), times(x.hi, y.hi));
}

// x / y = [-∞, +∞] when y contains 0, else the hull of the four endpoint quotients: the set
// x * [1/y.hi, 1/y.lo], each endpoint rounded once instead of twice.
constexpr Interval operator/(Interval x, Interval y) {
  if (y.lo <= 0 && 0 <= y.hi) return Interval::everything();
  using internal::divided;
  return internal::hull(divided(x.lo, y.lo), divided(x.lo, y.hi), divided(x.hi, y.lo), divided(x.hi, y.hi));
}

// `x c y` for every pair of values the intervals allow: T when it holds for all, F for none, else U.
constexpr Tri compare_intervals(Interval x, CmpCode code, Interval y) {
  switch (code) {
    case CmpCode::Eq:
      if (x.is_exact() && y.is_exact() && x.lo == y.lo) return Tri::True;
      return x.hi < y.lo || y.hi < x.lo ? Tri::False : Tri::Unknown;
    case CmpCode::Ne: return tri_not(compare_intervals(x, CmpCode::Eq, y));
    case CmpCode::Lt: return x.hi < y.lo ? Tri::True : (x.lo >= y.hi ? Tri::False : Tri::Unknown);
    case CmpCode::Le: return x.hi <= y.lo ? Tri::True : (x.lo > y.hi ? Tri::False : Tri::Unknown);
    case CmpCode::Gt: return compare_intervals(y, CmpCode::Lt, x);
    case CmpCode::Ge: return compare_intervals(y, CmpCode::Le, x);
  }
  return Tri::Unknown;
}

// The points of a score item whose [count] rows have truth [rows] and points [points]: the
// hull of the points of every row that is not F, and of 0 when [zero] ("no row holds scores 0")
// and no row is T. When that set is empty (every row F, no [zero]), the hull of all the points:
// unknown, never silently nothing. [count] is at least 1.
constexpr Interval item_interval(const Tri* rows, const double* points, std::size_t count, bool zero) {
  Interval possible{kInfinity, -kInfinity};  // empty
  Interval all{kInfinity, -kInfinity};
  bool some_true = false;
  for (std::size_t i = 0; i < count; ++i) {
    all = {std::min(all.lo, points[i]), std::max(all.hi, points[i])};
    if (rows[i] == Tri::False) continue;
    possible = {std::min(possible.lo, points[i]), std::max(possible.hi, points[i])};
    some_true = some_true || rows[i] == Tri::True;
  }
  if (zero && !some_true) possible = {std::min(possible.lo, 0.0), std::max(possible.hi, 0.0)};
  return possible.lo <= possible.hi ? possible : all;
}

}  // namespace redflag
