// A tree-walking evaluator over checked conditions: the reference semantics of the language.
//
// The VM runs compiled bytecode; this walks the AST directly, with no folding and no jumps, so
// it is an independent second implementation of docs/language.md's three-valued logic. Two
// users: `redflag test --coverage`, which needs the value of every sub-condition (the VM only
// keeps flag results), and the differential test, which requires both implementations to agree.
// It is slow by design (recursion, define memo per case) and never used for bulk evaluation.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "compiler/ast.hpp"
#include "runtime/fact_value.hpp"
#include "runtime/tri.hpp"

namespace redflag {

// A numeric value: every number from [lo] to [hi] is possible (lo == hi when known).
struct AstRange {
  double lo = 0, hi = 0;
};

// Results of one case, shaped like the VM's Evaluation.
struct AstEvaluation {
  std::vector<Tri> flags;
  std::vector<AstRange> scores;  // per kb.scores
  std::vector<Tri> topics;  // F for topics without a condition
  std::uint32_t urgency = 0;
  bool complete = true;
};

class AstEvaluator {
 public:
  // Called with every sub-expression and its value as it is evaluated.
  using Observer = std::function<void(const ast::Expr&, Tri)>;

  // [kb] must have passed checking; [facts] holds one entry per kb.facts.
  AstEvaluator(const ast::Kb& kb, const std::vector<FactValue>& facts, Observer observer = {});

  // Evaluates every flag, then every topic condition, as the VM would.
  AstEvaluation evaluate_all();

  // Evaluates one condition. Topic conditions that read `urgency` need evaluate_all.
  Tri evaluate(const ast::Expr& expr);

  // The range of numeric value [expr] (arithmetic, a fact, a numeric define, a score, an item).
  AstRange range(const ast::Expr& expr);
  // The range of score [id], and of item [item] of score [id].
  AstRange score_range(std::uint32_t id);
  AstRange item_range(const ast::ScoreItem& item);

 private:
  Tri evaluate_unobserved(const ast::Expr& expr);
  Tri evaluate_compare(const ast::Expr& expr);
  Tri evaluate_define(std::uint32_t id);
  AstRange range_unscaled(const ast::Expr& expr);
  Tri compare_ranges(const ast::Expr& left, ast::Cmp cmp, const ast::Expr& right);
  // Whether the item's fact lies in [row] of [item].
  Tri in_band(const ast::ScoreItem& item, const ast::BandRow& row);
  Tri compare_urgency(ast::Cmp cmp, std::uint32_t level) const;
  // The value of a fact or literal operand, nullopt when unknown.
  std::optional<double> operand_value(const ast::Expr& expr);

  const ast::Kb& kb_;
  const std::vector<FactValue>& facts_;
  Observer observer_;
  std::vector<std::optional<Tri>> define_memo_;
  std::vector<std::optional<AstRange>> number_memo_;  // numeric defines
  std::vector<std::optional<AstRange>> score_memo_;
  std::uint32_t urgency_low_ = 0;   // highest level of the fired flags
  std::uint32_t urgency_high_ = 0;  // highest level of the fired and undetermined flags
};

}  // namespace redflag
