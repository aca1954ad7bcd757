// Test coverage of a KB: which values the tests drove each flag and each condition to.
//
// A condition is a leaf of a flag's `when`: a comparison, `in`, `between`, `known(...)`, a bool
// fact or a define. The tests' cases are replayed on the reference evaluator
// (compiler/eval/ast_eval.hpp), which reports every sub-condition's value; the VM keeps only flag
// results. Full coverage means every flag and every condition was true, false and unknown in
// some test: a flag never seen unknown, for one, means no test shows what a missing fact does.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "compiler/ast.hpp"
#include "runtime/image.hpp"

namespace redflag::tools {

struct Coverage {
  std::array<bool, 3> seen{};  // indexed by Tri: F, T, U
  bool full() const { return seen[0] && seen[1] && seen[2]; }
};

struct ConditionCoverage {
  const ast::Expr* condition = nullptr;
  Coverage coverage;
};

struct FlagCoverage {
  Coverage coverage;
  std::vector<ConditionCoverage> conditions;
};

// Replays [image]'s tests (compiled from [kb]) and collects coverage per flag, in flag order.
std::vector<FlagCoverage> measure_coverage(const ast::Kb& kb, const Image& image);

}  // namespace redflag::tools
