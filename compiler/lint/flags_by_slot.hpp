// An index of a KB's flags by the slots (facts, compiler/lint/condition_solver.hpp) their
// conditions read, for redundant-flag (compiler/lint/lint_redundant.cpp): given cases found by
// the solver, it lists the flags that may be certainly true in all of them, without looking at
// the others.
//
// A condition can be certainly true in a case (every slot the case does not give unknown) only
// if it reads a slot the case gives known, or if it is true with every slot unknown. So a flag
// certainly true in two cases reads a slot known in both, or one slot known in the first and
// another known in the second: the index holds the flags by slot and, for flags that read at
// most kMaxPairedSlots slots, by pair of slots. With two cases that give different slots known
// (as the cases of a condition `a or b` do), the pairs narrow the candidates to the flags that
// read both, where the flags of either slot would be a fixed share of the KB. The lists are
// what may hold, not what does: the caller still evaluates each candidate.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "compiler/lint/ascending_merge.hpp"
#include "compiler/lint/condition_solver.hpp"

namespace redflag::lint {

class FlagsBySlot {
 public:
  // Indexes the flags of [kb] whose conditions are [analysable] (one entry per flag).
  FlagsBySlot(const ast::Kb& kb, ConditionSolver& solver, const std::vector<bool>& analysable);

  // Adds to [merge] every flag that may be certainly true in each of [cases] (and some that
  // are not), from the two cases (or one) whose lists are shortest together.
  void add_candidates(const std::vector<ConditionSolver::Case>& cases, AscendingMerge& merge) const;

 private:
  using FlagList = std::vector<std::uint32_t>;  // flag indices, ascending

  // Adds to [lists] lists that hold every flag reading a slot of [first] and a slot of
  // [second] (both ascending); false when that would take too many look-ups.
  bool lists_reading_both(const std::vector<std::uint32_t>& first,
                          const std::vector<std::uint32_t>& second,
                          std::vector<const FlagList*>& lists) const;

  std::vector<FlagList> by_slot_;       // every indexed flag, by each slot it reads
  std::vector<FlagList> wide_by_slot_;  // the flags too wide to pair, by each slot they read
  std::unordered_map<std::uint64_t, FlagList> by_pair_;  // key: smaller slot << 32 | larger
  FlagList true_with_nothing_known_;
};

}  // namespace redflag::lint
