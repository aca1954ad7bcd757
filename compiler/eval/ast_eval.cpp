#include "compiler/eval/ast_eval.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace redflag {
namespace {

using ast::Expr;
using ast::ExprKind;
using ast::RefKind;

bool compare_values(double left, ast::Cmp cmp, double right) {
  return compare(left, ast::cmp_code(cmp), right);
}

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// a * b where 0 times an infinite bound is 0: the bound stands for ever larger finite numbers.
double times(double a, double b) { return a == 0 || b == 0 ? 0 : a * b; }

AstRange multiply(AstRange a, AstRange b) {
  const double products[] = {times(a.lo, b.lo), times(a.lo, b.hi), times(a.hi, b.lo), times(a.hi, b.hi)};
  return {*std::min_element(std::begin(products), std::end(products)),
          *std::max_element(std::begin(products), std::end(products))};
}

// a / b where an infinite bound over an infinite bound counts as 0, as 0 * inf does.
double over(double a, double b) { return std::isinf(a) && std::isinf(b) ? 0 : a / b; }

// A range whose bound became NaN (inf - inf after an overflow) is open on that side.
AstRange opened(AstRange range) {
  return {std::isnan(range.lo) ? -kInfinity : range.lo, std::isnan(range.hi) ? kInfinity : range.hi};
}

// Division by a range that holds 0 may give any number; otherwise the hull of the four
// quotients, each rounded once.
AstRange divide(AstRange a, AstRange b) {
  if (b.lo <= 0 && b.hi >= 0) return {-kInfinity, kInfinity};
  const double quotients[] = {over(a.lo, b.lo), over(a.lo, b.hi), over(a.hi, b.lo), over(a.hi, b.hi)};
  return {*std::min_element(std::begin(quotients), std::end(quotients)),
          *std::max_element(std::begin(quotients), std::end(quotients))};
}

// Every pair of a value of [a] and a value of [b] agrees on `a cmp b`: T or F; else U.
Tri compare_range(AstRange a, ast::Cmp cmp, AstRange b) {
  switch (cmp) {
    case ast::Cmp::Eq:
      if (a.lo == a.hi && b.lo == b.hi && a.lo == b.lo) return Tri::True;
      return a.hi < b.lo || b.hi < a.lo ? Tri::False : Tri::Unknown;
    case ast::Cmp::Ne: return tri_not(compare_range(a, ast::Cmp::Eq, b));
    case ast::Cmp::Lt: return a.hi < b.lo ? Tri::True : a.lo >= b.hi ? Tri::False : Tri::Unknown;
    case ast::Cmp::Le: return a.hi <= b.lo ? Tri::True : a.lo > b.hi ? Tri::False : Tri::Unknown;
    case ast::Cmp::Gt: return compare_range(b, ast::Cmp::Lt, a);
    case ast::Cmp::Ge: return compare_range(b, ast::Cmp::Le, a);
  }
  return Tri::Unknown;
}

}  // namespace

AstEvaluator::AstEvaluator(const ast::Kb& kb, const std::vector<FactValue>& facts, Observer observer)
    : kb_(kb), facts_(facts), observer_(std::move(observer)), define_memo_(kb.defines.size()),
      number_memo_(kb.defines.size()), score_memo_(kb.scores.size()) {}

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
  for (std::uint32_t id = 0; id < kb_.scores.size(); ++id) result.scores.push_back(score_range(id));
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
    case ExprKind::Compare:
      if (expr.numeric) return compare_ranges(*expr.children[0], expr.cmp, *expr.children[1]);
      return evaluate_compare(expr);
    case ExprKind::InSet: {
      const FactValue& fact = facts_.at(expr.children[0]->ref_id);
      if (!fact.known) return Tri::Unknown;
      const auto index = static_cast<std::uint32_t>(fact.value);
      const bool member = std::find(expr.set_ids.begin(), expr.set_ids.end(), index) != expr.set_ids.end();
      return tri_of(member != expr.negated);
    }
    case ExprKind::Between: {
      if (expr.numeric) {
        return tri_and(compare_ranges(*expr.children[0], ast::Cmp::Ge, *expr.children[1]),
                       compare_ranges(*expr.children[0], ast::Cmp::Le, *expr.children[2]));
      }
      const auto value = operand_value(*expr.children[0]);
      if (!value) return Tri::Unknown;
      return tri_of(*value >= expr.children[1]->canonical_value &&
                    *value <= expr.children[2]->canonical_value);
    }
    case ExprKind::AtLeast:
    case ExprKind::AtMost:
    case ExprKind::Exactly: {
      std::uint32_t trues = 0, unknowns = 0;
      for (const auto& child : expr.children) {
        const Tri value = evaluate(*child);
        trues += value == Tri::True;
        unknowns += value == Tri::Unknown;
      }
      // The count of true members lies in [trues, trues + unknowns].
      const std::uint32_t most = trues + unknowns;
      if (expr.kind == ExprKind::AtLeast) return tri_at_least(expr.count, trues, unknowns);
      if (expr.kind == ExprKind::AtMost) return most <= expr.count ? Tri::True : trues > expr.count ? Tri::False : Tri::Unknown;
      if (trues == expr.count && most == expr.count) return Tri::True;
      return trues > expr.count || most < expr.count ? Tri::False : Tri::Unknown;
    }
    case ExprKind::Arith:
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

