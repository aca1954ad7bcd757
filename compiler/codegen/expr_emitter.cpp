#include "compiler/codegen/expr_emitter.hpp"

#include <cstring>
#include <stdexcept>

namespace redflag::codegen {
namespace {

using ast::Cmp;
using ast::Expr;
using ast::ExprKind;
using ast::RefKind;

bool is_fact(const Expr& expr) { return expr.kind == ExprKind::Name && expr.ref == RefKind::Fact; }
bool is_define(const Expr& expr) {
  return expr.kind == ExprKind::Name && expr.ref == RefKind::Define;
}

// A fact or define used as a condition or compared with true/false.
bool is_boolean_operand(const Expr& expr) { return is_define(expr) || is_fact(expr); }

[[noreturn]] void unchecked(const Expr& expr) {
  throw std::logic_error("codegen: expression kind " +
                         std::to_string(static_cast<int>(expr.kind)) +
                         " reached code generation unchecked");
}

// `x = true` is x, `x = false` is not x, and `!=` negates either.
Tri apply_bool_compare(Tri operand, Cmp cmp, Tri constant) {
  if (constant == Tri::Unknown || operand == Tri::Unknown) return Tri::Unknown;
  const bool equal = operand == constant;
  return tri_of(cmp == Cmp::Eq ? equal : !equal);
}

}  // namespace

std::uint32_t ConstantPool::index_of(double value) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  const auto [it, inserted] =
      index_by_bits_.try_emplace(bits, static_cast<std::uint32_t>(values_.size()));
  if (inserted) values_.push_back(value);
  return it->second;
}

std::uint32_t ConstantPool::run_of(const std::vector<double>& values) {
  const auto first = static_cast<std::uint32_t>(values_.size());
  values_.insert(values_.end(), values.begin(), values.end());
  return first;
}

void ExprEmitter::emit(const Expr& expr) {
  if (const auto constant = fold(expr)) {
    push_constant(*constant);
  } else {
    emit_code(expr);
  }
}

void ExprEmitter::emit_store(Op op, std::uint32_t index) {
  code_.emit(op);
  code_.uleb(index);
  adjust_depth(-1);
}

std::optional<Tri> ExprEmitter::fold(const Expr& expr) const {
  switch (expr.kind) {
    case ExprKind::BoolConst: return static_cast<Tri>(expr.tri);
    case ExprKind::Name:
      if (is_define(expr)) return defines_.at(expr.ref_id).constant;
      return std::nullopt;
    case ExprKind::Not: {
      const auto child = fold(*expr.children[0]);
      if (child) return tri_not(*child);
      return std::nullopt;
    }
    case ExprKind::And:
    case ExprKind::Or: {
      const bool is_and = expr.kind == ExprKind::And;
      const Tri absorbing = is_and ? Tri::False : Tri::True;
      bool all_constant = true;
      Tri result = is_and ? Tri::True : Tri::False;
      for (const auto& child : expr.children) {
        const auto value = fold(*child);
        if (value == absorbing) return absorbing;
        if (!value) {
          all_constant = false;
        } else {
          result = is_and ? tri_and(result, *value) : tri_or(result, *value);
        }
      }
      if (all_constant) return result;
      return std::nullopt;
    }
    case ExprKind::Compare: {
      const Expr& left = *expr.children[0];
      const Expr& right = *expr.children[1];
      if (expr.numeric) return std::nullopt;
      if (left.kind == ExprKind::Number && right.kind == ExprKind::Number) {
        const CmpCode code = ast::cmp_code(expr.cmp);
        return tri_of(compare(left.canonical_value, code, right.canonical_value));
      }
      const Expr* constant = right.kind == ExprKind::BoolConst ? &right : nullptr;
      const Expr* operand = constant ? &left : &right;
      if (!constant && left.kind == ExprKind::BoolConst) constant = &left;
      if (!constant) return std::nullopt;
      if (constant->tri == static_cast<std::uint8_t>(Tri::Unknown)) return Tri::Unknown;
      const auto value = fold(*operand);
      if (!value) return std::nullopt;
      return apply_bool_compare(*value, expr.cmp, static_cast<Tri>(constant->tri));
    }
    case ExprKind::AtLeast:
    case ExprKind::AtMost:
    case ExprKind::Exactly: {
      std::uint32_t trues = 0, open = 0;
      for (const auto& child : expr.children) {
        const auto value = fold(*child);
        if (value == Tri::True) ++trues;
        if (!value || value == Tri::Unknown) ++open;
      }
      const Tri bound = expr.kind == ExprKind::AtLeast  ? tri_at_least(expr.count, trues, open)
                        : expr.kind == ExprKind::AtMost ? tri_at_most(expr.count, trues, open)
                                                        : tri_exactly(expr.count, trues, open);
      if (bound != Tri::Unknown) return bound;
      for (const auto& child : expr.children) {
        if (!fold(*child)) return std::nullopt;
      }
      return Tri::Unknown;
    }
    case ExprKind::Known:
    case ExprKind::InSet:
    case ExprKind::Between:
    case ExprKind::Urgency:
    case ExprKind::Arith:
    case ExprKind::Number: return std::nullopt;
  }
  return std::nullopt;
}

