// The evaluator: runs a verified program over one case's facts, three-valuedly.
//
// A Program is prepared once from a verified Image (runtime/loader.hpp verifies every file);
// an Evaluation holds every result and all scratch space, so evaluating case after case with
// the same Evaluation allocates nothing. The VM never checks bounds or reports errors: the
// verifier proved the code safe, and an unknown fact is a value (Tri::Unknown), not an error.
// It does not interpret results (evidence, topics shown): that is runtime/redflag.hpp.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/fact_value.hpp"
#include "runtime/image.hpp"
#include "runtime/interval.hpp"
#include "runtime/opcodes.hpp"
#include "runtime/tri.hpp"

namespace redflag {

// One step of the VM: an instruction decoded once, when the Program is made, so that the loop
// reads operands at fixed places instead of decoding LEB128 case after case. Operands by
// opcode: a is the fact, define, flag, topic or number index, the count of ATLEAST, ATMOST
// and EXACTLY, ITEM's first constant, or PUSH's tri; b is CMPF's second fact, INSET's mask,
// the member count of ATLEAST, ATMOST and EXACTLY, ITEM's row count, URGENCY's level or a
// jump's target step; k is the constant of CMPK and NUMK; code is the comparison; [zero] is
// ITEM's z.
//
// A step whose instruction pushes one value read from the case (PUSH, FACT, KNOWN, CMPK,
// CMPF, INSET, DEFGET, URGENCY, and CMPN, which reads it from the number stack: a leaf) also
// carries the instructions that followed it and only consume that value: an optional NOT
// ([negate]), an optional AND or OR with the value below ([combine]), then an optional FLAG,
// TOPIC or DEFSET ([sink], index [target]).
struct Step {
  enum Combine : std::uint8_t { kPush, kAnd, kOr };
  enum Sink : std::uint8_t { kNoSink, kFlag, kTopic, kDefine };
  Op op = Op::Halt;
  CmpCode code = CmpCode::Eq;
  std::uint8_t negate = 0;
  Combine combine = kPush;
  Sink sink = kNoSink;
  std::uint8_t zero = 0;
  std::uint32_t a = 0;
  std::uint32_t target = 0;
  std::uint64_t b = 0;
  double k = 0;
};

// Whether [op] pushes one value read from the case or the urgency: a leaf, which a Step fuses
// with the instructions that consume its value.
inline bool is_leaf(Op op) {
  switch (op) {
    case Op::Push:
    case Op::Fact:
    case Op::Known:
    case Op::CmpConst:
    case Op::CmpFact:
    case Op::InSet:
    case Op::DefGet:
    case Op::Urgency:
    case Op::CmpNumber: return true;
    default: return false;
  }
}

// The verdict of ATLEAST, ATMOST or EXACTLY [op], operand [a], over members of which
// [true_count] are T and [unknown_count] U.
inline Tri count_verdict(Op op, std::uint32_t a, std::uint32_t true_count, std::uint32_t unknown_count) {
  switch (op) {
    case Op::AtMost: return tri_at_most(a, true_count, unknown_count);
    case Op::Exactly: return tri_exactly(a, true_count, unknown_count);
    default: return tri_at_least(a, true_count, unknown_count);
  }
}

// Whether enum index [value] is in [mask]; an index that is not 0..63 (only an embedder's
// mistake can make one) is in no set.
inline bool in_mask(double value, std::uint64_t mask) {
  if (!(value >= 0 && value < 64)) return false;
  return ((mask >> static_cast<unsigned>(value)) & 1u) != 0;
}

// What the VM needs from an Image, copied out of it so the Image may go away.
struct Program {
  // Prepares [image], which must have passed verify_image (runtime/verifier.hpp).
  explicit Program(const Image& image);

  std::vector<std::uint8_t> code;
  // [code] as Steps, without the short-circuit jumps whose skipped code cannot change the
  // result (vm.cpp, droppable_jump), so that every case runs the same sequence of steps, which
  // the processor's branch predictor learns; and with each leaf fused with what consumes it.
  std::vector<Step> steps;
  std::vector<double> constants;
  std::vector<std::uint32_t> flag_levels;  // level index of each flag
  // Per fact: what NUM pushes when it is absent, its declared range (-inf / +inf when open).
  std::vector<Interval> fact_ranges;
  std::uint32_t fact_count = 0;
  std::uint32_t define_count = 0;
  std::uint32_t topic_count = 0;
  std::uint32_t number_count = 0;
  std::uint32_t max_stack = 0;
  std::uint32_t max_number_stack = 0;
};

// The results of one evaluation, and the scratch space that produced them.
struct Evaluation {
  Evaluation() = default;
  // Sizes every vector for [program], so the first evaluate allocates nothing either.
  explicit Evaluation(const Program& program);

  std::vector<Tri> flags;   // R[a]: T fired, U undetermined, F cleared
  std::vector<Tri> topics;  // T[a]: the topic's condition, F for topics without one
  std::vector<Interval> numbers;  // V[a]: each numeric define, score and score item
  std::uint32_t urgency = 0;  // the highest level of the fired flags, 0 when none fired
  bool complete = true;       // no flag is undetermined

  // Scratch: the define slots D[a], the tri-value stack and the number stack.
  std::vector<Tri> defines;
  std::vector<Tri> stack;
  std::vector<Interval> number_stack;
};

// Runs [program] over [facts] (program.fact_count entries) into [out], resizing its vectors
// only when they do not fit [program] yet.
void evaluate(const Program& program, const FactValue* facts, Evaluation& out);

}  // namespace redflag
