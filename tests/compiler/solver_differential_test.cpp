// Differential test of the linter's ConditionSolver against the reference AST evaluator, on
// random KBs (tests/support/random_kb.hpp) and random cases.
//
// The solver's header promises one direction only: "approximations only ever widen what is
// possible, so 'no case can' is true whenever the solver says it". So a case the evaluator runs
// may never contradict an impossibility, and every case the solver hands out must be what it
// claims. Each property below quotes what it checks; none asks the solver to find what a lint
// merely hopes it finds (a "possible" answer is never wrong).
//   1. can_be(c, X, false) false: no case gives c the value X (flags and topic conditions; a
//      topic's urgency is one of the [low, high] pairs the solver ranges over).
//   2. can_be(c, X, true) false: no case with every fact known gives X (for topics, also with
//      every flag decided, so that the urgency is decided).
//   3. can_be_true_without(a, b) false: no case makes a true and b false or unknown.
//   4. true_case(c, unknown): the case gives only slots c reads and leaves the slots in
//      [unknown] unknown; when c compares no two facts with each other, it makes c true. (With
//      such a comparison the solver lets it take any value, so its "case that makes [expr]
//      true" is one that may make it true: with this seed, f0 of KB 4, `at least 2 of (..., d0,
//      d1)` with `define d0 = n0 = n1`, gets a witness in which the evaluator finds n0 != n1 and f0
//      false. redundant-flag only uses witnesses to rule pairs out, so this can only cost it
//      findings, as the header's "miss findings rather than report false ones" allows.)
//   5. true_in_each(c, cases) true: c is true in each of the cases.
//   6. With every slot a condition reads assigned the evaluation is exact, and the only
//      approximation left is a comparison of two facts: so for conditions without one,
//      true_in_each of one case is true exactly when the evaluator gives T.
#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "compiler/compiler.hpp"
#include "compiler/eval/ast_eval.hpp"
#include "compiler/lint/condition_solver.hpp"
#include "tests/support/random_kb.hpp"

namespace {

using redflag::FactValue;
using redflag::Tri;
using redflag::lint::ConditionSolver;
using redflag::lint::TriSet;
namespace ast = redflag::ast;

constexpr int kKbs = 120;
constexpr int kFlagsPerKb = 12;
constexpr int kCasesPerKb = 150;       // about 30% of the facts unknown
constexpr int kKnownCasesPerKb = 100;  // every fact known

TriSet bit(Tri value) { return static_cast<TriSet>(1u << static_cast<unsigned>(value)); }

const char* name_of(TriSet set) {
  switch (set) {
    case redflag::lint::kCanBeFalse: return "F";
    case redflag::lint::kCanBeTrue: return "T";
    default: return "U";
  }
}

// The slots [expr] reads (defines expanded) into [slots]; [urgency_slot] for `urgency`. Sets
// [fact_pair] when it compares two facts with each other.
void reads(const ast::Kb& kb, const ast::Expr& expr, std::uint32_t urgency_slot,
           std::set<std::uint32_t>& slots, bool& fact_pair) {
  if (expr.kind == ast::ExprKind::Urgency) slots.insert(urgency_slot);
  if ((expr.kind == ast::ExprKind::Name || expr.kind == ast::ExprKind::Known) && expr.ref == ast::RefKind::Fact) {
    slots.insert(expr.ref_id);
  }
  if (expr.kind == ast::ExprKind::Name && expr.ref == ast::RefKind::Define) {
    reads(kb, *kb.defines[expr.ref_id].condition, urgency_slot, slots, fact_pair);
  }
  if (expr.kind == ast::ExprKind::Compare || expr.kind == ast::ExprKind::Between) {
    int facts = 0;
    for (const auto& child : expr.children) {
      facts += child->kind == ast::ExprKind::Name && child->ref == ast::RefKind::Fact;
    }
    fact_pair = fact_pair || facts > 1;
  }
  for (const auto& child : expr.children) reads(kb, *child, urgency_slot, slots, fact_pair);
}

// [facts] as the solver's Case: the known facts, every other slot left out (so unknown).
ConditionSolver::Case as_solver_case(const std::vector<FactValue>& facts) {
  ConditionSolver::Case result;
  for (std::uint32_t i = 0; i < facts.size(); ++i) {
    if (facts[i].known) result.push_back({i, ConditionSolver::Class{true, facts[i].value}});
  }
  return result;
}

// A solver's Case of fact slots as the evaluator's facts: slots it does not give are unknown.
std::vector<FactValue> as_facts(const ConditionSolver::Case& found, std::size_t fact_count) {
  std::vector<FactValue> facts(fact_count);
  for (const auto& [slot, value] : found) {
    if (slot < fact_count) facts[slot] = {value.value, value.known};
  }
  return facts;
}

// The condition being checked, for messages.
struct Subject {
  std::string label;  // "flag f3" or "topic t2"
  const ast::Expr* condition;
};

}  // namespace

