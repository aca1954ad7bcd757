// redundant-flag: flag A never fires unless flag B, of the same or a higher urgency, fires too
// ("A true and B false or unknown" has no case, compiler/lint/condition_solver.hpp). The
// finding names the first such B in flag order; when two flags of the same urgency imply each
// other, only the later one is reported.
//
// Solving every pair of flags would take time quadratic in the KB. Instead the solver finds a
// few cases that make A true, and B is solved against A only when it is certainly true in each
// of them (every slot a case does not give being unknown): if a case of A leaves B false or
// unknown, the pair's solve has that case among its leaves (its classes only refine A's) and
// finds it, or gives up, and either way A does not imply B. The cases leave as much unknown as
// they can (the search tries unknown first). After the first come a case for each slot the
// first gives known, with that slot forced unknown, then cases with every slot known so far
// forced unknown, while there are: together they cover A's ways of being true (`a or b or c`
// gets a case for each part). The flags that may be certainly true in all of them come from an
// index by truth keys (compiler/lint/flags_by_slot.hpp) and are walked in flag order.
//
// The findings are those of solving every pair. When the search finds no case of A (it gave
// up), every flag is a candidate.
#include <fmt/format.h>

#include <numeric>

#include "compiler/lint/ascending_merge.hpp"
#include "compiler/lint/condition_solver.hpp"
#include "compiler/lint/flags_by_slot.hpp"
#include "compiler/lint/lint_checks.hpp"

namespace redflag::lint {
namespace {

// At most this many cases of A.
constexpr std::size_t kMaxCases = 8;

// Cases that make [condition] true (empty when the search finds none).
std::vector<ConditionSolver::Case> true_cases(ConditionSolver& solver, const ast::Expr& condition) {
  std::vector<ConditionSolver::Case> cases;
  auto first = solver.true_case(condition);
  if (!first) return cases;
  cases.push_back(*first);
  for (const auto& [slot, value] : *first) {
    if (cases.size() == kMaxCases) break;
    if (!value.known) continue;
    if (auto other = solver.true_case(condition, {slot})) cases.push_back(std::move(*other));
  }
  // Then cases with every slot known in the cases so far unknown, while there are.
  std::vector<std::uint32_t> known;
  for (const auto& c : cases) {
    for (const auto& [slot, value] : c) {
      if (value.known) known.push_back(slot);
    }
  }
  while (cases.size() < kMaxCases) {
    auto other = solver.true_case(condition, known);
    if (!other) break;
    for (const auto& [slot, value] : *other) {
      if (value.known) known.push_back(slot);
    }
    cases.push_back(std::move(*other));
  }
  return cases;
}

}  // namespace

void check_redundant_flags(LintContext& context, ConditionSolver& solver,
                           const std::vector<bool>& can_fire) {
  const auto& flags = context.kb().flags;
  // What the walk over candidates reads of each flag, side by side rather than in the flags.
  std::vector<bool> analysable(flags.size());
  std::vector<std::uint32_t> level(flags.size());
  for (std::size_t i = 0; i < flags.size(); ++i) {
    analysable[i] = solver.analysable(*flags[i].condition);
    level[i] = flags[i].level_id;
  }
  // Flag a never fires without flag b firing.
  const auto implies = [&](std::uint32_t a, std::uint32_t b) {
    return !solver.can_be_true_without(*flags[a].condition, *flags[b].condition);
  };
  const FlagsBySlot index(context.kb(), analysable);
  std::vector<std::uint32_t> every_flag(flags.size());
  std::iota(every_flag.begin(), every_flag.end(), 0);
  for (std::uint32_t a = 0; a < flags.size(); ++a) {
    // A flag that cannot fire is already reported; it would be "redundant" with every flag.
    if (!can_fire[a] || !analysable[a]) continue;
    const auto& flag = flags[a];
    const auto cases = true_cases(solver, *flag.condition);
    const auto known = FlagsBySlot::known_slots(cases);
    AscendingMerge candidates;
    if (cases.empty()) {
      candidates.add(every_flag);
    } else {
      index.add_candidates(known, candidates);
    }
    while (const auto next = candidates.next()) {
      const std::uint32_t b = *next;
      // A flag that fires for every patient is flag-always-fires's finding, not every other's.
      if (a == b || level[b] < level[a] || !analysable[b] || literally_true(*flags[b].condition) ||
          !index.may_be_true_in_each(b, known)) {
        continue;
      }
      const auto& other = flags[b];
      if (!solver.true_in_each(*other.condition, cases) || !implies(a, b)) continue;
      // Two equally urgent flags that imply each other: report the later one only.
      if (level[b] == level[a] && b > a && implies(b, a)) continue;
      context.report(LintId::RedundantFlag, flag.span, flag.span,
                     fmt::format("flag `{}` never fires without flag `{}` ({}) firing too",
                                 flag.name, other.name, other.level))
          .help.push_back(fmt::format("`{}` implies `{}`", context.text_of(flag.condition->span),
                                      context.text_of(other.condition->span)));
      break;
    }
  }
}

}  // namespace redflag::lint
