// runtime/interval.hpp and the counting rules of runtime/tri.hpp, rule by rule as docs/bytecode.md
// "Numbers" states them: arithmetic (0 · ∞, division by an interval holding 0, ∞ − ∞),
// comparisons, the item rule and `at most` / `exactly`.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "runtime/interval.hpp"

namespace redflag {
namespace {

constexpr Tri F = Tri::False;
constexpr Tri T = Tri::True;
constexpr Tri U = Tri::Unknown;
constexpr double kInf = kInfinity;

Interval iv(double lo, double hi) { return {lo, hi}; }

TEST_CASE("interval: exact values are the doubles plain arithmetic gives") {
  CHECK(Interval::exact(3).is_exact());
  CHECK_FALSE(iv(3, 4).is_exact());
  CHECK(Interval::exact(0.1) + Interval::exact(0.2) == Interval::exact(0.1 + 0.2));
  CHECK(Interval::exact(120) - Interval::exact(80) == Interval::exact(40));
  CHECK(Interval::exact(1.1) * Interval::exact(3) == Interval::exact(1.1 * 3));
  // (sbp + 2 dbp) / 3: the quotient is rounded once, as 280.0 / 3 is.
  CHECK((Interval::exact(120) + Interval::exact(2) * Interval::exact(80)) / Interval::exact(3) ==
        Interval::exact(280.0 / 3));
  CHECK(Interval::exact(6) / Interval::exact(3) == Interval::exact(2));
}

TEST_CASE("interval: + and - combine opposite ends for -") {
  CHECK(iv(1, 2) + iv(10, 20) == iv(11, 22));
  CHECK(iv(1, 2) - iv(10, 20) == iv(-19, -8));
  CHECK(iv(-kInf, 5) + iv(1, 1) == iv(-kInf, 6));
  CHECK(iv(0, kInf) - iv(0, kInf) == iv(-kInf, kInf));
}

TEST_CASE("interval: inf - inf after an overflow is unknown, never NaN") {
  const Interval overflow = Interval::exact(1e200) * Interval::exact(1e200);
  CHECK(overflow == Interval::exact(kInf));
  CHECK(overflow + iv(-kInf, 5) == iv(-kInf, kInf));
  CHECK(overflow - overflow == iv(-kInf, kInf));
  CHECK(iv(-kInf, -kInf) - iv(-kInf, -kInf) == iv(-kInf, kInf));
}

TEST_CASE("interval: * is the hull of the endpoint products") {
  CHECK(iv(2, 3) * iv(4, 5) == iv(8, 15));
  CHECK(iv(-2, 3) * iv(4, 5) == iv(-10, 15));
  CHECK(iv(-2, 3) * iv(-5, 4) == iv(-15, 12));
  CHECK(iv(-3, -2) * iv(-5, -4) == iv(8, 15));
}

TEST_CASE("interval: 0 times inf counts as 0") {
  CHECK(Interval::exact(0) * iv(-kInf, kInf) == Interval::exact(0));
  CHECK(iv(0, 2) * iv(3, kInf) == iv(0, kInf));
  CHECK(iv(-kInf, 0) * iv(0, kInf) == iv(-kInf, 0));
  CHECK_FALSE(std::isnan((Interval::exact(kInf) * Interval::exact(0)).lo));
}

TEST_CASE("interval: / by an interval that holds 0 is everything") {
  CHECK(iv(1, 2) / Interval::exact(0) == iv(-kInf, kInf));
  CHECK(iv(1, 2) / iv(0, 3) == iv(-kInf, kInf));
  CHECK(iv(1, 2) / iv(-3, 0) == iv(-kInf, kInf));
  CHECK(iv(1, 2) / iv(-1, 1) == iv(-kInf, kInf));
  CHECK(Interval::exact(0) / Interval::exact(0) == iv(-kInf, kInf));
}

TEST_CASE("interval: / by an interval without 0 is x times its reciprocal") {
  CHECK(iv(6, 12) / iv(2, 3) == iv(2, 6));
  CHECK(iv(6, 12) / iv(-3, -2) == iv(-6, -2));
  CHECK(iv(-6, 12) / iv(2, 3) == iv(-3, 6));
  // 1/inf = 0, and inf/inf counts as 0 as inf * (1/inf) = inf * 0 does.
  CHECK(iv(5, kInf) / iv(2, kInf) == iv(0, kInf));
  CHECK(iv(-kInf, kInf) / iv(2, kInf) == iv(-kInf, kInf));
  CHECK(Interval::exact(kInf) / Interval::exact(kInf) == Interval::exact(0));
}

struct CmpRow {
  Interval x;
  CmpCode code;
  Interval y;
  Tri expected;
};

TEST_CASE("interval comparisons: T for every pair of values, F for none, else U") {
  const CmpRow rows[] = {
      {iv(1, 2), CmpCode::Lt, iv(3, 4), T},  {iv(1, 3), CmpCode::Lt, iv(3, 4), U},
      {iv(3, 4), CmpCode::Lt, iv(1, 3), F},  {iv(3, 3), CmpCode::Lt, iv(3, 3), F},
      {iv(1, 3), CmpCode::Le, iv(3, 4), T},  {iv(1, 4), CmpCode::Le, iv(3, 4), U},
      {iv(5, 6), CmpCode::Le, iv(3, 4), F},  {iv(4, 6), CmpCode::Le, iv(3, 4), U},
      {iv(3, 4), CmpCode::Gt, iv(1, 2), T},  {iv(3, 4), CmpCode::Gt, iv(1, 3), U},
      {iv(1, 3), CmpCode::Gt, iv(3, 4), F},  {iv(3, 3), CmpCode::Gt, iv(3, 3), F},
      {iv(3, 4), CmpCode::Ge, iv(1, 3), T},  {iv(3, 4), CmpCode::Ge, iv(1, 4), U},
      {iv(1, 2), CmpCode::Ge, iv(3, 4), F},  {iv(3, 3), CmpCode::Ge, iv(3, 3), T},
      {iv(5, 5), CmpCode::Eq, iv(5, 5), T},  {iv(5, 6), CmpCode::Eq, iv(5, 6), U},
      {iv(5, 6), CmpCode::Eq, iv(7, 8), F},  {iv(7, 8), CmpCode::Eq, iv(5, 6), F},
      {iv(5, 6), CmpCode::Eq, iv(6, 6), U},  {iv(5, 5), CmpCode::Eq, iv(6, 6), F},
      {iv(5, 5), CmpCode::Ne, iv(5, 5), F},  {iv(5, 6), CmpCode::Ne, iv(7, 8), T},
      {iv(5, 6), CmpCode::Ne, iv(6, 7), U},  {iv(-kInf, kInf), CmpCode::Lt, iv(0, 0), U},
      {iv(-kInf, 0), CmpCode::Le, iv(0, kInf), T},
  };
  for (const CmpRow& row : rows) {
    CAPTURE(row.x.lo, row.x.hi, static_cast<int>(row.code), row.y.lo, row.y.hi);
    CHECK(compare_intervals(row.x, row.code, row.y) == row.expected);
  }
}

TEST_CASE("exact intervals compare as their values do") {
  const double values[] = {-1, 0, 2.5, 3};
  for (const double a : values) {
    for (const double b : values) {
      for (int code = 0; code < 6; ++code) {
        const auto cmp = static_cast<CmpCode>(code);
        CHECK(compare_intervals(Interval::exact(a), cmp, Interval::exact(b)) == tri_of(compare(a, cmp, b)));
      }
    }
  }
}

Interval item(std::vector<Tri> rows, std::vector<double> points, bool zero) {
  return item_interval(rows.data(), points.data(), rows.size(), zero);
}

TEST_CASE("item rule: the points of every row that is not F") {
  CHECK(item({F, T, F}, {3, 1, 0}, false) == Interval::exact(1));
  CHECK(item({F, U, U, F}, {3, 1, 0, 2}, false) == iv(0, 1));
  CHECK(item({U, U, U}, {3, 1, 2}, false) == iv(1, 3));
  CHECK(item({T, U}, {2, 5}, false) == iv(2, 5));
}

TEST_CASE("item rule: zero adds 0 while no row is T") {
  CHECK(item({U}, {1}, true) == iv(0, 1));
  CHECK(item({F}, {1}, true) == Interval::exact(0));
  CHECK(item({T}, {1}, true) == Interval::exact(1));
  CHECK(item({F, U}, {3, 2}, true) == iv(0, 2));
  CHECK(item({T, U}, {3, 2}, true) == iv(2, 3));
  CHECK(item({U}, {-2}, true) == iv(-2, 0));
}

TEST_CASE("item rule: every row F without zero is the hull of all points, not nothing") {
  CHECK(item({F, F, F}, {3, 1, 2}, false) == iv(1, 3));
  CHECK(item({F}, {4}, false) == Interval::exact(4));
}

TEST_CASE("at most N of: T if t + u <= N, F if t > N, else U") {
  CHECK(tri_at_most(2, 1, 1) == T);
  CHECK(tri_at_most(2, 2, 0) == T);
  CHECK(tri_at_most(2, 0, 0) == T);
  CHECK(tri_at_most(2, 3, 0) == F);
  CHECK(tri_at_most(2, 3, 4) == F);
  CHECK(tri_at_most(2, 1, 2) == U);
  CHECK(tri_at_most(0, 0, 1) == U);
  CHECK(tri_at_most(0, 1, 0) == F);
}

TEST_CASE("exactly N of: T if t == N and u == 0, F if t > N or t + u < N, else U") {
  CHECK(tri_exactly(2, 2, 0) == T);
  CHECK(tri_exactly(0, 0, 0) == T);
  CHECK(tri_exactly(2, 2, 1) == U);
  CHECK(tri_exactly(2, 1, 1) == U);
  CHECK(tri_exactly(2, 3, 0) == F);
  CHECK(tri_exactly(2, 3, 5) == F);
  CHECK(tri_exactly(2, 0, 1) == F);
  CHECK(tri_exactly(2, 1, 0) == F);
}

static_assert(compare_intervals(Interval{1, 2}, CmpCode::Lt, Interval{3, 4}) == Tri::True,
              "interval comparisons are usable in constant expressions");
static_assert((Interval{1, 2} / Interval{0, 1}).lo == -kInfinity, "division is usable in constant expressions");

}  // namespace
}  // namespace redflag