TEST_CASE("the condition solver never contradicts the reference evaluator on random KBs", "[differential][solver]") {
  std::mt19937 random(20260314);
  // How often each claim was made, so that a solver that always says "possible" is noticed.
  int impossible = 0, impossible_known = 0, not_without = 0, witnesses = 0, exact_witnesses = 0, true_in_all = 0,
      exact_compared = 0, evaluated = 0;
  for (int kb_index = 0; kb_index < kKbs; ++kb_index) {
    const std::string source =
        redflag::test_support::random_kb(random, kb_index % 3 == 0 ? 3 : kFlagsPerKb);
    INFO("KB " << kb_index << ":\n" << source);
    const auto compiled = redflag::compile_sources({{"random.rf", source}});
    REQUIRE(compiled.ok());
    const ast::Kb& kb = compiled.frontend.kb;
    const auto fact_count = kb.facts.size();
    const auto urgency_slot = static_cast<std::uint32_t>(fact_count);

    std::vector<Subject> subjects;
    for (const auto& flag : kb.flags) subjects.push_back({"flag " + flag.name, flag.condition.get()});
    for (const auto& topic : kb.topics) subjects.push_back({"topic " + topic.name, topic.condition.get()});
    const std::size_t flag_count = kb.flags.size();

    // Every case and what the evaluator gives each condition in it.
    std::vector<std::vector<FactValue>> cases;
    std::vector<bool> all_known;
    for (int c = 0; c < kCasesPerKb + kKnownCasesPerKb; ++c) {
      const bool known = c >= kCasesPerKb;
      cases.push_back(redflag::test_support::random_case(random, *compiled.image, known ? 0 : 3));
      all_known.push_back(known);
    }
    std::vector<std::vector<Tri>> values(cases.size());  // [case][subject]
    std::vector<bool> complete(cases.size());
    for (std::size_t c = 0; c < cases.size(); ++c) {
      redflag::AstEvaluator reference(kb, cases[c]);
      const auto result = reference.evaluate_all();
      values[c] = result.flags;
      values[c].insert(values[c].end(), result.topics.begin(), result.topics.end());
      complete[c] = result.complete;
      evaluated += static_cast<int>(subjects.size());
    }

    ConditionSolver solver(kb);
    for (std::size_t s = 0; s < subjects.size(); ++s) {
      const Subject& subject = subjects[s];
      const ast::Expr& condition = *subject.condition;
      const bool is_flag = s < flag_count;
      INFO(subject.label << " (the " << s << "th condition)");
      REQUIRE(solver.analysable(condition));

      // 1 and 2: impossibilities.
      for (const TriSet wanted : {redflag::lint::kCanBeFalse, redflag::lint::kCanBeTrue, redflag::lint::kCanBeUnknown}) {
        INFO("value " << name_of(wanted));
        if (!solver.can_be(condition, wanted, false)) {
          ++impossible;
          for (std::size_t c = 0; c < cases.size(); ++c) {
            INFO("case " << c);
            REQUIRE_FALSE(bit(values[c][s]) == wanted);
          }
        }
        if (!solver.can_be(condition, wanted, true)) {
          ++impossible_known;
          for (std::size_t c = 0; c < cases.size(); ++c) {
            // A topic's urgency is decided when no flag is undetermined.
            if (!all_known[c] || (!is_flag && !complete[c])) continue;
            INFO("case " << c << " (every fact known)");
            REQUIRE_FALSE(bit(values[c][s]) == wanted);
          }
        }
      }

      if (!is_flag) continue;  // the rest evaluates cases without urgency
      std::set<std::uint32_t> read;
      bool fact_pair = false;
      reads(kb, condition, urgency_slot, read, fact_pair);

      // 3: this flag true without the next one.
      const std::size_t other = (s + 1) % flag_count;
      if (!solver.can_be_true_without(condition, *subjects[other].condition)) {
        ++not_without;
        for (std::size_t c = 0; c < cases.size(); ++c) {
          INFO("case " << c << ", without " << subjects[other].label);
          REQUIRE_FALSE((values[c][s] == Tri::True && values[c][other] != Tri::True));
        }
      }

      // 4: witnesses, with nothing forced unknown and with the first slot read forced unknown.
      std::vector<std::vector<std::uint32_t>> unknowns = {{}};
      if (!read.empty()) unknowns.push_back({*read.begin()});
      for (const auto& unknown : unknowns) {
        const auto found = solver.true_case(condition, unknown);
        if (!found) continue;
        ++witnesses;
        for (const auto& [slot, value] : *found) {
          INFO("slot " << slot);
          REQUIRE(read.count(slot) == 1);
        }
        const auto facts = as_facts(*found, fact_count);
        for (const auto slot : unknown) REQUIRE_FALSE(facts[slot].known);
        if (fact_pair) continue;
        ++exact_witnesses;
        redflag::AstEvaluator reference(kb, facts);
        REQUIRE(reference.evaluate(condition) == Tri::True);
      }

      // 5 and 6: true_in_each on each case alone, and on runs of eight cases.
      std::vector<ConditionSolver::Case> run;
      bool true_in_run = true;
      for (std::size_t c = 0; c < cases.size(); ++c) {
        INFO("case " << c);
        const auto one = as_solver_case(cases[c]);
        const bool in_each = solver.true_in_each(condition, {one});
        if (in_each) {
          ++true_in_all;
          REQUIRE(values[c][s] == Tri::True);
        }
        if (!fact_pair) {
          ++exact_compared;
          REQUIRE(in_each == (values[c][s] == Tri::True));
        }
        run.push_back(one);
        true_in_run = true_in_run && values[c][s] == Tri::True;
        if (run.size() == 8) {
          if (solver.true_in_each(condition, run)) REQUIRE(true_in_run);
          run.clear();
          true_in_run = true;
        }
      }
    }
  }
  // The claims were made often enough to mean something.
  INFO(evaluated << " condition-case pairs evaluated; impossible " << impossible << ", impossible (known) "
                 << impossible_known << ", not true without " << not_without << ", witnesses " << witnesses << " (" << exact_witnesses << " evaluated)"
                 << ", true_in_each " << true_in_all << ", exact " << exact_compared);
  CHECK(impossible > 100);
  CHECK(impossible_known > 100);
  CHECK(not_without > 10);
  CHECK(witnesses > 100);
  CHECK(exact_witnesses > 100);
  CHECK(true_in_all > 1000);
  CHECK(exact_compared > 10000);
}
