// Types numeric values (see check_numbers.hpp).
#include "compiler/check/check_numbers.hpp"

#include <functional>

namespace redflag::internal {
namespace {

using ast::Expr;
using ast::ExprKind;

// The unit of a plain number, a score and a score item.
const Unit& dimensionless() {
  static const Unit unit = *find_unit("1");
  return unit;
}

// [code] as the right operand of `.` or `/` in a UCUM code: parenthesised unless one atom, and
// `1/min` for `/min`, since a parenthesised term may not start with `/`. The left operand needs
// neither: UCUM reads `.` and `/` left to right.
std::string right_operand(const std::string& code) {
  if (code.find_first_of("./") == std::string::npos) return code;
  return "(" + (code.front() == '/' ? "1" + code : code) + ")";
}

// The UCUM code of [left] times (or, when [divide], divided by) [right]; `1` drops out.
std::string combined_code(const std::string& left, const std::string& right, bool divide) {
  if (right == "1") return left;
  if (left == "1") return divide ? "/" + right_operand(right) : right;
  return left + (divide ? "/" : ".") + right_operand(right);
}

// Calls [visit] on the defines [expr] names.
void for_each_define_named(const Expr& expr, const Symbols& symbols, const std::function<void(std::uint32_t)>& visit) {
  if (expr.kind == ExprKind::Name) {
    if (const auto define = symbols.defines.find(expr.name); define != ast::kNoId) visit(define);
  }
  for (const auto& child : expr.children) for_each_define_named(*child, symbols, visit);
}

}  // namespace

// Whether each define's body is a numeric value rather than a condition: arithmetic, a number,
// or a name of a number, quantity, numeric define, score or item. A chain of aliases
// (`define a = b`, `define b = c`, ...) is followed iteratively, each define once; a define in
// a cycle (reported by check_define_cycles) is a condition.
std::vector<bool> numeric_bodies(const ast::Kb& kb, const Symbols& symbols) {
  enum : std::int8_t { kUnknown = -1, kCondition = 0, kNumeric = 1 };
  std::vector<std::int8_t> numeric(kb.defines.size(), kUnknown);
  std::vector<bool> on_path(kb.defines.size(), false);
  for (std::uint32_t root = 0; root < kb.defines.size(); ++root) {
    std::vector<std::uint32_t> path;
    std::uint32_t id = root;
    std::int8_t result = kCondition;
    for (;;) {
      if (numeric[id] != kUnknown) {
        result = numeric[id];
        break;
      }
      if (on_path[id] || !kb.defines[id].condition) break;
      const Expr& body = *kb.defines[id].condition;
      path.push_back(id);
      on_path[id] = true;
      if (body.kind == ExprKind::Arith || body.kind == ExprKind::Number) {
        result = kNumeric;
        break;
      }
      if (body.kind != ExprKind::Name) break;
      if (is_item_reference(body.name) || symbols.scores.find(body.name) != ast::kNoId) {
        result = kNumeric;
        break;
      }
      if (const auto fact = symbols.facts.find(body.name); fact != ast::kNoId) {
        const auto type = kb.facts[fact].type;
        const bool number = type == ast::FactType::Number || type == ast::FactType::Integer ||
                            type == ast::FactType::Quantity;
        result = number ? kNumeric : kCondition;
        break;
      }
      const auto next = symbols.defines.find(body.name);
      if (next == ast::kNoId) break;
      id = next;
    }
    for (const auto visited : path) {
      numeric[visited] = result;
      on_path[visited] = false;
    }
  }
  return {numeric.begin(), numeric.end()};
}

// The numeric defines, each after the numeric defines it reads (an explicit stack: a chain may
// be 100,000 long), so that checking one never recurses into another.
std::vector<std::uint32_t> numeric_define_order(const ast::Kb& kb, const Symbols& symbols) {
  enum class Mark : std::uint8_t { New, Active, Done };
  std::vector<Mark> marks(kb.defines.size(), Mark::New);
  std::vector<std::uint32_t> order;
  for (std::uint32_t root = 0; root < kb.defines.size(); ++root) {
    if (!kb.defines[root].numeric || marks[root] != Mark::New) continue;
    std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>> stack;
    const auto push = [&](std::uint32_t id) {
      marks[id] = Mark::Active;
      std::vector<std::uint32_t> reads;
      for_each_define_named(*kb.defines[id].condition, symbols, [&](std::uint32_t read) {
        if (kb.defines[read].numeric && kb.defines[read].condition) reads.push_back(read);
      });
      stack.emplace_back(id, std::move(reads));
    };
    push(root);
    while (!stack.empty()) {
      auto& [id, reads] = stack.back();
      if (reads.empty()) {
        marks[id] = Mark::Done;
        order.push_back(id);
        stack.pop_back();
        continue;
      }
      const std::uint32_t next = reads.back();
      reads.pop_back();
      if (marks[next] == Mark::New) push(next);
    }
  }
  return order;
}

void NumericChecker::define(std::uint32_t id) {
  auto& state = define_units_.state[id];
  if (state != DefineUnits::State::Unchecked) return;
  state = DefineUnits::State::Checking;
  define_units_.unit[id] = NumericChecker(kb_, symbols_, diagnostics_, define_units_).numeric(*kb_.defines[id].condition);
  state = DefineUnits::State::Done;
}

bool NumericChecker::numeric_value(Expr& expr) {
  if (expr.kind == ExprKind::Arith) return true;
  if (expr.kind != ExprKind::Name || !resolve_name(expr)) return false;
  return expr.ref == ast::RefKind::Score || expr.ref == ast::RefKind::Item ||
         (expr.ref == ast::RefKind::Define && kb_.defines[expr.ref_id].numeric);
}

std::optional<Unit> NumericChecker::typed(Expr& expr, const Unit& unit) {
  expr.numeric = true;
  expr.value_unit = unit.code;
  return unit;
}

std::optional<Unit> NumericChecker::numeric(Expr& expr) {
  switch (expr.kind) {
    case ExprKind::Number: {
      expr.canonical_value = expr.number.value;
      if (expr.number.unit.empty()) return typed(expr, dimensionless());
      const auto unit = find_unit(expr.number.unit);
      if (!unit) {
        diagnostics_.report<DiagKind::UnknownUnit>(expr.number.unit_span, expr.number.unit,
                                                   unit_suggestion(expr.number.unit, std::nullopt));
        return std::nullopt;
      }
      return typed(expr, *unit);
    }
    case ExprKind::Name: return numeric_name(expr);
    case ExprKind::Arith: return arith(expr);
    default:
      diagnostics_.report<DiagKind::NotNumeric>(expr.span, describe(expr));
      return std::nullopt;
  }
}

std::optional<Unit> NumericChecker::numeric_name(Expr& expr) {
  if (!resolve_name(expr)) {
    undefined_name(expr);
    return std::nullopt;
  }
  switch (expr.ref) {
    case ast::RefKind::Fact: {
      const ast::Fact& fact = kb_.facts[expr.ref_id];
      if (fact.type == ast::FactType::Number || fact.type == ast::FactType::Integer) {
        return typed(expr, dimensionless());
      }
      if (fact.type == ast::FactType::Quantity) {
        const auto unit = find_unit(fact.unit);
        if (!unit) return std::nullopt;  // the declaration's error was reported
        return typed(expr, *unit);
      }
      break;
    }
    case ast::RefKind::Define:
      if (!kb_.defines[expr.ref_id].numeric) break;
      define(expr.ref_id);
      if (!define_units_.unit[expr.ref_id]) return std::nullopt;
      return typed(expr, *define_units_.unit[expr.ref_id]);
    case ast::RefKind::Score:
    case ast::RefKind::Item: return typed(expr, dimensionless());
    default: break;
  }
  diagnostics_.report<DiagKind::NotNumeric>(expr.span, describe(expr));
  return std::nullopt;
}

bool NumericChecker::plain_scale(const Expr& side, const Unit& unit) {
  if (unit.ucum.special == ucum::SpecialFunction::None) return true;
  diagnostics_.report<DiagKind::SpecialUnitArithmetic>(side.span, describe(side), unit.code,
                                                       side.kind == ExprKind::Name ? side.name : "x",
                                                       unit.code);
  return false;
}

std::optional<Unit> NumericChecker::arith(Expr& expr) {
  Expr& left_side = *expr.children[0];
  Expr& right_side = *expr.children[1];
  const auto left = numeric(left_side);
  const auto right = numeric(right_side);
  if (!left || !right || !plain_scale(left_side, *left) || !plain_scale(right_side, *right)) {
    return std::nullopt;
  }
  switch (expr.arith) {
    case ast::ArithOp::Add:
    case ast::ArithOp::Sub:
      if (!same_units(expr, expr.arith == ast::ArithOp::Add ? "add" : "subtract", left_side, *left,
                      right_side, *right)) {
        return std::nullopt;
      }
      return typed(expr, *left);
    case ast::ArithOp::Div:
      if (right_side.kind == ExprKind::Number && right_side.number.value == 0) {
        diagnostics_.report<DiagKind::DivisionByZero>(right_side.span, literal_text(right_side.number));
        return std::nullopt;
      }
      [[fallthrough]];
    case ast::ArithOp::Mul: {
      const bool divide = expr.arith == ast::ArithOp::Div;
      const std::string code = combined_code(left->code, right->code, divide);
      const auto unit = find_unit(code);
      if (!unit) {  // beyond UCUM's limits, such as an exponent above 99
        diagnostics_.report<DiagKind::ArithmeticUnits>(expr.span, divide ? "divide" : "multiply",
                                                       describe(left_side), left->code, describe(right_side),
                                                       right->code, ucum::parse(code).error.message, "");
        return std::nullopt;
      }
      return typed(expr, *unit);
    }
  }
  return std::nullopt;
}

bool NumericChecker::same_units(const Expr& expr, std::string_view verb, const Expr& left, const Unit& left_unit,
                Expr& right, const Unit& right_unit) {
  if (!compatible(right_unit, left_unit)) {
    const std::string hint =
        right.kind == ExprKind::Number && right.number.unit.empty()
            ? fmt::format("; write `{} {}`", right.number.text, left_unit.code)
            : "";
    diagnostics_.report<DiagKind::ArithmeticUnits>(expr.span, verb, describe(left), left_unit.code,
                                                   describe(right), right_unit.code,
                                                   incompatibility(right_unit, left_unit), hint);
    return false;
  }
  if (right_unit.code == left_unit.code) return true;
  // A scale with an offset converts by more than a factor: only the same unit compares.
  if (!plain_scale(right, right_unit) || !plain_scale(left, left_unit)) return false;
  right.scale = right_unit.ucum.factor / left_unit.ucum.factor;
  return true;
}

void NumericChecker::numeric_compare(Expr& expr, Expr& left, Expr& right) {
  expr.numeric = true;
  if (left.kind == ExprKind::Number) return numeric_against(right, left);
  const auto left_unit = numeric(left);
  if (!left_unit) return;
  if (right.kind == ExprKind::Number) return literal_in(right, left, *left_unit);
  const auto right_unit = numeric(right);
  if (right_unit) same_units(expr, "compare", left, *left_unit, right, *right_unit);
}

void NumericChecker::numeric_against(Expr& value, Expr& literal) {
  const auto unit = numeric(value);
  if (unit) literal_in(literal, value, *unit);
}

void NumericChecker::literal_in(Expr& literal, const Expr& value, const Unit& unit) {
  literal.numeric = true;
  literal.value_unit = unit.code;
  literal.canonical_value = literal.number.value;
  if (literal.number.unit.empty()) return;
  const auto written = resolve_unit(literal.number.unit, literal.number.unit_span, Dimension::Quantity,
                                    unit, describe(value), diagnostics_);
  if (!written) return;
  const auto converted = converted_literal(literal.number, *written, unit, diagnostics_);
  if (converted) literal.canonical_value = *converted;
}

}  // namespace redflag::internal
