// Clinical logic, decided by the condition solver (compiler/lint/condition_solver.hpp):
//
// - unsatisfiable-condition: no case, with any facts known or unknown, makes the flag's (or the
//   topic's) condition true, so the flag never fires (the topic is never shown by it);
// - tautological-condition: every case with all its facts known makes the condition true, so
//   the flag does not depend on the patient (a condition written as the literal `true`, as in
//   a topic shown in every evaluation, says so on purpose and is not reported);
// - redundant-flag: flag A never fires unless flag B, of the same or a higher urgency, fires
//   too ("A true and B false or unknown" has no case). When two flags of the same urgency imply
//   each other, only the later one is reported.
#include <fmt/format.h>

#include "compiler/lint/condition_solver.hpp"
#include "compiler/lint/lint_checks.hpp"

namespace redflag::lint {
namespace {

// Reports unsatisfiable and tautological [condition] of [what] (for messages) declared at
// [span]; returns whether it can be true.
bool check_condition(LintContext& context, ConditionSolver& solver, const ast::Expr& condition,
                     const SourceSpan& span, const std::string& what, std::string_view never) {
  if (!solver.analysable(condition)) return true;
  if (!solver.can_be(condition, kCanBeTrue, false)) {
    context.report(LintId::UnsatisfiableCondition, condition.span, span,
                   fmt::format("{} {}: no case makes `{}` true", what, never,
                               context.text_of(condition.span)));
    return false;
  }
  const bool literal_true = condition.kind == ast::ExprKind::BoolConst && condition.tri == 1;
  if (!literal_true && !solver.can_be(condition, kCanBeFalse | kCanBeUnknown, true)) {
    context.report(LintId::TautologicalCondition, condition.span, span,
                   fmt::format("the condition of {} is true in every case that gives its facts",
                               what));
  }
  return true;
}

}  // namespace

void check_logic(LintContext& context) {
  const ast::Kb& kb = context.kb();
  ConditionSolver solver(kb);
  std::vector<bool> can_fire(kb.flags.size());
  for (std::size_t i = 0; i < kb.flags.size(); ++i) {
    const auto& flag = kb.flags[i];
    can_fire[i] = check_condition(context, solver, *flag.condition, flag.span,
                                  fmt::format("flag `{}`", flag.name), "can never fire");
  }
  for (const auto& topic : kb.topics) {
    if (!topic.condition) continue;
    check_condition(context, solver, *topic.condition, topic.span,
                    fmt::format("topic `{}`", topic.name), "is never shown by its `when`");
  }
  // implied[a][b]: flag a never fires without flag b firing.
  const std::size_t count = kb.flags.size();
  const auto implies = [&](std::size_t a, std::size_t b) {
    return solver.analysable(*kb.flags[a].condition) && solver.analysable(*kb.flags[b].condition) &&
           !solver.can_be_true_without(*kb.flags[a].condition, *kb.flags[b].condition);
  };
  for (std::size_t a = 0; a < count; ++a) {
    if (!can_fire[a]) continue;  // already reported; it would be "redundant" with every flag
    const auto& flag = kb.flags[a];
    for (std::size_t b = 0; b < count; ++b) {
      const auto& other = kb.flags[b];
      if (a == b || other.level_id < flag.level_id || !implies(a, b)) continue;
      // Two equally urgent flags that imply each other: report the later one only.
      if (other.level_id == flag.level_id && b > a && implies(b, a)) continue;
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
