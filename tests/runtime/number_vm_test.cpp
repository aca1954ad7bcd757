// The number opcodes (NUM NUMK ADD SUB MUL DIV CMPN ITEM NSET NGET) and ATMOST / EXACTLY in
// both VMs: every test runs its cases through evaluate() and the batch evaluator
// (tests/runtime/vm_agreement.hpp), which must agree, then checks evaluate()'s results.
#include <catch2/catch.hpp>

#include <algorithm>
#include <utility>

#include "tests/runtime/test_images.hpp"
#include "tests/runtime/vm_agreement.hpp"

namespace redflag {
namespace {

using test::emit_a;
using test::emit_cmpk;
using test::emit_cmpn;
using test::emit_count;
using test::emit_item;
using test::emit_numk;

constexpr Tri F = Tri::False;
constexpr Tri T = Tri::True;
constexpr Tri U = Tri::Unknown;
constexpr double kInf = kInfinity;
constexpr Tri kTris[] = {F, T, U};

using Facts = std::vector<FactValue>;

// A case of number_image() with [known] facts set, every other fact absent.
Facts with(std::initializer_list<std::pair<test::NumberFact, double>> known) {
  Facts facts(test::kNumberFactCount);
  for (const auto& [fact, value] : known) facts[fact] = test::known(value);
  return facts;
}

// The cases where p, q and r take every combination of T, F and absent, with [base] otherwise.
std::vector<Facts> bool_cases(const Facts& base = with({})) {
  std::vector<Facts> cases;
  for (const Tri p : kTris) {
    for (const Tri q : kTris) {
      for (const Tri r : kTris) {
        Facts facts = base;
        const std::pair<test::NumberFact, Tri> values[] = {{test::kP, p}, {test::kQ, q}, {test::kR, r}};
        for (const auto& [fact, value] : values) {
          if (value != U) facts[fact] = test::known(value == T ? 1 : 0);
        }
        cases.push_back(facts);
      }
    }
  }
  return cases;
}

Tri truth(const FactValue& fact) { return fact.known ? tri_of(fact.value != 0) : U; }

ImageNumber slot(const char* name) {
  ImageNumber number;
  number.name = name;
  number.unit = "1";
  return number;
}

Interval iv(double lo, double hi) { return {lo, hi}; }

TEST_CASE("NUM: a known fact exactly, an absent one as its declared range, open sides infinite") {
  const Image image = test::number_image({}, {slot("s"), slot("d"), slot("r"), slot("g")}, [](CodeBuilder& code) {
    const test::NumberFact facts[] = {test::kSbp, test::kDbp, test::kRate, test::kGcs};
    for (std::uint32_t i = 0; i < 4; ++i) {
      emit_a(code, Op::Num, facts[i]);
      emit_a(code, Op::NumSet, i);
    }
    code.emit(Op::Push);
    code.u8(1);
  });
  const auto results = test::evaluate_agreeing(
      image, {with({}), with({{test::kSbp, 120}, {test::kDbp, 80}, {test::kRate, 12}, {test::kGcs, 14}})});
  CHECK(results[0].numbers == std::vector<Interval>{iv(0, 300), iv(-kInf, kInf), iv(0, kInf), iv(3, 15)});
  CHECK(results[1].numbers == std::vector<Interval>{Interval::exact(120), Interval::exact(80), Interval::exact(12),
                                                    Interval::exact(14)});
}

TEST_CASE("arithmetic: define map = (sbp + 2 * dbp) / 3, flag when map < 65") {
  const Image image = test::number_image({2, 3, 65}, {slot("map")}, [](CodeBuilder& code) {
    emit_a(code, Op::Num, test::kSbp);
    emit_numk(code, 0);
    emit_a(code, Op::Num, test::kDbp);
    code.emit(Op::Mul);
    code.emit(Op::Add);
    emit_numk(code, 1);
    code.emit(Op::Div);
    emit_a(code, Op::NumSet, 0);
    emit_a(code, Op::NumGet, 0);
    emit_numk(code, 2);
    emit_cmpn(code, CmpCode::Lt);
  });
  const auto results = test::evaluate_agreeing(image, {with({{test::kSbp, 120}, {test::kDbp, 80}}),
                                                       with({{test::kSbp, 60}, {test::kDbp, 50}}),
                                                       with({{test::kDbp, 20}}), with({{test::kSbp, 120}}), with({})});
  CHECK(results[0].numbers[0] == Interval::exact(280.0 / 3));
  CHECK(results[0].flags[0] == F);
  CHECK(results[1].numbers[0] == Interval::exact(160.0 / 3));
  CHECK(results[1].flags[0] == T);
  CHECK(results[2].numbers[0] == iv(40.0 / 3, 340.0 / 3));  // sbp in 0..300
  CHECK(results[2].flags[0] == U);
  CHECK(results[3].numbers[0] == iv(-kInf, kInf));  // dbp's range is open
  CHECK(results[3].flags[0] == U);
  CHECK(results[4].flags[0] == U);
}

// The flag `rate / dbp > 1` ([op] DIV), or `rate - dbp > 1` ([op] SUB).
Image rate_over_dbp(Op op) {
  return test::number_image({1}, {}, [op](CodeBuilder& code) {
    emit_a(code, Op::Num, test::kRate);
    emit_a(code, Op::Num, test::kDbp);
    code.emit(op);
    emit_numk(code, 0);
    emit_cmpn(code, CmpCode::Gt);
  });
}

TEST_CASE("DIV by an interval holding 0 is unknown, never an error or a cleared flag") {
  const auto results =
      test::evaluate_agreeing(rate_over_dbp(Op::Div), {with({{test::kRate, 10}, {test::kDbp, 0}}),
                                                       with({{test::kRate, 10}, {test::kDbp, 2}}),
                                                       with({{test::kRate, 0}, {test::kDbp, 5}}),
                                                       with({{test::kDbp, 2}}), with({{test::kRate, 10}})});
  CHECK(results[0].flags[0] == U);  // 10 / 0
  CHECK(results[1].flags[0] == T);  // 5 > 1
  CHECK(results[2].flags[0] == F);  // 0 > 1
  CHECK(results[3].flags[0] == U);  // [0, inf] / 2
  CHECK(results[4].flags[0] == U);  // 10 / [-inf, inf], which holds 0
}

TEST_CASE("SUB takes the opposite ends of its right operand") {
  const auto results = test::evaluate_agreeing(rate_over_dbp(Op::Sub), {with({{test::kRate, 10}, {test::kDbp, 2}}),
                                                                         with({{test::kRate, 2}, {test::kDbp, 2}}),
                                                                         with({{test::kDbp, 2}})});
  CHECK(results[0].flags[0] == T);  // 8 > 1
  CHECK(results[1].flags[0] == F);  // 0 > 1
  CHECK(results[2].flags[0] == U);  // [0, inf] - 2 = [-2, inf]
}

TEST_CASE("MUL: 0 times an unbounded absent fact is exactly 0") {
  const Image image = test::number_image({0}, {slot("product")}, [](CodeBuilder& code) {
    emit_a(code, Op::Num, test::kRate);
    emit_a(code, Op::Num, test::kDbp);
    code.emit(Op::Mul);
    emit_a(code, Op::NumSet, 0);
    emit_a(code, Op::NumGet, 0);
    emit_numk(code, 0);
    emit_cmpn(code, CmpCode::Eq);
  });
  const auto results = test::evaluate_agreeing(image, {with({{test::kRate, 0}}), with({{test::kRate, 3}})});
  CHECK(results[0].numbers[0] == Interval::exact(0));
  CHECK(results[0].flags[0] == T);
  CHECK(results[1].numbers[0] == iv(-kInf, kInf));
  CHECK(results[1].flags[0] == U);
}

TEST_CASE("CMPN: every comparison code, and an absent fact's range can decide it") {
  for (int code = 0; code < 6; ++code) {
    const auto cmp = static_cast<CmpCode>(code);
    CAPTURE(code);
    const Image image = test::number_image({10, 20}, {}, [cmp](CodeBuilder& builder) {
      emit_a(builder, Op::Num, test::kGcs);
      emit_numk(builder, 0);
      emit_cmpn(builder, cmp);
      emit_a(builder, Op::Num, test::kGcs);  // gcs c 20, with gcs in 3..15
      emit_numk(builder, 1);
      emit_cmpn(builder, cmp);
      builder.emit(Op::And);
    });
    const std::vector<Facts> cases = {with({{test::kGcs, 9}}), with({{test::kGcs, 10}}), with({{test::kGcs, 11}}),
                                      with({})};
    const auto results = test::evaluate_agreeing(image, cases);
    for (std::size_t i = 0; i < 3; ++i) {
      const double gcs = cases[i][test::kGcs].value;
      CHECK(results[i].flags[0] == tri_and(tri_of(compare(gcs, cmp, 10)), tri_of(compare(gcs, cmp, 20))));
    }
    const Tri below_twenty = compare_intervals(iv(3, 15), cmp, Interval::exact(20));
    CHECK(below_twenty != U);
    CHECK(results[3].flags[0] == tri_and(U, below_twenty));
  }
}

TEST_CASE("CMPN is a leaf: it fuses with the NOT, AND and FLAG after it") {
  const Image image = test::number_image({10}, {}, [](CodeBuilder& code) {
    emit_a(code, Op::Fact, test::kP);
    emit_a(code, Op::Num, test::kGcs);
    emit_numk(code, 0);
    emit_cmpn(code, CmpCode::Ge);
    code.emit(Op::Not);
    code.emit(Op::And);
  });
  const Program program(image);
  REQUIRE(program.steps.size() == 5);  // FACT, NUM, NUMK, CMPN + NOT + AND + FLAG, HALT
  const Step& fused = program.steps[3];
  CHECK(fused.op == Op::CmpNumber);
  CHECK(fused.negate == 1);
  CHECK(fused.combine == Step::kAnd);
  CHECK(fused.sink == Step::kFlag);
  std::vector<Facts> cases;
  for (const Facts& facts : bool_cases()) {
    for (const double gcs : {3.0, 10.0, 15.0}) {
      cases.push_back(facts);
      cases.back()[test::kGcs] = test::known(gcs);
    }
    cases.push_back(facts);
  }
  const auto results = test::evaluate_agreeing(image, cases);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const FactValue& gcs = cases[i][test::kGcs];
    const Tri low = gcs.known ? tri_of(gcs.value < 10) : U;
    CHECK(results[i].flags[0] == tri_and(truth(cases[i][test::kP]), low));
  }
}

TEST_CASE("ITEM: a banded item scores the band the value falls in, all bands' points when unknown") {
  // item on rate: 3 below 9, 1 from 9 below 12, 0 from 12; points K[2..5)
  const Image image = test::number_image({9, 12, 3, 1, 0}, {slot("band")}, [](CodeBuilder& code) {
    emit_cmpk(code, test::kRate, CmpCode::Lt, 0);
    emit_cmpk(code, test::kRate, CmpCode::Ge, 0);
    emit_cmpk(code, test::kRate, CmpCode::Lt, 1);
    code.emit(Op::And);
    emit_cmpk(code, test::kRate, CmpCode::Ge, 1);
    emit_item(code, 2, 3, 0);
    emit_a(code, Op::NumSet, 0);
    code.emit(Op::Push);
    code.u8(1);
  });
  const auto results = test::evaluate_agreeing(
      image, {with({{test::kRate, 5}}), with({{test::kRate, 9}}), with({{test::kRate, 20}}), with({})});
  CHECK(results[0].numbers[0] == Interval::exact(3));
  CHECK(results[1].numbers[0] == Interval::exact(1));
  CHECK(results[2].numbers[0] == Interval::exact(0));
  CHECK(results[3].numbers[0] == iv(0, 3));
}

TEST_CASE("ITEM with z: no row holds scores 0, for condition items and guarded groups") {
  // slot 0: item 2 when p (z); slot 1: when q: 3 when r, 1 when not r (z); slot 2: rows F, F (no z)
  const Image image = test::number_image({2, 3, 1}, {slot("condition"), slot("guarded"), slot("none")},
                                         [](CodeBuilder& code) {
    emit_a(code, Op::Fact, test::kP);
    emit_item(code, 0, 1, 1);
    emit_a(code, Op::NumSet, 0);
    emit_a(code, Op::Fact, test::kQ);
    emit_a(code, Op::Fact, test::kR);
    code.emit(Op::And);
    emit_a(code, Op::Fact, test::kQ);
    emit_a(code, Op::Fact, test::kR);
    code.emit(Op::Not);
    code.emit(Op::And);
    emit_item(code, 1, 2, 1);
    emit_a(code, Op::NumSet, 1);
    for (int i = 0; i < 2; ++i) {
      code.emit(Op::Push);
      code.u8(0);
    }
    emit_item(code, 1, 2, 0);
    emit_a(code, Op::NumSet, 2);
    code.emit(Op::Push);
    code.u8(1);
  });
  const std::vector<Facts> cases = bool_cases();
  const auto results = test::evaluate_agreeing(image, cases);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const Tri p = truth(cases[i][test::kP]);
    const Tri q = truth(cases[i][test::kQ]);
    const Tri r = truth(cases[i][test::kR]);
    CAPTURE(i);
    CHECK(results[i].numbers[0] == (p == T ? Interval::exact(2) : p == F ? Interval::exact(0) : iv(0, 2)));
    Interval guarded = iv(0, 3);  // r unknown: either row might hold, or neither (while none is T)
    if (q == F) guarded = Interval::exact(0);
    if (q == T && r != U) guarded = Interval::exact(r == T ? 3 : 1);
    if (q == U && r != U) guarded = iv(0, r == T ? 3 : 1);
    CHECK(results[i].numbers[1] == guarded);
    CHECK(results[i].numbers[2] == iv(1, 3));  // every row F: all the points, not nothing
  }
}

