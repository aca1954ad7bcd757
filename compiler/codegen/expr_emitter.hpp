// Lowers one checked condition to instructions, folding constants on the way.
//
// A condition is compiled bottom-up: each sub-expression either folds to a constant tri-value
// (and emits nothing) or emits code that leaves exactly one tri-value on the stack. Constants
// are only materialised with PUSH when they must be combined with code. It does not decide the
// program layout (which conditions come first): compiler/codegen/codegen.cpp does.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "compiler/ast.hpp"
#include "runtime/code_builder.hpp"
#include "runtime/tri.hpp"

namespace redflag::codegen {

using redflag::Tri;

// The constant pool: float64 values, deduplicated by bit pattern in first-use order.
class ConstantPool {
 public:
  std::uint32_t index_of(double value);
  const std::vector<double>& values() const { return values_; }

 private:
  std::vector<double> values_;
  std::unordered_map<std::uint64_t, std::uint32_t> index_by_bits_;
};

// What a define compiled to: a constant, or a DEFGET slot.
struct DefineSlot {
  std::optional<Tri> constant;
  std::uint32_t slot = 0;
};

class ExprEmitter {
 public:
  // [defines] maps ast define ids to their slots; it must hold every define [expr] reads.
  ExprEmitter(CodeBuilder& code, ConstantPool& constants, const std::vector<DefineSlot>& defines)
      : code_(code), constants_(constants), defines_(defines) {}

  // Emits [expr] so that it leaves one tri-value on the stack (a PUSH when it folds).
  void emit(const ast::Expr& expr);

  // Emits [op] (DEFSET, FLAG or TOPIC) storing the condition on the stack into slot [index].
  void emit_store(Op op, std::uint32_t index);

  // The constant [expr] folds to, or nullopt when it depends on the case. Emits nothing.
  std::optional<Tri> fold(const ast::Expr& expr) const;

  // The deepest the stack got while emitting, for the CODE section's max_stack.
  std::uint32_t max_depth() const { return max_depth_; }

 private:
  // Each emit_* below requires that fold() of its expression is nullopt.
  void emit_code(const ast::Expr& expr);
  void emit_junction(const ast::Expr& expr, bool is_and);
  void emit_compare(const ast::Expr& expr);
  void emit_between(const ast::Expr& expr);
  void emit_at_least(const ast::Expr& expr);
  void emit_fact_compare(std::uint32_t fact, ast::Cmp cmp, double constant);
  void push_constant(Tri value);
  void adjust_depth(int delta);

  CodeBuilder& code_;
  ConstantPool& constants_;
  const std::vector<DefineSlot>& defines_;
  std::uint32_t depth_ = 0;
  std::uint32_t max_depth_ = 0;
};

}  // namespace redflag::codegen
