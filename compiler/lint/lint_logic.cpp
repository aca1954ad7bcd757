// Clinical logic, decided by the condition solver (compiler/lint/condition_solver.hpp):
//
// - unsatisfiable-condition: no case, with any facts known or unknown, makes the flag's (or the
//   topic's) condition true, so the flag never fires (the topic is never shown by it);
// - tautological-condition: every case with all its facts known makes the condition true, so
//   the flag does not depend on the patient (a condition written as the literal `true`, as in
//   a topic shown in every evaluation, says so on purpose and is not reported);
// - flag-always-fires: a flag's condition is the literal `true`, so it fires for every patient
//   (on purpose in a topic, a slip or a placeholder in a flag);
// - redundant-flag: flag A never fires unless flag B, of the same or a higher urgency, fires
//   too (compiler/lint/lint_redundant.cpp).
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
  if (!literally_true(condition) && !solver.can_be(condition, kCanBeFalse | kCanBeUnknown, true)) {
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
    if (literally_true(*flag.condition)) {
      context.report(LintId::FlagAlwaysFires, flag.condition->span, flag.span,
                     fmt::format("flag `{}` fires for every patient: its condition is `true`",
                                 flag.name));
    }
    can_fire[i] = check_condition(context, solver, *flag.condition, flag.span,
                                  fmt::format("flag `{}`", flag.name), "can never fire");
  }
  for (const auto& topic : kb.topics) {
    if (!topic.condition) continue;
    check_condition(context, solver, *topic.condition, topic.span,
                    fmt::format("topic `{}`", topic.name), "is never shown by its `when`");
  }
  check_redundant_flags(context, solver, can_fire);
}

}  // namespace redflag::lint
