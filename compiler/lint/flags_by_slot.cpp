#include "compiler/lint/flags_by_slot.hpp"

#include <algorithm>
#include <iterator>
#include <limits>

namespace redflag::lint {
namespace {

// A flag that reads more slots is indexed by slot only: n slots make n(n-1)/2 pairs.
constexpr std::size_t kMaxPairedSlots = 16;
// Two cases that would take more pair look-ups than this are not paired (very wide conditions).
constexpr std::size_t kMaxPairLookups = 256;

std::uint64_t pair_key(std::uint32_t slot, std::uint32_t other) {
  if (slot > other) std::swap(slot, other);
  return std::uint64_t{slot} << 32 | other;
}

// The slots [c] gives known, ascending.
std::vector<std::uint32_t> known_slots(const ConditionSolver::Case& c) {
  std::vector<std::uint32_t> slots;
  for (const auto& [slot, value] : c) {
    if (value.known) slots.push_back(slot);
  }
  std::sort(slots.begin(), slots.end());
  return slots;
}

}  // namespace

FlagsBySlot::FlagsBySlot(const ast::Kb& kb, ConditionSolver& solver,
                         const std::vector<bool>& analysable)
    : by_slot_(kb.facts.size() + 1), wide_by_slot_(kb.facts.size() + 1) {
  for (std::uint32_t flag = 0; flag < kb.flags.size(); ++flag) {
    if (!analysable[flag]) continue;
    const ast::Expr& condition = *kb.flags[flag].condition;
    const auto slots = solver.slots_read(condition);
    const bool wide = slots.size() > kMaxPairedSlots;
    for (std::size_t i = 0; i < slots.size(); ++i) {
      by_slot_[slots[i]].push_back(flag);
      if (wide) wide_by_slot_[slots[i]].push_back(flag);
      for (std::size_t j = i + 1; j < slots.size() && !wide; ++j) {
        by_pair_[pair_key(slots[i], slots[j])].push_back(flag);
      }
    }
    if (solver.true_in(condition, {})) true_with_nothing_known_.push_back(flag);
  }
}

void FlagsBySlot::add_candidates(const std::vector<ConditionSolver::Case>& cases,
                                 AscendingMerge& merge) const {
  merge.add(true_with_nothing_known_);
  std::vector<std::vector<std::uint32_t>> known;
  for (const auto& c : cases) known.push_back(known_slots(c));
  std::vector<const FlagList*> best, lists;
  std::size_t best_length = std::numeric_limits<std::size_t>::max();
  for (std::size_t i = 0; i < known.size(); ++i) {
    for (std::size_t j = i; j < known.size(); ++j) {
      lists.clear();
      if (!lists_reading_both(known[i], known[j], lists)) continue;
      std::size_t length = 0;
      for (const auto* list : lists) length += list->size();
      if (length < best_length) {
        best_length = length;
        best = lists;
      }
    }
  }
  for (const auto* list : best) merge.add(*list);
}

bool FlagsBySlot::lists_reading_both(const std::vector<std::uint32_t>& first,
                                     const std::vector<std::uint32_t>& second,
                                     std::vector<const FlagList*>& lists) const {
  std::vector<std::uint32_t> shared, only_first, only_second;
  std::set_intersection(first.begin(), first.end(), second.begin(), second.end(),
                        std::back_inserter(shared));
  std::set_difference(first.begin(), first.end(), second.begin(), second.end(),
                      std::back_inserter(only_first));
  std::set_difference(second.begin(), second.end(), first.begin(), first.end(),
                      std::back_inserter(only_second));
  if (only_first.size() * only_second.size() > kMaxPairLookups) return false;
  for (const auto slot : shared) lists.push_back(&by_slot_[slot]);
  for (const auto slot : only_first) {
    lists.push_back(&wide_by_slot_[slot]);
    for (const auto other : only_second) {
      const auto pair = by_pair_.find(pair_key(slot, other));
      if (pair != by_pair_.end()) lists.push_back(&pair->second);
    }
  }
  return true;
}

}  // namespace redflag::lint