void ExprEmitter::emit_code(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::Name:
      if (is_define(expr)) {
        code_.emit(Op::DefGet);
        code_.uleb(defines_.at(expr.ref_id).slot);
      } else if (is_fact(expr)) {
        code_.emit(Op::Fact);
        code_.uleb(expr.ref_id);
      } else {
        unchecked(expr);
      }
      adjust_depth(+1);
      return;
    case ExprKind::Known:
      code_.emit(Op::Known);
      code_.uleb(expr.ref_id);
      adjust_depth(+1);
      return;
    case ExprKind::Not: {
      // Kleene negation is an involution: `not not x` is x.
      const Expr& child = *expr.children[0];
      if (child.kind == ExprKind::Not) {
        emit_code(*child.children[0]);
      } else {
        emit_code(child);
        code_.emit(Op::Not);
      }
      return;
    }
    case ExprKind::And: emit_junction(expr, true); return;
    case ExprKind::Or: emit_junction(expr, false); return;
    case ExprKind::Compare: emit_compare(expr); return;
    case ExprKind::InSet: {
      std::uint64_t mask = 0;
      for (const auto value : expr.set_ids) mask |= std::uint64_t{1} << value;
      code_.emit(Op::InSet);
      code_.uleb(expr.children[0]->ref_id);
      code_.uleb(mask);
      adjust_depth(+1);
      if (expr.negated) code_.emit(Op::Not);
      return;
    }
    case ExprKind::Between: emit_between(expr); return;
    case ExprKind::AtLeast: emit_at_least(expr); return;
    case ExprKind::AtMost: emit_count(expr, Op::AtMost); return;
    case ExprKind::Exactly: emit_count(expr, Op::Exactly); return;
    case ExprKind::BoolConst:
    case ExprKind::Number:
    case ExprKind::Arith:
    case ExprKind::Urgency: unchecked(expr);
  }
}

// `c0 and c1 and c2` (`or` alike, with JT and OR):
//
//       <c0>
//       JF  end ------+
//       <c1>          |
//       AND           |
//       JF  end ------+
//       <c2>          |
//       AND           |
//  end: <-------------+
//
// Children that fold to the identity (true for `and`) vanish; an unknown constant becomes a
// final `PUSH U` operand.
void ExprEmitter::emit_junction(const Expr& expr, bool is_and) {
  const Tri identity = is_and ? Tri::True : Tri::False;
  const Op jump = is_and ? Op::JumpIfFalse : Op::JumpIfTrue;
  const Op combine = is_and ? Op::And : Op::Or;
  bool has_unknown = false;
  bool first = true;
  std::vector<std::size_t> patches;
  for (const auto& child : expr.children) {
    const auto value = fold(*child);
    if (value == identity) continue;
    if (value == Tri::Unknown) {
      has_unknown = true;
      continue;
    }
    if (!first) patches.push_back(code_.emit_jump(jump));
    emit_code(*child);
    if (!first) {
      code_.emit(combine);
      adjust_depth(-1);
    }
    first = false;
  }
  if (has_unknown) {
    patches.push_back(code_.emit_jump(jump));
    push_constant(Tri::Unknown);
    code_.emit(combine);
    adjust_depth(-1);
  }
  for (const auto patch : patches) code_.patch_jump(patch);
}