TEST_CASE("a score is the sum of its items; a flag on it fires, clears or waits") {
  const Image image = test::scored_image();
  constexpr std::uint32_t kResp = 5;
  constexpr std::uint32_t kSbp = 6;
  std::vector<Facts> cases(4, Facts(image.facts.size()));
  cases[0][kResp] = test::known(25);
  cases[0][kSbp] = test::known(90);
  cases[1][kSbp] = test::known(90);
  cases[3][kResp] = test::known(12);
  cases[3][kSbp] = test::known(130);
  const auto results = test::evaluate_agreeing(image, cases);
  CHECK(results[0].numbers == std::vector<Interval>{Interval::exact(1), Interval::exact(1), Interval::exact(2),
                                                    Interval::exact(25.0 / 90)});
  CHECK(results[0].flags[2] == T);
  CHECK(results[1].numbers[2] == iv(1, 2));
  CHECK(results[1].flags[2] == U);
  CHECK(results[2].numbers[2] == iv(0, 2));
  CHECK(results[2].numbers[3] == iv(-kInf, kInf));  // divided by sbp in 0..300
  CHECK(results[3].numbers[2] == Interval::exact(0));
  CHECK(results[3].flags[2] == F);
}

// The flag `[op] [a] of (p, q, r)`.
Image count_image(Op op, std::uint64_t a) {
  return test::number_image({}, {}, [op, a](CodeBuilder& code) {
    emit_a(code, Op::Fact, test::kP);
    emit_a(code, Op::Fact, test::kQ);
    emit_a(code, Op::Fact, test::kR);
    emit_count(code, op, a, 3);
  });
}

