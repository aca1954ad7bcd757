// An index of a KB's flags by the slots of their truth keys (compiler/lint/truth_keys.hpp), for
// redundant-flag (compiler/lint/lint_redundant.cpp): given the slots that some cases give known,
// it lists the flags that may be certainly true in all of those cases, without looking at the
// others, and tells from a flag's keys alone whether it may be.
//
// A flag certainly true in a case has a key whose slots the case gives known; a flag certainly
// true in several cases therefore has key slots in each case's known slots: its key slots
// include a minimal hitting set of those slot sets. The index holds the flags by key slot and,
// for flags with at most kMaxPairedSlots key slots, by pair of key slots. With cases that give
// different slots known (as the cases of `a or b`, or of `at least 2 of (a, b, c)`, do), the
// pairs narrow the candidates to the flags keyed on both slots of a pair, where the flags of
// one slot would be a fixed share of the KB. Flags with an empty key are always candidates; flags
// with no key are never certainly true and never candidates. The lists are what may hold, not
// what does: the caller still evaluates each candidate.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "compiler/lint/ascending_merge.hpp"
#include "compiler/lint/condition_solver.hpp"
#include "compiler/lint/truth_keys.hpp"

namespace redflag::lint {

class FlagsBySlot {
 public:
  // For each of some cases, the slots it gives known, ascending.
  using KnownSlots = std::vector<std::vector<std::uint32_t>>;
  static KnownSlots known_slots(const std::vector<ConditionSolver::Case>& cases);

  // Indexes the flags of [kb] whose conditions are [analysable] (one entry per flag).
  FlagsBySlot(const ast::Kb& kb, const std::vector<bool>& analysable);

  // Adds to [merge] every flag that may be certainly true in each case of [known] (and some
  // that are not). [known] must not be empty.
  void add_candidates(const KnownSlots& known, AscendingMerge& merge) const;

  // Whether [flag] has, for each case of [known], a key whose slots the case gives known.
  bool may_be_true_in_each(std::uint32_t flag, const KnownSlots& known) const;

 private:
  using FlagList = std::vector<std::uint32_t>;  // flag indices, ascending

  // Sets [hitting] to the minimal sets of slots that take one from each of [known]; false when
  // there are too many to find.
  static bool minimal_hitting_sets(const KnownSlots& known,
                                   std::vector<std::vector<std::uint32_t>>& hitting);

  // The keys of flag f are keys_[key_begin_[f] .. key_begin_[f + 1]), none for flags not
  // indexed: one array, so that checking the flags of a list reads few cache lines.
  std::vector<TruthKeys::Key> keys_;
  std::vector<std::uint32_t> key_begin_;
  std::vector<FlagList> by_slot_;       // every keyed flag, by each of its key slots
  std::vector<FlagList> wide_by_slot_;  // the flags with too many key slots to pair
  std::unordered_map<std::uint64_t, FlagList> by_pair_;  // key: smaller slot << 32 | larger
  FlagList needing_nothing_;            // the flags with an empty key
};

}  // namespace redflag::lint