void ExprEmitter::emit_compare(const Expr& expr) {
  const Expr* left = expr.children[0].get();
  const Expr* right = expr.children[1].get();
  Cmp cmp = expr.cmp;
  if (expr.numeric) return emit_numeric_compare(*left, cmp, *right);
  const bool constant_on_left = left->kind == ExprKind::Number ||
                                left->kind == ExprKind::BoolConst ||
                                (left->kind == ExprKind::Name && left->ref == RefKind::EnumValue) ||
                                (left->kind == ExprKind::Name && left->ref == RefKind::Level);
  if (constant_on_left) {
    std::swap(left, right);
    cmp = ast::swapped(cmp);
  }
  if (left->kind == ExprKind::Urgency) {
    code_.emit(Op::Urgency);
    code_.u8(static_cast<std::uint8_t>(ast::cmp_code(cmp)));
    code_.uleb(right->ref_id);
    adjust_depth(+1);
  } else if (right->kind == ExprKind::BoolConst && is_boolean_operand(*left)) {
    // Only true/false reach here: `= unknown` folds to unknown.
    emit_code(*left);
    const bool equal_true = (right->tri == static_cast<std::uint8_t>(Tri::True)) == (cmp == Cmp::Eq);
    if (!equal_true) code_.emit(Op::Not);
  } else if (is_fact(*left) && right->kind == ExprKind::Number) {
    emit_fact_compare(left->ref_id, cmp, right->canonical_value);
  } else if (is_fact(*left) && right->kind == ExprKind::Name && right->ref == RefKind::EnumValue) {
    emit_fact_compare(left->ref_id, cmp, static_cast<double>(right->ref_id));
  } else if (is_fact(*left) && is_fact(*right)) {
    code_.emit(Op::CmpFact);
    code_.uleb(left->ref_id);
    code_.u8(static_cast<std::uint8_t>(ast::cmp_code(cmp)));
    code_.uleb(right->ref_id);
    adjust_depth(+1);
  } else {
    unchecked(expr);
  }
}

void ExprEmitter::emit_fact_compare(std::uint32_t fact, Cmp cmp, double constant) {
  code_.emit(Op::CmpConst);
  code_.uleb(fact);
  code_.u8(static_cast<std::uint8_t>(ast::cmp_code(cmp)));
  code_.uleb(constants_.index_of(constant));
  adjust_depth(+1);
}

// `x between lo and hi` is `x >= lo and x <= hi`: CMPK, JF end, CMPK, AND, end (for a numeric
// value, each CMPK is its code, the bound's and CMPN).
void ExprEmitter::emit_between(const Expr& expr) {
  if (expr.numeric) {
    emit_numeric_compare(*expr.children[0], Cmp::Ge, *expr.children[1]);
    const auto patch = code_.emit_jump(Op::JumpIfFalse);
    emit_numeric_compare(*expr.children[0], Cmp::Le, *expr.children[2]);
    code_.emit(Op::And);
    adjust_depth(-1);
    code_.patch_jump(patch);
    return;
  }
  const std::uint32_t fact = expr.children[0]->ref_id;
  emit_fact_compare(fact, Cmp::Ge, expr.children[1]->canonical_value);
  const auto patch = code_.emit_jump(Op::JumpIfFalse);
  emit_fact_compare(fact, Cmp::Le, expr.children[2]->canonical_value);
  code_.emit(Op::And);
  adjust_depth(-1);
  code_.patch_jump(patch);
}

// Constant-true members lower the count, constant-false ones vanish, unknown ones stay.
void ExprEmitter::emit_at_least(const Expr& expr) {
  std::uint32_t needed = expr.count;
  std::uint32_t members = 0;
  for (const auto& child : expr.children) {
    const auto value = fold(*child);
    if (value == Tri::True) {
      --needed;
    } else if (value != Tri::False) {
      emit(*child);
      ++members;
    }
  }
  code_.emit(Op::AtLeast);
  code_.uleb(needed);
  code_.uleb(members);
  adjust_depth(1 - static_cast<int>(members));
}

// Every member is emitted (constants as PUSH): `at most` and `exactly` count them all.
void ExprEmitter::emit_count(const Expr& expr, Op op) {
  for (const auto& child : expr.children) emit(*child);
  code_.emit(op);
  code_.uleb(expr.count);
  code_.uleb(expr.children.size());
  adjust_depth(1 - static_cast<int>(expr.children.size()));
}

// <left> <right> CMPN c: both sides on the number stack, the truth on the tri stack.
void ExprEmitter::emit_numeric_compare(const Expr& left, Cmp cmp, const Expr& right) {
  emit_number(left);
  emit_number(right);
  code_.emit(Op::CmpNumber);
  code_.u8(static_cast<std::uint8_t>(ast::cmp_code(cmp)));
  adjust_number_depth(-2);
  adjust_depth(+1);
}

void ExprEmitter::emit_number(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::Number:
      code_.emit(Op::NumConst);
      code_.uleb(constants_.index_of(expr.canonical_value));
      adjust_number_depth(+1);
      break;
    case ExprKind::Name:
      switch (expr.ref) {
        case RefKind::Fact:
          code_.emit(Op::Num);
          code_.uleb(expr.ref_id);
          adjust_number_depth(+1);
          break;
        case RefKind::Define: emit_number_load(numbers_.defines.at(expr.ref_id)); break;
        case RefKind::Score: emit_number_load(numbers_.scores.at(expr.ref_id)); break;
        case RefKind::Item: emit_number_load(numbers_.items.at(expr.ref_id).at(expr.item_id)); break;
        default: unchecked(expr);
      }
      break;
    case ExprKind::Arith: {
      emit_number(*expr.children[0]);
      emit_number(*expr.children[1]);
      constexpr Op kOps[] = {Op::Add, Op::Sub, Op::Mul, Op::Div};  // ORDER ast::ArithOp
      emit_arith(kOps[static_cast<int>(expr.arith)]);
      break;
    }
    default: unchecked(expr);
  }
  if (expr.scale != 1) {
    code_.emit(Op::NumConst);
    code_.uleb(constants_.index_of(expr.scale));
    adjust_number_depth(+1);
    emit_arith(Op::Mul);
  }
}

