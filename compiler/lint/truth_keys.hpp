// Truth keys: the slots a case must give known for a condition to be certainly true in it,
// read off the condition's shape without a search. They let redundant-flag's index
// (compiler/lint/flags_by_slot.hpp) pass over most flags without evaluating them.
//
// A key is a set of at most two slots (fact ids; compiler/lint/condition_solver.hpp). The
// keys of a condition have this property: in every case in which the solver evaluates the
// condition to exactly {true} (every slot the case does not give being unknown), the case gives
// the slots of one of the keys known. An empty key means that nothing is needed; no keys at all
// mean that the condition is never certainly true (`false`, or `a > b` between two facts, which
// the solver never decides). The keys follow the solver's evaluation rule by rule, for being
// certainly true, certainly false, and not unknown ("decided"):
//
// - a fact, or a comparison of one with constants: that fact, for each;
// - known(f): f to be true; nothing to be false or decided;
// - a comparison between facts: never true or false; decided needs the facts;
// - `not`: swaps true and false;
// - `and` is true only when every part is (a key of each, joined into one), false when some
//   part is, decided when some part is; `or` the other way round;
// - at least N of M parts is true only when N parts are, false only when M - N + 1 are, and
//   decided only when min(N, M - N + 1) are: when that count is two or more, the keys of two
//   parts joined, otherwise the keys of any part;
// - a comparison of two conditions is true, false or decided only when both are decided;
// - `urgency` and anything else: nothing needed.
//
// Keys are cut to two slots, and a set of keys that grows past kMaxKeys is weakened (keys cut to
// one slot, then "nothing needed"): a weaker key still holds, it only lets more through.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "compiler/ast.hpp"

namespace redflag::lint {

class TruthKeys {
 public:
  // One or two slots, ascending, kNoSlot where there is none.
  using Key = std::array<std::uint32_t, 2>;
  static constexpr std::uint32_t kNoSlot = 0xFFFFFFFFu;

  // [kb] must have passed checking and outlive the keys.
  explicit TruthKeys(const ast::Kb& kb);

  // The keys of [condition], which must be analysable (ConditionSolver::analysable), ascending.
  std::vector<Key> of(const ast::Expr& condition);

 private:
  using Keys = std::vector<Key>;
  struct Needs {
    Keys true_, false_, decided;
  };

  Needs needs(const ast::Expr& expr);
  Needs compare_needs(const ast::Expr& expr);
  Needs at_least_needs(const ast::Expr& expr);

  const ast::Kb& kb_;
  std::vector<std::optional<Needs>> define_needs_;
};

}  // namespace redflag::lint
