// Governance and tests:
//
// - review-overdue: an `active` KB whose `next_review` is before today (LintOptions::today), or
//   that has no `next_review` at all; draft and retired KBs are not in clinical use.
// - draft-in-release: a `draft` KB; reported only in a build for release (effective_levels).
// - untested-flag: no test's case makes the flag's condition true. The tests are replayed on
//   the reference evaluator (compiler/eval/ast_eval.hpp), so "fires" means what `redflag test` means.
//   A flag's value depends only on the facts it reads, so a test evaluates just the flags that
//   read one of its givens; a flag that reads none has its value with every fact unknown,
//   evaluated once. Replaying every flag in every test would cost tests x flags.
// - test-without-expectations: a test with no `expect` clause, which can never fail.
#include <fmt/format.h>

#include "compiler/eval/ast_eval.hpp"
#include "compiler/lint/condition_solver.hpp"
#include "compiler/lint/lint_checks.hpp"

namespace redflag::lint {
namespace {

// Not yet a flag or test index.
constexpr std::uint32_t kNone = 0xFFFFFFFFu;

// Sets [facts] to the case [test] describes: its givens, every other fact unknown (as [facts]
// was before).
void give(const ast::Test& test, std::vector<FactValue>& facts) {
  for (const auto& given : test.givens) {
    FactValue& fact = facts[given.fact_id];
    fact.known = given.kind != ast::Given::Kind::Unknown;
    fact.value = given.kind == ast::Given::Kind::Bool ? (given.bool_value ? 1 : 0) : given.value;
  }
}

// For each fact, the flags whose conditions read it, defines and scores expanded, ascending.
std::vector<std::vector<std::uint32_t>> readers_of_facts(const ast::Kb& kb) {
  std::vector<std::vector<std::uint32_t>> readers(kb.facts.size());
  std::vector<std::uint32_t> define_seen(kb.defines.size(), kNone);
  std::vector<std::uint32_t> score_seen(kb.scores.size(), kNone);
  std::vector<std::uint32_t> fact_seen(kb.facts.size(), kNone);
  for (std::uint32_t flag = 0; flag < kb.flags.size(); ++flag) {
    const auto see_fact = [&](std::uint32_t fact) {
      if (fact_seen[fact] == flag) return;
      fact_seen[fact] = flag;
      readers[fact].push_back(flag);
    };
    const auto read = [&](const ast::Expr& expr, auto& self) -> void {
      const bool names_fact = expr.kind == ast::ExprKind::Name || expr.kind == ast::ExprKind::Known;
      if (names_fact && expr.ref == ast::RefKind::Fact) see_fact(expr.ref_id);
      if (expr.kind == ast::ExprKind::Name && expr.ref == ast::RefKind::Define &&
          define_seen[expr.ref_id] != flag) {
        define_seen[expr.ref_id] = flag;
        self(*kb.defines[expr.ref_id].condition, self);
      }
      const bool names_score = expr.ref == ast::RefKind::Score || expr.ref == ast::RefKind::Item;
      if (expr.kind == ast::ExprKind::Name && names_score && score_seen[expr.ref_id] != flag) {
        score_seen[expr.ref_id] = flag;
        for (const auto& item : kb.scores[expr.ref_id].items) {
          if (item.fact_id != ast::kNoId) see_fact(item.fact_id);
          if (item.condition) self(*item.condition, self);
          for (const auto& group : item.groups) {
            if (group.guard) self(*group.guard, self);
          }
        }
      }
      for (const auto& child : expr.children) self(*child, self);
    };
    read(*kb.flags[flag].condition, read);
  }
  return readers;
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
  const auto readers = readers_of_facts(kb);
  std::vector<FactValue> facts(kb.facts.size());
  std::vector<bool> fired(kb.flags.size());
  std::vector<std::size_t> tests_reading(kb.flags.size());  // tests that give a fact it reads
  std::vector<std::uint32_t> last_test(kb.flags.size(), kNone);
  for (std::uint32_t t = 0; t < kb.tests.size(); ++t) {
    const auto& test = kb.tests[t];
    give(test, facts);
    AstEvaluator evaluator(kb, facts);
    for (const auto& given : test.givens) {
      for (const auto flag : readers[given.fact_id]) {
        if (last_test[flag] == t) continue;
        last_test[flag] = t;
        ++tests_reading[flag];
        if (!fired[flag] && evaluator.evaluate(*kb.flags[flag].condition) == Tri::True) fired[flag] = true;
      }
    }
    for (const auto& given : test.givens) facts[given.fact_id] = FactValue{};
  }
  // In the tests that give none of its facts, a flag has its value with nothing known.
  AstEvaluator nothing_known(kb, facts);
  for (std::size_t i = 0; i < fired.size(); ++i) {
    if (!fired[i] && tests_reading[i] < kb.tests.size()) {
      fired[i] = nothing_known.evaluate(*kb.flags[i].condition) == Tri::True;
    }
  }
  for (std::size_t i = 0; i < fired.size(); ++i) {
    if (fired[i]) continue;
    const auto& flag = kb.flags[i];
    context.report(LintId::UntestedFlag, flag.span, flag.span,
                   fmt::format("no test makes flag `{}` fire", flag.name));
  }
}

}  // namespace redflag::lint
