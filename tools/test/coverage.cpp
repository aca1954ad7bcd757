#include "tools/test/coverage.hpp"

#include <unordered_map>

#include "compiler/eval/ast_eval.hpp"
#include "tools/test/test_runner.hpp"

namespace redflag::tools {
namespace {

bool is_leaf(const ast::Expr& expr) {
  switch (expr.kind) {
    case ast::ExprKind::Name:
    case ast::ExprKind::Known:
    case ast::ExprKind::Compare:
    case ast::ExprKind::InSet:
    case ast::ExprKind::Between: return true;
    default: return false;
  }
}

// The leaves of [expr] in source order; a define is a leaf (its body is not the flag's text).
void collect_leaves(const ast::Expr& expr, std::vector<ConditionCoverage>& out) {
  if (is_leaf(expr)) {
    out.push_back({&expr, {}});
    return;
  }
  for (const auto& child : expr.children) collect_leaves(*child, out);
}

}  // namespace

std::vector<FlagCoverage> measure_coverage(const ast::Kb& kb, const Image& image) {
  std::vector<FlagCoverage> flags(kb.flags.size());
  // A flag whose whole condition is one leaf has two slots on the same expression.
  std::unordered_map<const ast::Expr*, std::vector<Coverage*>> slots_of;
  for (std::size_t i = 0; i < kb.flags.size(); ++i) {
    collect_leaves(*kb.flags[i].condition, flags[i].conditions);
    for (auto& condition : flags[i].conditions) slots_of[condition.condition].push_back(&condition.coverage);
    slots_of[kb.flags[i].condition.get()].push_back(&flags[i].coverage);
  }
  for (const auto& test : image.tests) {
    const auto facts = facts_of_test(image, test);
    AstEvaluator evaluator(kb, facts, [&](const ast::Expr& expr, Tri value) {
      if (const auto it = slots_of.find(&expr); it != slots_of.end()) {
        for (auto* slot : it->second) slot->seen[static_cast<std::size_t>(value)] = true;
      }
    });
    evaluator.evaluate_all();
  }
  return flags;
}

}  // namespace redflag::tools