Tri AstEvaluator::compare_ranges(const Expr& left, ast::Cmp cmp, const Expr& right) {
  return compare_range(range(left), cmp, range(right));
}

AstRange AstEvaluator::range(const Expr& expr) {
  const AstRange value = range_unscaled(expr);
  if (expr.scale == 1) return value;
  return multiply(value, {expr.scale, expr.scale});
}

AstRange AstEvaluator::range_unscaled(const Expr& expr) {
  if (expr.kind == ExprKind::Number) return {expr.canonical_value, expr.canonical_value};
  if (expr.kind == ExprKind::Arith) {
    const AstRange a = range(*expr.children[0]);
    const AstRange b = range(*expr.children[1]);
    switch (expr.arith) {
      case ast::ArithOp::Add: return opened({a.lo + b.lo, a.hi + b.hi});
      case ast::ArithOp::Sub: return opened({a.lo - b.hi, a.hi - b.lo});
      case ast::ArithOp::Mul: return multiply(a, b);
      case ast::ArithOp::Div: return divide(a, b);
    }
  }
  if (expr.kind != ExprKind::Name) throw std::logic_error("ast_eval: not a numeric value");
  switch (expr.ref) {
    case RefKind::Fact: {
      const FactValue& value = facts_.at(expr.ref_id);
      if (value.known) return {value.value, value.value};
      const ast::Fact& fact = kb_.facts[expr.ref_id];
      return {fact.min ? fact.min_value : -kInfinity, fact.max ? fact.max_value : kInfinity};
    }
    case RefKind::Define: {
      auto& memo = number_memo_.at(expr.ref_id);
      if (!memo) memo = range(*kb_.defines[expr.ref_id].condition);
      return *memo;
    }
    case RefKind::Score: return score_range(expr.ref_id);
    case RefKind::Item: return item_range(kb_.scores.at(expr.ref_id).items.at(expr.item_id));
    default: throw std::logic_error("ast_eval: not a numeric name");
  }
}

AstRange AstEvaluator::score_range(std::uint32_t id) {
  auto& memo = score_memo_.at(id);
  if (memo) return *memo;
  AstRange sum{0, 0};
  for (const auto& item : kb_.scores[id].items) {
    const AstRange points = item_range(item);
    sum = {sum.lo + points.lo, sum.hi + points.hi};
  }
  memo = sum;
  return sum;
}

// The points of the rows that may hold; 0 too when no row may hold for sure and the item
// scores 0 then (a condition item, or bands under a guard); every row's if none may hold.
AstRange AstEvaluator::item_range(const ast::ScoreItem& item) {
  std::vector<std::pair<Tri, double>> rows;
  bool zero = item.condition != nullptr;
  if (item.condition) rows.emplace_back(evaluate(*item.condition), item.points.value);
  for (const auto& group : item.groups) {
    const Tri guard = group.guard ? evaluate(*group.guard) : Tri::True;
    zero = zero || group.guard != nullptr;
    for (const auto& row : group.rows) rows.emplace_back(tri_and(guard, in_band(item, row)), row.points.value);
  }
  bool any_true = false;
  std::vector<double> possible;
  for (const auto& [truth, points] : rows) {
    any_true = any_true || truth == Tri::True;
    if (truth != Tri::False) possible.push_back(points);
  }
  if (zero && !any_true) possible.push_back(0);
  if (possible.empty()) {
    for (const auto& row : rows) possible.push_back(row.second);
  }
  return {*std::min_element(possible.begin(), possible.end()),
          *std::max_element(possible.begin(), possible.end())};
}

Tri AstEvaluator::in_band(const ast::ScoreItem& item, const ast::BandRow& row) {
  const FactValue& fact = facts_.at(item.fact_id);
  if (!fact.known) return Tri::Unknown;
  if (row.shape == ast::BandRow::Shape::For) {
    const auto id = static_cast<std::uint32_t>(fact.value);
    return tri_of(std::find(row.value_ids.begin(), row.value_ids.end(), id) != row.value_ids.end());
  }
  return tri_of(fact.value >= row.low_value && fact.value < row.high_value);
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
