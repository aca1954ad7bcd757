// How the linter's condition analyses (compiler/lint/condition_solver.hpp,
// compiler/lint/truth_keys.hpp) tell the operands of a checked comparison apart. Both must
// read a comparison the same way, so they share these; [Operand] is an ast::Expr or a
// FlatConditions::Node.
#pragma once

#include "compiler/ast.hpp"

namespace redflag::lint {

template <typename Operand>
bool is_fact(const Operand& expr) {
  return expr.kind == ast::ExprKind::Name && expr.ref == ast::RefKind::Fact;
}

// Operands compared as booleans: true/false, defines and nested conditions.
template <typename Operand>
bool is_boolean_operand(const Operand& expr) {
  switch (expr.kind) {
    case ast::ExprKind::BoolConst: return true;
    case ast::ExprKind::Name: return expr.ref == ast::RefKind::Define;
    case ast::ExprKind::Number:
    case ast::ExprKind::Urgency: return false;
    default: return true;
  }
}

}  // namespace redflag::lint