void ExprEmitter::emit_arith(Op op) {
  code_.emit(op);
  adjust_number_depth(-1);
}

void ExprEmitter::emit_number_store(std::uint32_t slot) {
  code_.emit(Op::NumSet);
  code_.uleb(slot);
  adjust_number_depth(-1);
}

void ExprEmitter::emit_number_load(std::uint32_t slot) {
  code_.emit(Op::NumGet);
  code_.uleb(slot);
  adjust_number_depth(+1);
}

// A condition item is one row (its condition) whose points count when it holds, else 0.
// A banded item has a row per band: `[guard JF] <band> [AND]`, and scores 0 when no row holds
// only if a guard may fail (unguarded bands cover the fact's range: the checker proved it).
//
//     <row 0> ... <row b-1>  ITEM a b z      K[a + i] = the points of row i
void ExprEmitter::emit_item(const ast::ScoreItem& item) {
  std::vector<double> points;
  bool guarded = false;
  if (item.condition) {
    emit(*item.condition);
    points.push_back(item.points.value);
  }
  for (const auto& group : item.groups) {
    guarded = guarded || group.guard != nullptr;
    for (const auto& row : group.rows) {
      if (group.guard) {
        emit(*group.guard);
        const auto patch = code_.emit_jump(Op::JumpIfFalse);
        emit_band(item, row);
        code_.emit(Op::And);
        adjust_depth(-1);
        code_.patch_jump(patch);
      } else {
        emit_band(item, row);
      }
      points.push_back(row.points.value);
    }
  }
  code_.emit(Op::Item);
  code_.uleb(constants_.run_of(points));
  code_.uleb(points.size());
  code_.u8(item.condition || guarded ? 1 : 0);
  adjust_depth(-static_cast<int>(points.size()));
  adjust_number_depth(+1);
}

// Whether the item's fact lies in [row]: CMPK for `below`/`from`, both for `from .. below`,
// INSET for enum values, FACT (NOT) or KNOWN for bool ones.
void ExprEmitter::emit_band(const ast::ScoreItem& item, const ast::BandRow& row) {
  using Shape = ast::BandRow::Shape;
  const std::uint32_t fact = item.fact_id;
  switch (row.shape) {
    case Shape::Below: emit_fact_compare(fact, Cmp::Lt, row.high_value); return;
    case Shape::From: emit_fact_compare(fact, Cmp::Ge, row.low_value); return;
    case Shape::FromBelow: {
      emit_fact_compare(fact, Cmp::Ge, row.low_value);
      const auto patch = code_.emit_jump(Op::JumpIfFalse);
      emit_fact_compare(fact, Cmp::Lt, row.high_value);
      code_.emit(Op::And);
      adjust_depth(-1);
      code_.patch_jump(patch);
      return;
    }
    case Shape::For: break;
  }
  std::uint64_t mask = 0;
  for (const auto id : row.value_ids) mask |= std::uint64_t{1} << id;
  if (!item.fact.empty() && mask != 0 && row.value_ids.size() == row.values.size() &&
      (row.values.front() == "true" || row.values.front() == "false")) {
    code_.emit(mask == 3 ? Op::Known : Op::Fact);
    code_.uleb(fact);
    adjust_depth(+1);
    if (mask == 1) code_.emit(Op::Not);
    return;
  }
  code_.emit(Op::InSet);
  code_.uleb(fact);
  code_.uleb(mask);
  adjust_depth(+1);
}

void ExprEmitter::adjust_number_depth(int delta) {
  number_depth_ = static_cast<std::uint32_t>(static_cast<int>(number_depth_) + delta);
  if (number_depth_ > max_number_depth_) max_number_depth_ = number_depth_;
}

void ExprEmitter::push_constant(Tri value) {
  code_.emit(Op::Push);
  code_.u8(static_cast<std::uint8_t>(value));
  adjust_depth(+1);
}

void ExprEmitter::adjust_depth(int delta) {
  depth_ = static_cast<std::uint32_t>(static_cast<int>(depth_) + delta);
  if (depth_ > max_depth_) max_depth_ = depth_;
}

}  // namespace redflag::codegen
