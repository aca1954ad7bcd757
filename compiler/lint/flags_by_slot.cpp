#include "compiler/lint/flags_by_slot.hpp"

#include <algorithm>

namespace redflag::lint {
namespace {

// A flag with more key slots is indexed by slot only: n slots make n(n-1)/2 pairs.
constexpr std::size_t kMaxPairedSlots = 16;
// When finding the hitting sets of all the cases takes more steps than this (beyond the first
// case's slots), fewer cases are used.
constexpr std::size_t kMaxHittingSteps = 256;

std::uint64_t pair_key(std::uint32_t slot, std::uint32_t other) {
  if (slot > other) std::swap(slot, other);
  return std::uint64_t{slot} << 32 | other;
}

// Adds to [out] the sets of slots that take one from each of [sets], trying each slot of the
// first set [chosen] misses; false when that takes more than [budget] steps.
bool hitting_sets(const std::vector<std::vector<std::uint32_t>>& sets,
                  std::vector<std::uint32_t>& chosen, std::vector<std::vector<std::uint32_t>>& out,
                  std::size_t& budget) {
  if (budget == 0) return false;
  --budget;
  const auto missed = std::find_if(sets.begin(), sets.end(), [&](const auto& set) {
    return std::find_first_of(set.begin(), set.end(), chosen.begin(), chosen.end()) == set.end();
  });
  if (missed == sets.end()) {
    out.push_back(chosen);
    std::sort(out.back().begin(), out.back().end());
    return true;
  }
  for (const auto slot : *missed) {
    chosen.push_back(slot);
    const bool within = hitting_sets(sets, chosen, out, budget);
    chosen.pop_back();
    if (!within) return false;
  }
  return true;
}

}  // namespace

FlagsBySlot::KnownSlots FlagsBySlot::known_slots(const std::vector<ConditionSolver::Case>& cases) {
  KnownSlots known;
  for (const auto& c : cases) {
    auto& slots = known.emplace_back();
    for (const auto& [slot, value] : c) {
      if (value.known) slots.push_back(slot);
    }
    std::sort(slots.begin(), slots.end());
  }
  return known;
}

bool FlagsBySlot::minimal_hitting_sets(const KnownSlots& known,
                                       std::vector<std::vector<std::uint32_t>>& hitting) {
  hitting.clear();
  std::vector<std::uint32_t> chosen;
  // One case always fits: its hitting sets are its slots.
  std::size_t budget = kMaxHittingSteps + known.front().size();
  if (!hitting_sets(known, chosen, hitting, budget)) return false;
  std::sort(hitting.begin(), hitting.end(),
            [](const auto& a, const auto& b) { return a.size() < b.size(); });
  std::vector<std::vector<std::uint32_t>> minimal;
  for (const auto& set : hitting) {
    const bool has_smaller = std::any_of(minimal.begin(), minimal.end(), [&](const auto& smaller) {
      return std::includes(set.begin(), set.end(), smaller.begin(), smaller.end());
    });
    if (!has_smaller) minimal.push_back(set);
  }
  hitting = std::move(minimal);
  return true;
}

FlagsBySlot::FlagsBySlot(const ast::Kb& kb, const std::vector<bool>& analysable)
    : by_slot_(kb.facts.size() + 1), wide_by_slot_(kb.facts.size() + 1) {
  TruthKeys truth_keys(kb);
  for (std::uint32_t flag = 0; flag < kb.flags.size(); ++flag) {
    key_begin_.push_back(static_cast<std::uint32_t>(keys_.size()));
    if (!analysable[flag]) continue;
    const auto keys = truth_keys.of(*kb.flags[flag].condition);
    keys_.insert(keys_.end(), keys.begin(), keys.end());
    std::vector<std::uint32_t> slots;
    for (const auto& key : keys) {
      for (const auto slot : key) {
        if (slot != TruthKeys::kNoSlot) slots.push_back(slot);
      }
    }
    std::sort(slots.begin(), slots.end());
    slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
    if (keys.size() == 1 && slots.empty()) needing_nothing_.push_back(flag);
    const bool wide = slots.size() > kMaxPairedSlots;
    for (std::size_t i = 0; i < slots.size(); ++i) {
      by_slot_[slots[i]].push_back(flag);
      if (wide) wide_by_slot_[slots[i]].push_back(flag);
      for (std::size_t j = i + 1; j < slots.size() && !wide; ++j) {
        by_pair_[pair_key(slots[i], slots[j])].push_back(flag);
      }
    }
  }
  key_begin_.push_back(static_cast<std::uint32_t>(keys_.size()));
}

// A flag certainly true in every case has key slots in each case's known slots, so its key
// slots include a minimal hitting set of those: it is in the list of that set's one slot, or of
// two of its slots (all of them when they are at most two), or it is too wide to pair and has a
// key slot in the first case.
void FlagsBySlot::add_candidates(const KnownSlots& known, AscendingMerge& merge) const {
  merge.add(needing_nothing_);
  // Fewer cases give fewer, larger hitting sets; one case always fits the budget.
  KnownSlots cases = known;
  std::vector<std::vector<std::uint32_t>> hitting;
  while (!minimal_hitting_sets(cases, hitting)) cases.pop_back();
  for (const auto slot : cases.front()) merge.add(wide_by_slot_[slot]);
  for (const auto& slots : hitting) {
    if (slots.size() == 1) {
      merge.add(by_slot_[slots.front()]);
    } else if (const auto pair = by_pair_.find(pair_key(slots[0], slots[1])); pair != by_pair_.end()) {
      merge.add(pair->second);
    }
  }
}

bool FlagsBySlot::may_be_true_in_each(std::uint32_t flag, const KnownSlots& known) const {
  const auto* keys = keys_.data() + key_begin_[flag];
  const auto* keys_end = keys_.data() + key_begin_[flag + 1];
  return std::all_of(known.begin(), known.end(), [&](const auto& slots) {
    const auto given = [&](std::uint32_t slot) {
      return slot == TruthKeys::kNoSlot || std::binary_search(slots.begin(), slots.end(), slot);
    };
    return std::any_of(keys, keys_end, [&](const auto& key) { return given(key[0]) && given(key[1]); });
  });
}

}  // namespace redflag::lint
