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
  // Appends [values] as one run of consecutive constants (ITEM's points); returns its first index.
  std::uint32_t run_of(const std::vector<double>& values);
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

// The N-slots (NSET/NGET) of the numeric values: numeric defines, scores and score items.
struct NumberSlots {
  std::vector<std::uint32_t> defines;             // per ast define (numeric ones only)
  std::vector<std::uint32_t> scores;              // per ast score
  std::vector<std::vector<std::uint32_t>> items;  // per ast score, per item
};

class ExprEmitter {
 public:
  // [defines] maps ast define ids to their slots and [numbers] numeric values to their N-slots;
  // they must hold every define, score and item [expr] reads.
  ExprEmitter(CodeBuilder& code, ConstantPool& constants, const std::vector<DefineSlot>& defines,
              const NumberSlots& numbers)
      : code_(code), constants_(constants), defines_(defines), numbers_(numbers) {}

  // Emits [expr] so that it leaves one tri-value on the stack (a PUSH when it folds).
  void emit(const ast::Expr& expr);

  // Emits [op] (DEFSET, FLAG or TOPIC) storing the condition on the stack into slot [index].
  void emit_store(Op op, std::uint32_t index);

  // The constant [expr] folds to, or nullopt when it depends on the case. Emits nothing.
  std::optional<Tri> fold(const ast::Expr& expr) const;

  // Emits numeric value [expr] so that it leaves one interval on the number stack.
  void emit_number(const ast::Expr& expr);

  // Emits [item] of a score: its rows' conditions, then ITEM, leaving its points on N.
  void emit_item(const ast::ScoreItem& item);

  // Emits NSET [slot], storing the interval on the number stack.
  void emit_number_store(std::uint32_t slot);

  // Emits NGET [slot].
  void emit_number_load(std::uint32_t slot);

  // Emits [op] (ADD, SUB, MUL or DIV) combining the top two intervals.
  void emit_arith(Op op);

  // The deepest the stacks got while emitting, for the CODE section's max_stack and
  // max_number_stack.
  std::uint32_t max_depth() const { return max_depth_; }
  std::uint32_t max_number_depth() const { return max_number_depth_; }

 private:
  // Each emit_* below requires that fold() of its expression is nullopt.
  void emit_code(const ast::Expr& expr);
  void emit_junction(const ast::Expr& expr, bool is_and);
  void emit_compare(const ast::Expr& expr);
  void emit_between(const ast::Expr& expr);
  void emit_at_least(const ast::Expr& expr);
  void emit_count(const ast::Expr& expr, Op op);
  void emit_numeric_compare(const ast::Expr& left, ast::Cmp cmp, const ast::Expr& right);
  void emit_band(const ast::ScoreItem& item, const ast::BandRow& row);
  void adjust_number_depth(int delta);
  void emit_fact_compare(std::uint32_t fact, ast::Cmp cmp, double constant);
  void push_constant(Tri value);
  void adjust_depth(int delta);

  CodeBuilder& code_;
  ConstantPool& constants_;
  const std::vector<DefineSlot>& defines_;
  const NumberSlots& numbers_;
  std::uint32_t depth_ = 0;
  std::uint32_t max_depth_ = 0;
  std::uint32_t number_depth_ = 0;
  std::uint32_t max_number_depth_ = 0;
};

}  // namespace redflag::codegen
