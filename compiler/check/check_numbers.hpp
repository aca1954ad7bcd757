// Types numeric values: numbers, quantities, arithmetic, numeric defines, scores and items.
//
// Each numeric value gets its UCUM unit (Expr::value_unit); `+`, `-` and comparisons need one
// dimension and scale the right side into the left side's unit, `*` and `/` combine units by
// UCUM's algebra. Also decides which defines are numeric and in which order to type them.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "compiler/check/name_resolver.hpp"

namespace redflag::internal {

// The units of numeric defines, found on first use: a define may be used before its turn.
struct DefineUnits {
  enum class State : std::uint8_t { Unchecked, Checking, Done };
  explicit DefineUnits(std::size_t count) : state(count, State::Unchecked), unit(count) {}
  std::vector<State> state;
  std::vector<std::optional<Unit>> unit;  // nullopt: not numeric, or its error was reported
};

// Whether each define's body is a numeric value rather than a condition: arithmetic, a number,
// or a name of a number, quantity, numeric define, score or item.
std::vector<bool> numeric_bodies(const ast::Kb& kb, const Symbols& symbols);

// The numeric defines, each after the numeric defines it reads, so that checking one never
// recurses into another.
std::vector<std::uint32_t> numeric_define_order(const ast::Kb& kb, const Symbols& symbols);

class NumericChecker : public NameResolver {
 public:
  NumericChecker(ast::Kb& kb, const Symbols& symbols, Diagnostics& diagnostics, DefineUnits& define_units)
      : NameResolver(kb, symbols, diagnostics), define_units_(define_units) {}

  // Types numeric define [id] once, recording its unit.
  void define(std::uint32_t id);

  // Whether [expr] is a numeric value that is not a fact: arithmetic, a numeric define, a
  // score or a score item. Comparing one takes the interval path (CMPN).
  bool numeric_value(ast::Expr& expr);

  // The unit of numeric value [expr], or nullopt (reported) when it is not one.
  std::optional<Unit> numeric(ast::Expr& expr);

  // `a c b` where a side is arithmetic, a numeric define, a score or an item: both sides are
  // numeric values in one unit; a bare number is read in the other side's unit.
  void numeric_compare(ast::Expr& expr, ast::Expr& left, ast::Expr& right);

  // Sets [literal]'s canonical value in [unit], the unit of [value] it is compared with.
  void literal_in(ast::Expr& literal, const ast::Expr& value, const Unit& unit);

  // Whether [right] (of [right_unit]) may be added to, subtracted from or compared with [left]:
  // one UCUM dimension. Sets right.scale so that its value arrives in [left_unit]; reports E071
  // ("cannot [verb] ...") otherwise.
  bool same_units(const ast::Expr& expr, std::string_view verb, const ast::Expr& left, const Unit& left_unit,
                  ast::Expr& right, const Unit& right_unit);

 private:
  // Records [unit] as the unit of numeric [expr].
  std::optional<Unit> typed(ast::Expr& expr, const Unit& unit);

  // The unit of a name: a number or quantity fact, a numeric define, a score or an item.
  std::optional<Unit> numeric_name(ast::Expr& expr);

  // Refuses arithmetic on [side], of [unit], when that is a special unit such as `Cel`.
  bool plain_scale(const ast::Expr& side, const Unit& unit);

  // The unit of `a + b`, `a - b`, `a * b` or `a / b`.
  std::optional<Unit> arith(ast::Expr& expr);

  // [literal] compared with numeric [value]: read in [value]'s unit.
  void numeric_against(ast::Expr& value, ast::Expr& literal);

  DefineUnits& define_units_;
};

}  // namespace redflag::internal
