#include "compiler/eval/ast_eval.hpp"

#include <algorithm>
#include <stdexcept>

namespace redflag {
namespace {

using ast::Expr;
using ast::ExprKind;
using ast::RefKind;

bool compare_values(double left, ast::Cmp cmp, double right) {
  return compare(left, ast::cmp_code(cmp), right);
}

}  // namespace

AstEvaluator::AstEvaluator(const ast::Kb& kb, const std::vector<FactValue>& facts, Observer observer)
    : kb_(kb), facts_(facts), observer_(std::move(observer)), define_memo_(kb.defines.size()) {}

AstEvaluation AstEvaluator::evaluate_all() {
  AstEvaluation result;
  for (const auto& flag : kb_.flags) {
    const Tri value = evaluate(*flag.condition);
    result.flags.push_back(value);
    if (value == Tri::True) urgency_low_ = std::max(urgency_low_, flag.level_id);
    if (value != Tri::False) urgency_high_ = std::max(urgency_high_, flag.level_id);
    if (value == Tri::Unknown) result.complete = false;
  }
  result.urgency = urgency_low_;
  for (const auto& topic : kb_.topics) {
    result.topics.push_back(topic.condition ? evaluate(*topic.condition) : Tri::False);
  }
  return result;
}

Tri AstEvaluator::evaluate(const Expr& expr) {
  const Tri value = evaluate_unobserved(expr);
  if (observer_) observer_(expr, value);
  return value;
}

Tri AstEvaluator::evaluate_unobserved(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::BoolConst: return static_cast<Tri>(expr.tri);
    case ExprKind::Name: {
      if (expr.ref == RefKind::Define) return evaluate_define(expr.ref_id);
      const FactValue& fact = facts_.at(expr.ref_id);
      return fact.known ? tri_of(fact.value != 0) : Tri::Unknown;
    }
    case ExprKind::Known: return tri_of(facts_.at(expr.ref_id).known);
    case ExprKind::Not: return tri_not(evaluate(*expr.children[0]));
    case ExprKind::And:
    case ExprKind::Or: {
      // Every child is evaluated (no short cut), so coverage sees all of them.
      const bool is_and = expr.kind == ExprKind::And;
      Tri result = is_and ? Tri::True : Tri::False;
      for (const auto& child : expr.children) {
        const Tri value = evaluate(*child);
        result = is_and ? tri_and(result, value) : tri_or(result, value);
      }
      return result;
    }
    case ExprKind::Compare: return evaluate_compare(expr);
    case ExprKind::InSet: {
      const FactValue& fact = facts_.at(expr.children[0]->ref_id);
      if (!fact.known) return Tri::Unknown;
      const auto index = static_cast<std::uint32_t>(fact.value);
      const bool member = std::find(expr.set_ids.begin(), expr.set_ids.end(), index) != expr.set_ids.end();
      return tri_of(member != expr.negated);
    }
    case ExprKind::Between: {
      const auto value = operand_value(*expr.children[0]);
      if (!value) return Tri::Unknown;
      return tri_of(*value >= expr.children[1]->canonical_value &&
                    *value <= expr.children[2]->canonical_value);
    }
    case ExprKind::AtLeast: {
      std::uint32_t trues = 0, unknowns = 0;
      for (const auto& child : expr.children) {
        const Tri value = evaluate(*child);
        trues += value == Tri::True;
        unknowns += value == Tri::Unknown;
      }
      return tri_at_least(expr.count, trues, unknowns);
    }
    case ExprKind::Number:
    case ExprKind::Urgency: break;
  }
  throw std::logic_error("ast_eval: a value operand used as a condition");
}

Tri AstEvaluator::evaluate_compare(const Expr& expr) {
  const Expr& left = *expr.children[0];
  const Expr& right = *expr.children[1];
  if (left.kind == ExprKind::Urgency) return compare_urgency(expr.cmp, right.ref_id);
  if (right.kind == ExprKind::Urgency) {
    // `level < urgency` is `urgency > level`.
    return compare_urgency(ast::swapped(expr.cmp), left.ref_id);
  }
  if (left.kind == ExprKind::BoolConst || right.kind == ExprKind::BoolConst ||
      left.ref == RefKind::Define || right.ref == RefKind::Define) {
    // A boolean compared with true/false (or another boolean): Kleene equality.
    const Tri a = evaluate(left);
    const Tri b = evaluate(right);
    if (a == Tri::Unknown || b == Tri::Unknown) return Tri::Unknown;
    return tri_of((a == b) == (expr.cmp == ast::Cmp::Eq));
  }
  const auto a = operand_value(left);
  const auto b = operand_value(right);
  if (!a || !b) return Tri::Unknown;
  return tri_of(compare_values(*a, expr.cmp, *b));
}

std::optional<double> AstEvaluator::operand_value(const Expr& expr) {
  if (expr.kind == ExprKind::Number) return expr.canonical_value;
  if (expr.kind == ExprKind::Name && expr.ref == RefKind::EnumValue) return expr.ref_id;
  if (expr.kind == ExprKind::Name && expr.ref == RefKind::Fact) {
    const FactValue& fact = facts_.at(expr.ref_id);
    if (!fact.known) return std::nullopt;
    return fact.value;
  }
  throw std::logic_error("ast_eval: unexpected comparison operand");
}

Tri AstEvaluator::evaluate_define(std::uint32_t id) {
  auto& memo = define_memo_.at(id);
  if (!memo) memo = evaluate(*kb_.defines[id].condition);
  return *memo;
}

// The urgency lies in [urgency_low_, urgency_high_]; a comparison every value in that range
// agrees on is decided, any other is unknown.
Tri AstEvaluator::compare_urgency(ast::Cmp cmp, std::uint32_t level) const {
  bool any_true = false, any_false = false;
  for (std::uint32_t u = urgency_low_; u <= urgency_high_; ++u) {
    (compare_values(u, cmp, level) ? any_true : any_false) = true;
  }
  if (any_true && any_false) return Tri::Unknown;
  return tri_of(any_true);
}

}  // namespace redflag
