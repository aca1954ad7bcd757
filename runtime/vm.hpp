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
#include "runtime/tri.hpp"

namespace redflag {

// What the VM needs from an Image, copied out of it so the Image may go away.
struct Program {
  // Prepares [image], which must have passed verify_image (runtime/verifier.hpp).
  explicit Program(const Image& image);

  std::vector<std::uint8_t> code;
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