TEST_CASE("ATMOST and EXACTLY over every combination of three members") {
  const std::vector<Facts> cases = bool_cases();
  for (std::uint32_t a = 0; a <= 4; ++a) {
    const auto at_most = test::evaluate_agreeing(count_image(Op::AtMost, a), cases);
    const auto exactly = test::evaluate_agreeing(count_image(Op::Exactly, a), cases);
    for (std::size_t i = 0; i < cases.size(); ++i) {
      std::uint32_t true_count = 0;
      std::uint32_t unknown_count = 0;
      for (const auto fact : {test::kP, test::kQ, test::kR}) {
        true_count += truth(cases[i][fact]) == T;
        unknown_count += truth(cases[i][fact]) == U;
      }
      CAPTURE(a, i);
      CHECK(at_most[i].flags[0] == tri_at_most(a, true_count, unknown_count));
      CHECK(exactly[i].flags[0] == tri_exactly(a, true_count, unknown_count));
    }
  }
}

TEST_CASE("a jump over code that pops a number below it is kept, and cases that take it keep that number") {
  // define x: NUM sbp; FACT p; JF L; NUM dbp; ADD; PUSH T; AND; L: NSET x; FLAG (= p)
  // x is sbp where p is F (jumped) and sbp + dbp elsewhere: dropping the jump, or letting the
  // batch's running cases write the waiting cases' number, would make it sbp + dbp everywhere.
  const Image image = test::number_image({}, {slot("x")}, [](CodeBuilder& code) {
    emit_a(code, Op::Num, test::kSbp);
    emit_a(code, Op::Fact, test::kP);
    const std::size_t jump = code.emit_jump(Op::JumpIfFalse);
    emit_a(code, Op::Num, test::kDbp);
    code.emit(Op::Add);
    code.emit(Op::Push);
    code.u8(1);
    code.emit(Op::And);
    code.patch_jump(jump);
    emit_a(code, Op::NumSet, 0);
  });
  const Program program(image);
  CHECK(std::any_of(program.steps.begin(), program.steps.end(),
                    [](const Step& step) { return step.op == Op::JumpIfFalse; }));
  const std::vector<Facts> cases = bool_cases(with({{test::kSbp, 100}, {test::kDbp, 7}}));
  const auto results = test::evaluate_agreeing(image, cases, {1, 2, 5, 27});
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const Tri p = truth(cases[i][test::kP]);
    CAPTURE(i);
    CHECK(results[i].numbers[0] == Interval::exact(p == F ? 100 : 107));
    CHECK(results[i].flags[0] == p);
  }
}

TEST_CASE("a jump over balanced number code is dropped, with the same results") {
  // p and gcs > 10: FACT p; JF L; NUM gcs; NUMK 10; CMPN >; AND; L:
  const Image image = test::number_image({10}, {}, [](CodeBuilder& code) {
    emit_a(code, Op::Fact, test::kP);
    const std::size_t jump = code.emit_jump(Op::JumpIfFalse);
    emit_a(code, Op::Num, test::kGcs);
    emit_numk(code, 0);
    emit_cmpn(code, CmpCode::Gt);
    code.emit(Op::And);
    code.patch_jump(jump);
  });
  const Program program(image);
  CHECK(std::none_of(program.steps.begin(), program.steps.end(),
                     [](const Step& step) { return step.op == Op::JumpIfFalse; }));
  std::vector<Facts> cases;
  for (const Facts& facts : bool_cases()) {
    cases.push_back(facts);
    cases.push_back(facts);
    cases.back()[test::kGcs] = test::known(12);
  }
  const auto results = test::evaluate_agreeing(image, cases);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const Tri high = cases[i][test::kGcs].known ? T : U;
    CHECK(results[i].flags[0] == tri_and(truth(cases[i][test::kP]), high));
  }
}

}  // namespace
}  // namespace redflag
