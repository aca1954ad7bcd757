// Comparisons with literals that do not say what they seem to:
//
// - range-edge-comparison: a fact with a declared range compared with a threshold at the edge
//   of that range, so that every value the fact can take gives the same answer (`age >= 0`
//   for `age : number between 0 and 130`). A threshold *outside* the range is already a
//   compile error (E046), and a value outside it an input error; this lint catches the edges
//   the checker lets through, and any comparison or `between` the range decides.
// - quantity-without-unit: a quantity fact compared with, or given in a test, a bare number,
//   which is taken in the fact's canonical unit (`weight_loss >= 10` means 10 [lb_av]); and a
//   numeric value with a unit (`map`, `(sbp + 2 * dbp) / 3`) compared with a bare number.
// - below-absolute-zero: a quantity fact compared with a value no case can have, by the
//   physical checks of runtime/fact_input.cpp: a temperature below 0 K, or a negative mass,
//   time, length or other ratio quantity when the fact declares no lower bound.
#include <fmt/format.h>

#include "compiler/lint/condition_solver.hpp"
#include "compiler/lint/lint_checks.hpp"
#include "runtime/units.hpp"

namespace redflag::lint {
namespace {

using ast::ExprKind;

const ast::Fact* fact_of(const ast::Kb& kb, const ast::Expr& expr) {
  return expr.kind == ExprKind::Name && expr.ref == ast::RefKind::Fact ? &kb.facts[expr.ref_id]
                                                                        : nullptr;
}

// The fact and literals of a comparison between a fact and numbers, if it is one.
const ast::Fact* numeric_subject(const ast::Kb& kb, const ast::Expr& expr,
                                 std::vector<const ast::Expr*>& literals) {
  if (expr.kind != ExprKind::Compare && expr.kind != ExprKind::Between) return nullptr;
  const ast::Fact* fact = nullptr;
  for (const auto& child : expr.children) {
    if (const ast::Fact* operand = fact_of(kb, *child)) {
      if (fact) return nullptr;  // two facts compared with each other
      fact = operand;
    } else if (child->kind == ExprKind::Number) {
      literals.push_back(child.get());
    }
  }
  const bool numeric = fact && (fact->type == ast::FactType::Number || fact->type == ast::FactType::Integer ||
                                fact->type == ast::FactType::Quantity);
  return numeric && !literals.empty() ? fact : nullptr;
}

std::string range_of(const ast::Fact& fact) {
  return fmt::format("{} to {}", fact.min->text + (fact.min->unit.empty() ? "" : " " + fact.min->unit),
                     fact.max->text + (fact.max->unit.empty() ? "" : " " + fact.max->unit));
}

// Why no case of quantity [fact] can have the value of [literal] (its canonical_value is in the
// fact's unit), as the case reader would refuse it, to follow "compares with "; "" when a case
// can have it.
std::string impossible_value(const ast::Fact& fact, const ast::Expr& literal) {
  const double value = literal.canonical_value;
  const auto canonical = find_unit(fact.unit);
  if (!canonical) return {};
  if (fact.dimension == Dimension::Temperature) {
    const auto kelvin = find_unit("K");
    // As in runtime/fact_input.cpp: compared in the fact's unit, so -459.67 [degF] is 0 K.
    if (!kelvin || value >= convert(0, *kelvin, *canonical)) return {};
    return fmt::format("{:.6g} K, below absolute zero{}", convert(value, *canonical, *kelvin),
                       fact.min ? "" : fmt::format(": `{}` can never be below 0 K, and case values "
                                                   "below it are refused", fact.name));
  }
  if (!(value < 0) || fact.min) return {};  // a declared range says itself what is possible
  if (fact.dimension == Dimension::Quantity &&
      canonical->ucum.special != ucum::SpecialFunction::None) {
    return {};  // a logarithmic unit such as [pH] may be negative
  }
  return fmt::format("a negative value, but `{}` can never be negative: case values below 0 are "
                     "refused", fact.name);
}

}  // namespace

// A numeric comparison (CMPN) of a value with a unit against a bare number.
void bare_number_against_value(LintContext& context, const ast::Expr& expr, const SourceSpan& declaration) {
  if (!expr.numeric || (expr.kind != ExprKind::Compare && expr.kind != ExprKind::Between)) return;
  const ast::Expr& value = *expr.children[0];
  for (std::size_t i = 0; i < expr.children.size(); ++i) {
    const ast::Expr& side = *expr.children[i];
    const ast::Expr& other = i == 0 ? *expr.children[1] : value;
    if (side.kind != ExprKind::Number || !side.number.unit.empty() || other.kind == ExprKind::Number ||
        other.value_unit.empty() || other.value_unit == "1") {
      continue;
    }
    context.report(LintId::QuantityWithoutUnit, side.span, declaration,
                   fmt::format("`{}` is in `{}` but is compared with the bare number `{}`; write its unit, "
                               "as in `{} {}`",
                               context.text_of(other.span), other.value_unit, side.number.text,
                               side.number.text, other.value_unit));
  }
}

void check_comparisons(LintContext& context) {
  const ast::Kb& kb = context.kb();
  ConditionSolver solver(kb);
  for_each_condition(kb, [&](const ast::Expr& condition, const SourceSpan& declaration) {
    for_each_expr(condition, [&](const ast::Expr& expr) {
      bare_number_against_value(context, expr, declaration);
      std::vector<const ast::Expr*> literals;
      const ast::Fact* fact = numeric_subject(kb, expr, literals);
      if (!fact) return;
      if (fact->type == ast::FactType::Quantity) {
        for (const auto* literal : literals) {
          if (!literal->number.unit.empty()) continue;
          context.report(LintId::QuantityWithoutUnit, literal->span, declaration,
                         fmt::format("quantity fact `{}` is compared with the bare number `{}`; "
                                     "write its unit, as in `{} {}`",
                                     fact->name, literal->number.text, literal->number.text,
                                     fact->unit));
        }
      }
      if (fact->type == ast::FactType::Quantity) {
        for (const auto* literal : literals) {
          std::string why = impossible_value(*fact, *literal);
          if (why.empty()) continue;
          context.report(LintId::BelowAbsoluteZero, literal->span, declaration,
                         fmt::format("`{}` compares with {}", context.text_of(expr.span), why));
        }
      }
      if (!fact->min || !fact->max) return;
      const bool can_be_true = solver.can_be(expr, kCanBeTrue, true);
      if (can_be_true && solver.can_be(expr, kCanBeFalse, true)) return;
      context.report(LintId::RangeEdgeComparison, expr.span, declaration,
                     fmt::format("`{}` is always {} for the declared range of `{}` ({})",
                                 context.text_of(expr.span), can_be_true ? "true" : "false",
                                 fact->name, range_of(*fact)));
    });
  });
  for (const auto& test : kb.tests) {
    for (const auto& given : test.givens) {
      if (given.kind != ast::Given::Kind::Number || !given.number.unit.empty()) continue;
      const ast::Fact& fact = kb.facts[given.fact_id];
      if (fact.type != ast::FactType::Quantity) continue;
      context.report(LintId::QuantityWithoutUnit, given.number.span, test.span,
                     fmt::format("quantity fact `{}` is given the bare number `{}`; write its "
                                 "unit, as in `{} {}`",
                                 fact.name, given.number.text, given.number.text, fact.unit));
    }
  }
}

}  // namespace redflag::lint
