// Governance and tests:
//
// - review-overdue: an `active` KB whose `next_review` is before today (LintOptions::today), or
//   that has no `next_review` at all; draft and retired KBs are not in clinical use.
// - draft-in-release: a `draft` KB; reported only in a build for release (effective_levels).
// - untested-flag: no test's case makes the flag's condition true. The tests are replayed on
//   the reference evaluator (compiler/ast_eval.hpp), so "fires" means what `redflag test` means.
// - test-without-expectations: a test with no `expect` clause, which can never fail.
#include <fmt/format.h>

#include "compiler/ast_eval.hpp"
#include "compiler/lint/condition_solver.hpp"
#include "compiler/lint/lint_checks.hpp"

namespace redflag::lint {
namespace {

// The case a test describes: its givens, every other fact unknown.
std::vector<FactValue> facts_of(const ast::Kb& kb, const ast::Test& test) {
  std::vector<FactValue> facts(kb.facts.size());
  for (const auto& given : test.givens) {
    FactValue& fact = facts[given.fact_id];
    fact.known = given.kind != ast::Given::Kind::Unknown;
    fact.value = given.kind == ast::Given::Kind::Bool ? (given.bool_value ? 1 : 0) : given.value;
  }
  return facts;
}

}  // namespace

void check_governance(LintContext& context) {
  const ast::KbHeader& header = *context.kb().header;
  if (header.status == "draft") {
    context.report(LintId::DraftInRelease, header.status_span, header.span,
                   fmt::format("KB `{}` has `status draft` in a build for release", header.id));
  }
  if (header.status != "active") return;
  if (header.next_review.empty()) {
    context.report(LintId::ReviewOverdue, header.span, header.span,
                   fmt::format("active KB `{}` has no `next_review` date", header.id))
        .help.push_back("add `next_review YYYY-MM-DD`, when the KB must be reviewed again");
  } else if (header.next_review < context.options.today) {
    context.report(LintId::ReviewOverdue, header.next_review_span, header.span,
                   fmt::format("active KB `{}` was due for review on {} (today is {})", header.id,
                               header.next_review, context.options.today));
  }
}

void check_tests(LintContext& context) {
  const ast::Kb& kb = context.kb();
  for (const auto& test : kb.tests) {
    if (!test.expectations.empty()) continue;
    context.report(LintId::TestWithoutExpectations, test.span, test.span,
                   fmt::format("test \"{}\" has no `expect` clause, so it can never fail",
                               test.name));
  }
  // The evaluator recurses through defines like the solver: skip KBs too deep for either.
  const ConditionSolver solver(kb);
  for (const auto& flag : kb.flags) {
    if (!solver.analysable(*flag.condition)) return;
  }
  for (const auto& topic : kb.topics) {
    if (topic.condition && !solver.analysable(*topic.condition)) return;
  }
  std::vector<bool> fired(kb.flags.size());
  for (const auto& test : kb.tests) {
    const auto facts = facts_of(kb, test);
    const auto evaluation = AstEvaluator(kb, facts).evaluate_all();
    for (std::size_t i = 0; i < fired.size(); ++i) fired[i] = fired[i] || evaluation.flags[i] == Tri::True;
  }
  for (std::size_t i = 0; i < fired.size(); ++i) {
    if (fired[i]) continue;
    const auto& flag = kb.flags[i];
    context.report(LintId::UntestedFlag, flag.span, flag.span,
                   fmt::format("no test makes flag `{}` fire", flag.name));
  }
}

}  // namespace redflag::lint
