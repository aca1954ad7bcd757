// Satisfiability of checked conditions under three-valued logic: the linter's logic engine.
//
// A condition's value depends only on its facts, and each fact's possible values fall into
// finitely many classes that no condition in question can tell apart: unknown; for a number or
// quantity fact, each threshold it is compared with, the bounds of its declared range, and each
// open interval between them; for an enum, groups of values that every `=` and `in` treats
// alike; true and false for a bool; for `urgency` (topic conditions) every [low, high] pair of
// levels, as docs/language.md's three-valued urgency has it. The solver searches assignments of
// classes to facts depth first, evaluating the conditions over *sets* of possible values
// ({F, T, U}) so that a partial assignment which cannot reach the goal is cut at once; with
// every fact assigned the evaluation is exact. Defines are expanded (each evaluated once per
// assignment).
//
// Approximations only ever widen what is possible, so "no case can" is true whenever the solver
// says it: a comparison of two facts with each other may take any value when both are known,
// and a search past its bounds (kMaxSteps, kMaxFacts) answers "possible". Lints built on it
// therefore miss findings rather than report false ones. It does not know which flag fired
// when it evaluates `urgency` (it treats the urgency as independent of the flags).
//
// Besides yes/no answers it hands out the cases it finds (true_case) and evaluates a condition
// in given cases (true_in_each): cheap witnesses that let redundant-flag rule out most pairs of
// flags without solving them (compiler/lint/lint_redundant.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "compiler/ast.hpp"
#include "compiler/lint/flat_conditions.hpp"

namespace redflag::lint {

// A set of three-valued results: one bit per Tri value (bit 0 false, 1 true, 2 unknown).
using TriSet = std::uint8_t;
inline constexpr TriSet kCanBeFalse = 1, kCanBeTrue = 2, kCanBeUnknown = 4;

class ConditionSolver {
 public:
  // One class of a slot's values; for the urgency slot, the range [low, high] of levels. A slot
  // is a fact id, or kb.facts.size() for `urgency`.
  struct Class {
    bool known = true;
    double value = 0;
    std::uint32_t low = 0, high = 0;
  };
  // A case as the search sees one: a class for each slot it gives, every other slot unknown.
  using Case = std::vector<std::pair<std::uint32_t, Class>>;

  // [kb] must have passed checking and outlive the solver.
  explicit ConditionSolver(const ast::Kb& kb);

  // Whether [expr] is shallow enough to analyse: evaluation recurses once per nesting level,
  // defines included, so a condition deeper than kMaxDepth is left alone.
  bool analysable(const ast::Expr& expr) const;

  // Whether some case makes [expr] take a value in [wanted]. With [known_only], only cases in
  // which every fact is known (and the urgency decided) count.
  bool can_be(const ast::Expr& expr, TriSet wanted, bool known_only);

  // Whether some case makes [a] true while [b] is false or unknown.
  bool can_be_true_without(const ast::Expr& a, const ast::Expr& b);

  // A case that can make [expr] true with the slots in [unknown] unknown, giving just the slots
  // [expr] reads. It makes [expr] true for certain when no two facts are compared with each
  // other; otherwise only possibly (a value class stands for several values), which is enough to
  // rule pairs out in redundant-flag but not to prove a flag fires. The search tries each slot unknown before its known classes, so the case
  // leaves much unknown. None when there is no such case, when the search gives up, or when
  // [expr] is not analysable.
  std::optional<Case> true_case(const ast::Expr& expr,
                                const std::vector<std::uint32_t>& unknown = {});

  // Whether [expr] is true, and not possibly false or unknown, in each of [cases]; false when
  // [expr] is not analysable. A slot a case does not give is unknown in it (`urgency`, which
  // has no unknown, is the lowest level).
  bool true_in_each(const ast::Expr& expr, const std::vector<Case>& cases);

 private:
  struct Goal {
    std::uint32_t node;  // in flat_
    TriSet wanted;
  };

  // The node of [expr] in flat_ (copied on the first call), or kNotAnalysable.
  std::uint32_t node_of(const ast::Expr& expr);
  bool solve(const std::vector<Goal>& goals, bool known_only);
  // Collects what [goals] read and builds the classes of their slots; false when there are
  // more slots than the search takes.
  bool prepare(const std::vector<Goal>& goals, bool known_only);
  void forget_last_solve();
  void see(std::uint32_t slot);
  void collect(std::uint32_t node);
  void build_classes(std::uint32_t slot, bool known_only);
  bool search(const std::vector<Goal>& goals, std::size_t index);
  // At a leaf of the search that meets every goal: records it for true_case; true ends the
  // search.
  bool found_case();

  TriSet eval(std::uint32_t node);
  TriSet eval_define(std::uint32_t define);
  TriSet eval_compare(const FlatConditions::Node& node);
  TriSet eval_urgency(ast::Cmp cmp, std::uint32_t level);
  TriSet eval_at_least(const FlatConditions::Node& node);
  // The value of a comparison of fact [slot] (as a value) with [test], which says whether a
  // known value satisfies it.
  template <typename Test>
  TriSet eval_fact(std::uint32_t slot, Test test) const;
  // A comparison between facts: decided only by whether they are known.
  TriSet eval_free(const std::vector<std::uint32_t>& slots) const;
  TriSet open() const;
  std::uint32_t height(const ast::Expr& expr) const;

  const ast::Kb& kb_;
  std::uint32_t urgency_slot_;
  std::vector<std::uint32_t> define_height_;
  FlatConditions flat_;  // what the search evaluates
  // The node in flat_ of each condition asked about, or kNotAnalysable.
  static constexpr std::uint32_t kNotAnalysable = 0xFFFFFFFFu;
  std::unordered_map<const ast::Expr*, std::uint32_t> nodes_;

  // State of one solve. The per-slot and per-define tables are sized once; a solve writes only
  // the entries of the slots in order_ and the defines in defines_read_, and the next one
  // clears just those.
  bool known_only_ = false;
  std::uint64_t steps_ = 0;
  std::vector<std::uint32_t> order_;  // slots in the order the search assigns them
  std::vector<std::uint32_t> defines_read_;
  std::vector<bool> slot_seen_, define_seen_;
  std::vector<std::vector<double>> thresholds_;
  std::vector<std::vector<std::uint64_t>> enum_masks_;
  std::vector<std::vector<Class>> classes_;
  std::vector<std::int32_t> assigned_;  // class index per slot, -1 while open
  std::vector<TriSet> define_memo_;
  std::vector<std::uint64_t> define_epoch_;
  std::uint64_t epoch_ = 0;
  // While true_case searches: unknown classes first, and where the case goes.
  bool unknown_first_ = false;
  std::optional<Case>* found_ = nullptr;
};

}  // namespace redflag::lint
