// The linter's checks, one group per file, and what they share (internal to compiler/lint/).
//
// Each check reads the checked AST and reports findings through LintContext::report; none
// applies levels or suppressions, which compiler/lint/linter.cpp does afterwards for all.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "compiler/lint/lint.hpp"

namespace redflag::lint {

class ConditionSolver;

struct LintContext {
  const FrontendResult& frontend;
  const LintOptions& options;
  std::vector<LintFinding>& findings;

  const ast::Kb& kb() const { return frontend.kb; }

  // Adds a finding of [lint] at [span] (clipped to its first line) in the declaration that
  // starts at [declaration].
  LintFinding& report(LintId lint, SourceSpan span, const SourceSpan& declaration,
                      std::string message);

  // The source text of [span], whitespace runs folded to one space.
  std::string text_of(const SourceSpan& span) const;
  // The text of [expr] as written, on one line (compiler/written_text.hpp).
  std::string written(const ast::Expr& expr) const;
};

// Whether [condition] is the literal `true` (a topic shown always; in a flag, flag-always-fires).
inline bool literally_true(const ast::Expr& condition) {
  return condition.kind == ast::ExprKind::BoolConst && condition.tri == 1;
}

// Calls [visit] on [expr] and every sub-expression, parents first.
void for_each_expr(const ast::Expr& expr, const std::function<void(const ast::Expr&)>& visit);

// Calls [visit] with every condition of the KB (defines, flags, score items and guards,
// topics) and the span of the
// declaration that holds it.
void for_each_condition(const ast::Kb& kb,
                        const std::function<void(const ast::Expr&, const SourceSpan&)>& visit);

// unused-fact, unused-define, unused-topic, unused-source.
void check_unused(LintContext& context);
// missing-rationale, missing-citation, duplicate-text, duplicate-see.
void check_flag_text(LintContext& context);
// unsatisfiable-condition, tautological-condition, flag-always-fires, redundant-flag.
void check_logic(LintContext& context);
// mixed-and-or.
void check_mixed_and_or(LintContext& context);
// redundant-flag, for check_logic: [can_fire] says which flags were not found unsatisfiable.
void check_redundant_flags(LintContext& context, ConditionSolver& solver,
                           const std::vector<bool>& can_fire);
// range-edge-comparison, quantity-without-unit, below-absolute-zero.
void check_comparisons(LintContext& context);
// review-overdue, draft-in-release.
void check_governance(LintContext& context);
// untested-flag, test-without-expectations.
void check_tests(LintContext& context);

}  // namespace redflag::lint
