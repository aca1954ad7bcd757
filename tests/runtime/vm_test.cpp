// The evaluator: every three-valued operator's truth table, short-circuit jumps, urgency
// bounds and whole-program results, on images from the in-test assembler.
#include <catch2/catch.hpp>

#include "tests/runtime/test_images.hpp"

namespace redflag {
namespace {

using test::evaluate_flag;
using test::known;
using test::logic_image;
using test::unknown;

constexpr Tri F = Tri::False;
constexpr Tri T = Tri::True;
constexpr Tri U = Tri::Unknown;

char tri_letter(Tri value) { return "FTU"[static_cast<int>(value)]; }

void push(CodeBuilder& code, Tri value) {
  code.emit(Op::Push);
  code.u8(static_cast<std::uint8_t>(value));
}

void fact_op(CodeBuilder& code, Op op, std::uint32_t fact) {
  code.emit(op);
  code.uleb(fact);
}

FactValue bool_fact(Tri value) { return value == U ? unknown() : known(value == T ? 1 : 0); }

std::vector<FactValue> facts(Tri a, Tri b = U, Tri c = U) {
  std::vector<FactValue> values(test::kLogicFactCount);
  values[test::kA] = bool_fact(a);
  values[test::kB] = bool_fact(b);
  values[test::kC] = bool_fact(c);
  return values;
}

struct Row {
  Tri a, b, and_, or_, not_a;
};

// docs/language.md "Three-valued logic", row by row.
const Row kKleene[] = {
    {T, T, T, T, F}, {T, F, F, T, F}, {T, U, U, T, F}, {F, T, F, T, T}, {F, F, F, F, T},
    {F, U, F, U, T}, {U, T, U, T, U}, {U, F, F, U, U}, {U, U, U, U, U},
};

TEST_CASE("AND, OR and NOT follow the Kleene truth tables") {
  for (const Row& row : kKleene) {
    CAPTURE(tri_letter(row.a), tri_letter(row.b));
    auto binary = [&](Op op) {
      return evaluate_flag(logic_image([&](CodeBuilder& code) {
        push(code, row.a);
        push(code, row.b);
        code.emit(op);
      }), {});
    };
    CHECK(binary(Op::And) == row.and_);
    CHECK(binary(Op::Or) == row.or_);
    CHECK(evaluate_flag(logic_image([&](CodeBuilder& code) {
      push(code, row.a);
      code.emit(Op::Not);
    }), {}) == row.not_a);
  }
}

// `a and b` / `a or b` in the short-circuit layout of docs/bytecode.md, over facts.
Image junction(Op jump, Op combine) {
  return logic_image([&](CodeBuilder& code) {
    fact_op(code, Op::Fact, test::kA);
    const std::size_t patch = code.emit_jump(jump);
    fact_op(code, Op::Fact, test::kB);
    code.emit(combine);
    code.patch_jump(patch);
  });
}

TEST_CASE("short-circuit AND and OR over facts give the same truth tables") {
  const Image and_image = junction(Op::JumpIfFalse, Op::And);
  const Image or_image = junction(Op::JumpIfTrue, Op::Or);
  for (const Row& row : kKleene) {
    CAPTURE(tri_letter(row.a), tri_letter(row.b));
    CHECK(evaluate_flag(and_image, facts(row.a, row.b)) == row.and_);
    CHECK(evaluate_flag(or_image, facts(row.a, row.b)) == row.or_);
  }
}

// `PUSH first; <jump> L; PUSH second; <combine>; L:` where running the skipped code would
// change the result, so the result shows whether the jump was taken.
Tri jump_probe(Op jump, Tri first, Tri second, Op combine) {
  return evaluate_flag(logic_image([&](CodeBuilder& code) {
    push(code, first);
    const std::size_t patch = code.emit_jump(jump);
    push(code, second);
    code.emit(combine);
    code.patch_jump(patch);
  }), {});
}

TEST_CASE("JF jumps only on F and JT only on T, leaving the value on the stack") {
  CHECK(jump_probe(Op::JumpIfFalse, F, T, Op::Or) == F);  // taken: F or T would be T
  CHECK(jump_probe(Op::JumpIfFalse, T, F, Op::And) == F);  // not taken
  CHECK(jump_probe(Op::JumpIfFalse, U, T, Op::Or) == T);   // not taken
  CHECK(jump_probe(Op::JumpIfTrue, T, F, Op::And) == T);   // taken: T and F would be F
  CHECK(jump_probe(Op::JumpIfTrue, F, T, Op::Or) == T);    // not taken
  CHECK(jump_probe(Op::JumpIfTrue, U, F, Op::And) == F);   // not taken
}

Tri at_least(std::uint64_t needed, const std::vector<Tri>& members) {
  return evaluate_flag(logic_image([&](CodeBuilder& code) {
    for (Tri member : members) push(code, member);
    code.emit(Op::AtLeast);
    code.uleb(needed);
    code.uleb(members.size());
  }), {});
}

TEST_CASE("ATLEAST: T at N true, F when fewer than N could be true, else U") {
  CHECK(at_least(2, {T, T, U}) == T);
  CHECK(at_least(2, {T, F, T}) == T);
  CHECK(at_least(2, {T, U, U}) == U);
  CHECK(at_least(2, {U, U, F}) == U);
  CHECK(at_least(2, {T, F, F}) == F);
  CHECK(at_least(2, {F, F, U}) == F);
  CHECK(at_least(3, {T, T, T}) == T);
  CHECK(at_least(4, {T, T, T}) == F);
  CHECK(at_least(0, {}) == T);
  CHECK(at_least(1, {}) == F);
  CHECK(at_least(0xFFFFFFFFFFull, {T, U}) == F);
}

TEST_CASE("ATLEAST pops exactly its members") {
  // PUSH F under the list: if ATLEAST popped one too few or too many, OR would see the wrong value.
  CHECK(evaluate_flag(logic_image([](CodeBuilder& code) {
    push(code, F);
    push(code, T);
    push(code, T);
    code.emit(Op::AtLeast);
    code.uleb(2);
    code.uleb(2);
    code.emit(Op::And);
  }), {}) == F);
}

TEST_CASE("FACT: truth of a bool fact, U when absent") {
  const Image image = logic_image([](CodeBuilder& code) { fact_op(code, Op::Fact, test::kA); });
  CHECK(evaluate_flag(image, facts(T)) == T);
  CHECK(evaluate_flag(image, facts(F)) == F);
  CHECK(evaluate_flag(image, facts(U)) == U);
}

TEST_CASE("KNOWN is T or F, never U") {
  const Image image = logic_image([](CodeBuilder& code) { fact_op(code, Op::Known, test::kNote); });
  std::vector<FactValue> values(test::kLogicFactCount);
  CHECK(evaluate_flag(image, values) == F);
  values[test::kNote] = known(0);
  CHECK(evaluate_flag(image, values) == T);
}

Tri compare_number(CmpCode cmp, FactValue number) {
  std::vector<FactValue> values(test::kLogicFactCount);
  values[test::kNumber] = number;
  return evaluate_flag(logic_image([&](CodeBuilder& code) {
    fact_op(code, Op::CmpConst, test::kNumber);
    code.u8(static_cast<std::uint8_t>(cmp));
    code.uleb(0);  // 10.0
  }), values);
}

TEST_CASE("CMPK: every comparison code against constant 10, U when the fact is absent") {
  struct Case {
    CmpCode cmp;
    Tri below, equal, above;  // for 9, 10, 11
  };
  const Case cases[] = {
      {CmpCode::Eq, F, T, F}, {CmpCode::Ne, T, F, T}, {CmpCode::Lt, T, F, F},
      {CmpCode::Le, T, T, F}, {CmpCode::Gt, F, F, T}, {CmpCode::Ge, F, T, T},
  };
  for (const Case& c : cases) {
    CAPTURE(cmp_symbol(c.cmp));
    CHECK(compare_number(c.cmp, known(9)) == c.below);
    CHECK(compare_number(c.cmp, known(10)) == c.equal);
    CHECK(compare_number(c.cmp, known(11)) == c.above);
    CHECK(compare_number(c.cmp, unknown()) == U);
  }
}

TEST_CASE("CMPF compares two facts, U when either is absent") {
  const Image image = logic_image([](CodeBuilder& code) {
    fact_op(code, Op::CmpFact, test::kA);
    code.u8(static_cast<std::uint8_t>(CmpCode::Lt));
    code.uleb(test::kB);
  });
  CHECK(evaluate_flag(image, facts(F, T)) == T);
  CHECK(evaluate_flag(image, facts(T, F)) == F);
  CHECK(evaluate_flag(image, facts(U, T)) == U);
  CHECK(evaluate_flag(image, facts(F, U)) == U);
}

TEST_CASE("INSET: membership of an enum index in the mask, U when absent") {
  const Image image = logic_image([](CodeBuilder& code) {
    fact_op(code, Op::InSet, test::kColour);
    code.uleb(0b101);  // {red, blue}
  });
  std::vector<FactValue> values(test::kLogicFactCount);
  CHECK(evaluate_flag(image, values) == U);
  values[test::kColour] = known(0);
  CHECK(evaluate_flag(image, values) == T);
  values[test::kColour] = known(1);
  CHECK(evaluate_flag(image, values) == F);
  values[test::kColour] = known(2);
  CHECK(evaluate_flag(image, values) == T);
  values[test::kColour] = known(-1);  // an embedder's bad index is in no set
  CHECK(evaluate_flag(image, values) == F);
}

// Levels low < mid < high; flag 0 (mid) is fact a, flag 1 (high) is fact b; topic 0 is
// `urgency [cmp] [level]`.
Tri urgency(Tri a, Tri b, CmpCode cmp, std::uint32_t level) {
  Image image = logic_image([](CodeBuilder& code) { fact_op(code, Op::Fact, test::kA); });
  image.levels = {"low", "mid", "high"};
  image.flags[0].level = 1;
  CodeBuilder code;
  code.emit(Op::Fact);
  code.uleb(test::kA);
  code.emit(Op::Flag);
  code.uleb(0);
  image.flags.push_back(image.flags[0]);
  image.flags[1].level = 2;
  image.flags[1].code_offset = code.offset();
  fact_op(code, Op::Fact, test::kB);
  fact_op(code, Op::Flag, 1);
  code.emit(Op::Urgency);
  code.u8(static_cast<std::uint8_t>(cmp));
  code.uleb(level);
  fact_op(code, Op::Topic, 0);
  code.emit(Op::Halt);
  image.code = code.bytes();
  image.topics = {{"t", "", "", {}, true}};
  const Program program(image);
  Evaluation evaluation(program);
  const std::vector<FactValue> values = facts(a, b);
  evaluate(program, values.data(), evaluation);
  return evaluation.topics[0];
}

TEST_CASE("URGENCY compares the interval [highest fired, highest fired or undetermined]") {
  // a fired, b undetermined: urgency is mid or high.
  CHECK(urgency(T, U, CmpCode::Ge, 1) == T);
  CHECK(urgency(T, U, CmpCode::Ge, 2) == U);
  CHECK(urgency(T, U, CmpCode::Gt, 0) == T);
  CHECK(urgency(T, U, CmpCode::Eq, 0) == F);
  CHECK(urgency(T, U, CmpCode::Eq, 1) == U);
  CHECK(urgency(T, U, CmpCode::Ne, 0) == T);
  CHECK(urgency(T, U, CmpCode::Lt, 2) == U);
  CHECK(urgency(T, U, CmpCode::Le, 2) == T);
  // nothing fired or undetermined: urgency is exactly the first level.
  CHECK(urgency(F, F, CmpCode::Eq, 0) == T);
  CHECK(urgency(F, F, CmpCode::Gt, 0) == F);
  CHECK(urgency(F, F, CmpCode::Lt, 1) == T);
  // a undetermined only: low or mid.
  CHECK(urgency(U, F, CmpCode::Le, 1) == T);
  CHECK(urgency(U, F, CmpCode::Ge, 1) == U);
  CHECK(urgency(U, F, CmpCode::Lt, 0) == F);
  // both fired: exactly high.
  CHECK(urgency(T, T, CmpCode::Eq, 2) == T);
  CHECK(urgency(T, T, CmpCode::Ne, 2) == F);
  CHECK(urgency(T, T, CmpCode::Ge, 2) == T);
}

TEST_CASE("sample KB: flags, define, topics, urgency and status") {
  const Image image = test::sample_image();
  const Program program(image);
  Evaluation evaluation(program);
  // fever, age, weight_loss, cancer_type, notes
  std::vector<FactValue> values = {known(1), known(60), unknown(), known(2), unknown()};
  evaluate(program, values.data(), evaluation);
  CHECK(evaluation.flags == std::vector<Tri>{T, F});
  CHECK(evaluation.topics == std::vector<Tri>{F, T});
  CHECK(evaluation.urgency == 2);
  CHECK(evaluation.complete);

  const Tri* stack = evaluation.stack.data();
  const Tri* flags = evaluation.flags.data();
  values = {unknown(), known(40), unknown(), unknown(), unknown()};
  evaluate(program, values.data(), evaluation);
  CHECK(evaluation.flags == std::vector<Tri>{F, U});
  CHECK(evaluation.topics == std::vector<Tri>{F, U});
  CHECK(evaluation.urgency == 0);
  CHECK_FALSE(evaluation.complete);
  // Reused, not reallocated.
  CHECK(evaluation.stack.data() == stack);
  CHECK(evaluation.flags.data() == flags);

  values = {unknown(), known(70), known(12), known(0), unknown()};
  evaluate(program, values.data(), evaluation);
  CHECK(evaluation.flags == std::vector<Tri>{T, T});
  CHECK(evaluation.urgency == 2);
}

}  // namespace
}  // namespace redflag
