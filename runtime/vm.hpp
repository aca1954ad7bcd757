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
#include "runtime/opcodes.hpp"
#include "runtime/tri.hpp"

namespace redflag {

// One step of the VM: an instruction decoded once, when the Program is made, so that the loop
// reads operands at fixed places instead of decoding LEB128 case after case. Operands by
// opcode: a is the fact, define, flag or topic index, ATLEAST's count needed, or PUSH's tri;
// b is CMPF's second fact, INSET's mask, ATLEAST's member count, URGENCY's level or a jump's
// target step; k is CMPK's constant; code is the comparison.
//
// A step whose instruction pushes one value read from the case (PUSH, FACT, KNOWN, CMPK,
// CMPF, INSET, DEFGET, URGENCY: a leaf) also carries the instructions that followed it and
// only consume that value: an optional NOT ([negate]), an optional AND or OR with the value
// below ([combine]), then an optional FLAG, TOPIC or DEFSET ([sink], index [target]).
struct Step {
  enum Combine : std::uint8_t { kPush, kAnd, kOr };
  enum Sink : std::uint8_t { kNoSink, kFlag, kTopic, kDefine };
  Op op = Op::Halt;
  CmpCode code = CmpCode::Eq;
  std::uint8_t negate = 0;
  Combine combine = kPush;
  Sink sink = kNoSink;
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
    case Op::Urgency: return true;
    default: return false;
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
  std::uint32_t fact_count = 0;
  std::uint32_t define_count = 0;
  std::uint32_t topic_count = 0;
  std::uint32_t max_stack = 0;
};

// The results of one evaluation, and the scratch space that produced them.
struct Evaluation {
  Evaluation() = default;
  // Sizes every vector for [program], so the first evaluate allocates nothing either.
  explicit Evaluation(const Program& program);

  std::vector<Tri> flags;   // R[a]: T fired, U undetermined, F cleared
  std::vector<Tri> topics;  // T[a]: the topic's condition, F for topics without one
  std::uint32_t urgency = 0;  // the highest level of the fired flags, 0 when none fired
  bool complete = true;       // no flag is undetermined

  // Scratch: the define slots D[a] and the tri-value stack.
  std::vector<Tri> defines;
  std::vector<Tri> stack;
};

// Runs [program] over [facts] (program.fact_count entries) into [out], resizing its vectors
// only when they do not fit [program] yet.
void evaluate(const Program& program, const FactValue* facts, Evaluation& out);

}  // namespace redflag
