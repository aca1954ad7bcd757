// Resolution and type checks of conditions (flag, define and topic `when`s).
//
// Sets Name::ref/ref_id (fact, define, enum value or level), Number::canonical_value (the
// literal in the canonical unit of the fact it is compared with) and InSet::set_ids. A
// comparison has a subject (a fact, define, condition or `urgency`) whose type decides what
// the other side must be.
#include <algorithm>
#include <functional>

#include "compiler/check/check_phases.hpp"
#include "runtime/opcodes.hpp"
#include "runtime/suggest.hpp"

namespace redflag::internal {
namespace {

using ast::Expr;
using ast::ExprKind;

// `at least` items are counted in a 16-bit operand.
constexpr std::size_t kMaxAtLeastItems = 65535;

// How to make a condition of [fact], which is not a bool.
std::string condition_hint(const ast::Fact& fact) {
  switch (fact.type) {
    case ast::FactType::Bool: break;
    case ast::FactType::Number:
    case ast::FactType::Integer: return fmt::format("compare it, as in `{} >= 10`", fact.name);
    case ast::FactType::Quantity:
      return fmt::format("compare it, as in `{} >= 10 {}`", fact.name, fact.unit);
    case ast::FactType::Enum: {
      const std::string value = fact.enum_values.empty() ? "" : fact.enum_values.front();
      return fmt::format("test a value, as in `{0} = {1}` or `{0} in {{{1}}}`", fact.name, value);
    }
    case ast::FactType::Text: return fmt::format("test it with `known({})`", fact.name);
  }
  return "";
}

// Whether facts [a] and [b] may be compared with each other: quantities of one dimension, or
// two plain numbers, an integer being a number.
bool same_numeric_kind(const ast::Fact& a, const ast::Fact& b) {
  const auto plain = [](ast::FactType type) {
    return type == ast::FactType::Number || type == ast::FactType::Integer;
  };
  if (plain(a.type) && plain(b.type)) return true;
  return a.type == b.type && a.dimension == b.dimension;
}

// The units of numeric defines, found on first use: a define may be used before its turn.
struct DefineUnits {
  enum class State : std::uint8_t { Unchecked, Checking, Done };
  explicit DefineUnits(std::size_t count) : state(count, State::Unchecked), unit(count) {}
  std::vector<State> state;
  std::vector<std::optional<Unit>> unit;  // nullopt: not numeric, or its error was reported
};

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

// Whether [name] is `score.item`.
bool is_item_reference(const std::string& name) { return name.find('.') != std::string::npos; }

class ConditionChecker {
 public:
  ConditionChecker(ast::Kb& kb, const Symbols& symbols, Diagnostics& diagnostics,
                   std::string_view owner, DefineUnits& define_units)
      : kb_(kb), symbols_(symbols), diagnostics_(diagnostics), owner_(owner),
        define_units_(define_units) {}

  // Checks define [id]: a condition, or a numeric value whose unit is recorded.
  void define(std::uint32_t id) {
    auto& state = define_units_.state[id];
    if (state != DefineUnits::State::Unchecked) return;
    state = DefineUnits::State::Checking;
    ast::Define& define = kb_.defines[id];
    ConditionChecker body(kb_, symbols_, diagnostics_, "define", define_units_);
    if (define.condition && define.numeric) {
      define_units_.unit[id] = body.numeric(*define.condition);
    } else if (define.condition) {
      body.condition(*define.condition);
    }
    state = DefineUnits::State::Done;
  }

  // Checks that [expr] is a condition (true, false or unknown).
  void condition(Expr& expr) {
    switch (expr.kind) {
      case ExprKind::BoolConst: return;
      case ExprKind::Number:
        return not_condition(expr, fmt::format("the number `{}`", literal_text(expr.number)),
                             "compare a fact with it, as in `age >= 50`");
      case ExprKind::Urgency:
        if (!urgency_allowed(expr)) return;
        return not_condition(expr, "`urgency`", "compare it with a level, as in `urgency >= high`");
      case ExprKind::Name: return name_condition(expr);
      case ExprKind::Known: return known(expr);
      case ExprKind::Not:
      case ExprKind::And:
      case ExprKind::Or:
        for (auto& child : expr.children) condition(*child);
        return;
      case ExprKind::AtLeast:
      case ExprKind::AtMost:
      case ExprKind::Exactly: return at_least(expr);
      case ExprKind::Arith:
        if (!numeric(expr)) return;
        return not_condition(expr, "this arithmetic", "compare it, as in `(a + b) / 2 >= 10`");
      case ExprKind::Compare: return compare(expr);
      case ExprKind::InSet: return in_set(expr);
      case ExprKind::Between: return between(expr);
    }
  }

 private:
  void not_condition(const Expr& expr, const std::string& what, std::string_view hint) {
    diagnostics_.report<DiagKind::NotACondition>(expr.span, what, hint);
  }

  bool urgency_allowed(const Expr& expr) {
    if (owner_ == "topic") return true;
    diagnostics_.report<DiagKind::UrgencyOutsideTopic>(expr.span, owner_);
    return false;
  }

  // Resolves a Name among facts, defines, scores and score items (`news2.respiration`); false
  // (without reporting) when it is none of them.
  bool resolve_name(Expr& expr) {
    if (is_item_reference(expr.name)) return resolve_item(expr);
    if (const auto fact = symbols_.facts.find(expr.name); fact != ast::kNoId) {
      expr.ref = ast::RefKind::Fact;
      expr.ref_id = fact;
    } else if (const auto define = symbols_.defines.find(expr.name); define != ast::kNoId) {
      expr.ref = ast::RefKind::Define;
      expr.ref_id = define;
    } else if (const auto score = symbols_.scores.find(expr.name); score != ast::kNoId) {
      expr.ref = ast::RefKind::Score;
      expr.ref_id = score;
    }
    return expr.ref != ast::RefKind::Unresolved;
  }

  bool resolve_item(Expr& expr) {
    const std::string score_name = expr.name.substr(0, expr.name.find('.'));
    const std::string item_name = expr.name.substr(score_name.size() + 1);
    const auto score = symbols_.scores.find(score_name);
    if (score == ast::kNoId) return false;
    const auto& items = kb_.scores[score].items;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (items[i].name != item_name) continue;
      expr.ref = ast::RefKind::Item;
      expr.ref_id = score;
      expr.item_id = static_cast<std::uint32_t>(i);
      return true;
    }
    return false;
  }

  void undefined_name(const Expr& expr) {
    if (!is_item_reference(expr.name)) {
      diagnostics_.report<DiagKind::UndefinedName>(
          expr.span, expr.name, did_you_mean(expr.name, symbols_.facts_and_defines));
      return;
    }
    const std::string score_name = expr.name.substr(0, expr.name.find('.'));
    const auto score = symbols_.scores.find(score_name);
    if (score == ast::kNoId) {
      diagnostics_.report<DiagKind::UndefinedScore>(expr.span, score_name,
                                                    did_you_mean(score_name, symbols_.scores.names));
      return;
    }
    std::vector<std::string_view> items;
    for (const auto& item : kb_.scores[score].items) items.push_back(item.name);
    const std::string item_name = expr.name.substr(score_name.size() + 1);
    diagnostics_.report<DiagKind::UndefinedItem>(expr.span, score_name, item_name,
                                                 did_you_mean(item_name, items));
  }

  // Whether [expr] is a numeric value that is not a fact: arithmetic, a numeric define, a
  // score or a score item. Comparing one takes the interval path (CMPN).
  bool numeric_value(Expr& expr) {
    if (expr.kind == ExprKind::Arith) return true;
    if (expr.kind != ExprKind::Name || !resolve_name(expr)) return false;
    return expr.ref == ast::RefKind::Score || expr.ref == ast::RefKind::Item ||
           (expr.ref == ast::RefKind::Define && kb_.defines[expr.ref_id].numeric);
  }

  // Records [unit] as the unit of numeric [expr].
  std::optional<Unit> typed(Expr& expr, const Unit& unit) {
    expr.numeric = true;
    expr.value_unit = unit.code;
    return unit;
  }

  // The unit of numeric value [expr], or nullopt (reported) when it is not one.
  std::optional<Unit> numeric(Expr& expr) {
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

  std::optional<Unit> numeric_name(Expr& expr) {
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

  // Refuses arithmetic on [side], of [unit], when that is a special unit such as `Cel`.
  bool plain_scale(const Expr& side, const Unit& unit) {
    if (unit.ucum.special == ucum::SpecialFunction::None) return true;
    diagnostics_.report<DiagKind::SpecialUnitArithmetic>(side.span, describe(side), unit.code,
                                                         side.kind == ExprKind::Name ? side.name : "x",
                                                         unit.code);
    return false;
  }

  std::optional<Unit> arith(Expr& expr) {
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

  // Whether [right] (of [right_unit]) may be added to, subtracted from or compared with [left]:
  // one UCUM dimension. Sets right.scale so that its value arrives in [left_unit]; reports E071
  // ("cannot [verb] ...") otherwise.
  bool same_units(const Expr& expr, std::string_view verb, const Expr& left, const Unit& left_unit,
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

  // `a c b` where a side is arithmetic, a numeric define, a score or an item: both sides are
  // numeric values in one unit; a bare number is read in the other side's unit.
  void numeric_compare(Expr& expr, Expr& left, Expr& right) {
    expr.numeric = true;
    if (left.kind == ExprKind::Number) return numeric_against(right, left);
    const auto left_unit = numeric(left);
    if (!left_unit) return;
    if (right.kind == ExprKind::Number) return literal_in(right, left, *left_unit);
    const auto right_unit = numeric(right);
    if (right_unit) same_units(expr, "compare", left, *left_unit, right, *right_unit);
  }

  // [literal] compared with numeric [value]: read in [value]'s unit.
  void numeric_against(Expr& value, Expr& literal) {
    const auto unit = numeric(value);
    if (unit) literal_in(literal, value, *unit);
  }

  // Sets [literal]'s canonical value in [unit], the unit of [value] it is compared with.
  void literal_in(Expr& literal, const Expr& value, const Unit& unit) {
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


  const ast::Fact* fact_of(const Expr& expr) const {
    return expr.kind == ExprKind::Name && expr.ref == ast::RefKind::Fact ? &kb_.facts[expr.ref_id]
                                                                          : nullptr;
  }

  void name_condition(Expr& expr) {
    if (!resolve_name(expr)) return undefined_name(expr);
    if (numeric_value(expr)) {
      return not_condition(expr, describe(expr), fmt::format("compare it, as in `{} >= 2`", expr.name));
    }
    const ast::Fact* fact = fact_of(expr);
    if (!fact || fact->type == ast::FactType::Bool) return;
    not_condition(expr, describe_fact(*fact), condition_hint(*fact));
  }

  void known(Expr& expr) {
    if (const auto fact = symbols_.facts.find(expr.name); fact != ast::kNoId) {
      expr.ref = ast::RefKind::Fact;
      expr.ref_id = fact;
      return;
    }
    const std::string hint = symbols_.defines.find(expr.name) != ast::kNoId
                                 ? fmt::format("; `{}` is a define, and `known()` takes a fact",
                                               expr.name)
                                 : did_you_mean(expr.name, symbols_.facts.names);
    diagnostics_.report<DiagKind::UndefinedFact>(expr.name_span, expr.name, hint);
  }

  // `at least N` must be 1..items, `at most N` 0..items-1 and `exactly N` 0..items: any other
  // count makes the condition a constant.
  void at_least(Expr& expr) {
    const std::size_t items = expr.children.size();
    const bool most = expr.kind == ExprKind::AtMost;
    const std::string_view mode = most ? "at most" : expr.kind == ExprKind::Exactly ? "exactly" : "at least";
    const std::size_t lowest = expr.kind == ExprKind::AtLeast ? 1 : 0;
    const std::size_t highest = most ? items - 1 : items;
    if (items > kMaxAtLeastItems) {
      diagnostics_.report<DiagKind::TooManyAtLeastItems>(expr.span, items, kMaxAtLeastItems);
    } else if (expr.count < lowest || expr.count > highest) {
      const bool always_true = most ? expr.count >= items : expr.count == 0;
      diagnostics_.report<DiagKind::AtLeastCount>(expr.span, mode, expr.count, items,
                                                  always_true ? "true" : "false", lowest, highest);
    }
    for (auto& child : expr.children) condition(*child);
  }

  // What a comparison operand is, for messages.
  std::string describe(const Expr& expr) const {
    switch (expr.kind) {
      case ExprKind::Number:
        return fmt::format("the {} `{}`", expr.number.unit.empty() ? "number" : "quantity",
                           literal_text(expr.number));
      case ExprKind::BoolConst:
        return fmt::format("`{}`", expr.tri == 1 ? "true" : expr.tri == 0 ? "false" : "unknown");
      case ExprKind::Urgency: return "`urgency`";
      case ExprKind::Name:
        if (const ast::Fact* fact = fact_of(expr)) return describe_fact(*fact);
        if (expr.ref == ast::RefKind::Define) return fmt::format("define `{}`", expr.name);
        if (expr.ref == ast::RefKind::Score) return fmt::format("score `{}`", expr.name);
        if (expr.ref == ast::RefKind::Item) return fmt::format("score item `{}`", expr.name);
        return fmt::format("`{}`", expr.name);
      case ExprKind::Arith: return "the arithmetic";
      default: return "a condition";
    }
  }

  // Whether [expr] is a subject: something a comparison can be about.
  bool subject(Expr& expr) {
    switch (expr.kind) {
      case ExprKind::Name: return resolve_name(expr);
      case ExprKind::Urgency: return true;
      case ExprKind::Number:
      case ExprKind::BoolConst: return false;
      default:
        condition(expr);  // a nested condition compared with a bool
        return true;
    }
  }

  bool is_bool(const Expr& expr) const {
    switch (expr.kind) {
      case ExprKind::Name:
        if (const ast::Fact* fact = fact_of(expr)) return fact->type == ast::FactType::Bool;
        return expr.ref == ast::RefKind::Define && !kb_.defines[expr.ref_id].numeric;
      case ExprKind::Arith: return false;
      case ExprKind::Urgency:
      case ExprKind::Number:
      case ExprKind::BoolConst: return false;
      default: return true;
    }
  }

  void mismatch(const std::string& subject_text, const Expr& other,
                std::vector<std::string> help = {}) {
    diagnostics_.report<DiagKind::TypeMismatch>(other.span, subject_text, describe(other)).help =
        std::move(help);
  }

  void no_ordering(const Expr& at, std::string_view op, const Expr& subject, std::string_view more) {
    diagnostics_.report<DiagKind::NoOrdering>(at.span, op, describe(subject), more);
  }

  void compare(Expr& expr) {
    Expr& left = *expr.children[0];
    Expr& right = *expr.children[1];
    if (numeric_value(left) || numeric_value(right)) return numeric_compare(expr, left, right);
    const bool left_subject = subject(left);
    if (!left_subject && !subject(right)) {
      for (const Expr* side : {&left, &right}) {
        if (side->kind == ExprKind::Name) return undefined_name(*side);
      }
      diagnostics_.report<DiagKind::ConstantComparison>(expr.span);
      return;
    }
    Expr& subject_side = left_subject ? left : right;
    Expr& other = left_subject ? right : left;
    compare_with(expr, subject_side, other, cmp_symbol(ast::cmp_code(expr.cmp)),
                 expr.cmp == ast::Cmp::Eq || expr.cmp == ast::Cmp::Ne);
  }

  // Checks [other] against [subject_side] under operator [op] of [expr].
  void compare_with(const Expr& expr, Expr& subject_side, Expr& other, std::string_view op,
                    bool equality) {
    if (subject_side.kind == ExprKind::Urgency) return compare_urgency(subject_side, other);
    const ast::Fact* fact = fact_of(subject_side);
    if (!fact || fact->type == ast::FactType::Bool) {
      if (!equality) return no_ordering(expr, op, subject_side, "");
      if (other.kind == ExprKind::BoolConst && other.tri != 2) return;
      if (other.kind == ExprKind::BoolConst) {
        return mismatch(describe(subject_side), other,
                        {"a comparison with `unknown` is always unknown; test `known(...)`"});
      }
      if (other.kind == ExprKind::Name && !resolve_name(other)) return undefined_name(other);
      if (other.kind != ExprKind::Name && is_bool(other)) return condition(other);
      if (is_bool(other)) return;
      return mismatch(describe(subject_side), other);
    }
    switch (fact->type) {
      case ast::FactType::Number:
      case ast::FactType::Integer:
      case ast::FactType::Quantity: return compare_number(*fact, other);
      case ast::FactType::Enum:
        if (!equality) return no_ordering(expr, op, subject_side, " or `in {...}`");
        return compare_enum(*fact, other);
      default:
        return mismatch(describe(subject_side), other,
                        {fmt::format("a text fact can only be tested with `known({})`", fact->name)});
    }
  }

  void compare_number(const ast::Fact& fact, Expr& other) {
    if (other.kind == ExprKind::Number) {
      if (const auto value = literal_value(other.number, fact, diagnostics_)) {
        other.canonical_value = *value;
        if (check_integer(other.number, *value, fact, diagnostics_)) {
          check_range(other.number, *value, fact, diagnostics_);
        }
      }
      return;
    }
    if (other.kind == ExprKind::Name && !resolve_name(other)) return undefined_name(other);
    const ast::Fact* other_fact = fact_of(other);
    if (!other_fact || !same_numeric_kind(*other_fact, fact)) {
      return mismatch(describe_fact(fact), other);
    }
    if (other_fact->unit != fact.unit) {
      diagnostics_.report<DiagKind::UnitMismatch>(other.span, describe_fact(fact), fact.unit,
                                                  describe_fact(*other_fact), other_fact->unit);
    }
  }

  void compare_enum(const ast::Fact& fact, Expr& other) {
    if (other.kind == ExprKind::Name) {
      const auto it = std::find(fact.enum_values.begin(), fact.enum_values.end(), other.name);
      if (it != fact.enum_values.end()) {
        other.ref = ast::RefKind::EnumValue;
        other.ref_id = static_cast<std::uint32_t>(it - fact.enum_values.begin());
        return;
      }
      const ast::Fact* other_fact = resolve_name(other) ? fact_of(other) : nullptr;
      if (other_fact && other_fact->enum_values == fact.enum_values) return;
      if (!other_fact) {
        other.ref = ast::RefKind::Unresolved;
        std::vector<std::string_view> values(fact.enum_values.begin(), fact.enum_values.end());
        diagnostics_.report<DiagKind::UnknownEnumValue>(other.span, other.name, describe_fact(fact),
                                                        did_you_mean(other.name, values));
        return;
      }
    }
    mismatch(describe_fact(fact), other);
  }

  void compare_urgency(const Expr& urgency, Expr& other) {
    if (!urgency_allowed(urgency)) return;
    if (other.kind != ExprKind::Name) return mismatch(describe(urgency), other);
    other.ref_id = symbols_.levels.find(other.name);
    if (other.ref_id == ast::kNoId) {
      diagnostics_.report<DiagKind::UndefinedLevel>(
          other.span, other.name, did_you_mean(other.name, symbols_.levels.names));
      return;
    }
    other.ref = ast::RefKind::Level;
  }

  void in_set(Expr& expr) {
    Expr& subject_side = *expr.children[0];
    if (subject_side.kind == ExprKind::Name && !resolve_name(subject_side)) {
      return undefined_name(subject_side);
    }
    const ast::Fact* fact = fact_of(subject_side);
    if (!fact || fact->type != ast::FactType::Enum) {
      diagnostics_.report<DiagKind::NotASetSubject>(subject_side.span, describe(subject_side));
      return;
    }
    std::vector<std::string_view> values(fact->enum_values.begin(), fact->enum_values.end());
    for (std::size_t i = 0; i < expr.set_names.size(); ++i) {
      const auto it = std::find(values.begin(), values.end(), expr.set_names[i]);
      if (it == values.end()) {
        diagnostics_.report<DiagKind::UnknownEnumValue>(expr.set_spans[i], expr.set_names[i],
                                                        describe_fact(*fact),
                                                        did_you_mean(expr.set_names[i], values));
        continue;
      }
      expr.set_ids.push_back(static_cast<std::uint32_t>(it - values.begin()));
    }
  }

  void between(Expr& expr) {
    Expr& subject_side = *expr.children[0];
    if (numeric_value(subject_side) || numeric_value(*expr.children[1]) || numeric_value(*expr.children[2])) {
      expr.numeric = true;
      const auto unit = numeric(subject_side);
      if (!unit) return;
      for (std::size_t bound = 1; bound <= 2; ++bound) {
        Expr& side = *expr.children[bound];
        if (side.kind == ExprKind::Number) {
          literal_in(side, subject_side, *unit);
        } else if (const auto side_unit = numeric(side)) {
          same_units(expr, "compare", subject_side, *unit, side, *side_unit);
        }
      }
      return;
    }
    if (!subject(subject_side)) {
      if (subject_side.kind == ExprKind::Name) return undefined_name(subject_side);
      diagnostics_.report<DiagKind::ConstantComparison>(expr.span);
      return;
    }
    const ast::Fact* fact = fact_of(subject_side);
    if (!fact || (fact->type != ast::FactType::Number && fact->type != ast::FactType::Integer &&
                  fact->type != ast::FactType::Quantity)) {
      return no_ordering(expr, "between", subject_side, "");
    }
    compare_number(*fact, *expr.children[1]);
    compare_number(*fact, *expr.children[2]);
  }

  ast::Kb& kb_;
  const Symbols& symbols_;
  Diagnostics& diagnostics_;
  std::string_view owner_;  // "flag", "define", "score" or "topic"
  DefineUnits& define_units_;
};

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

// Calls [visit] on the defines [expr] names.
void for_each_define_named(const Expr& expr, const Symbols& symbols, const std::function<void(std::uint32_t)>& visit) {
  if (expr.kind == ExprKind::Name) {
    if (const auto define = symbols.defines.find(expr.name); define != ast::kNoId) visit(define);
  }
  for (const auto& child : expr.children) for_each_define_named(*child, symbols, visit);
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
}  // namespace

void check_conditions(ast::Kb& kb, const Symbols& symbols, Diagnostics& diagnostics) {
  const std::vector<bool> numeric = numeric_bodies(kb, symbols);
  for (std::uint32_t id = 0; id < kb.defines.size(); ++id) kb.defines[id].numeric = numeric[id];
  DefineUnits define_units(kb.defines.size());
  for (const std::uint32_t id : numeric_define_order(kb, symbols)) {
    ConditionChecker(kb, symbols, diagnostics, "define", define_units).define(id);
  }
  for (std::uint32_t id = 0; id < kb.defines.size(); ++id) {
    if (kb.defines[id].condition) ConditionChecker(kb, symbols, diagnostics, "define", define_units).define(id);
  }
  for (auto& flag : kb.flags) {
    if (flag.condition) {
      ConditionChecker(kb, symbols, diagnostics, "flag", define_units).condition(*flag.condition);
    }
  }
  for (auto& score : kb.scores) {
    ConditionChecker checker(kb, symbols, diagnostics, "score", define_units);
    for (auto& item : score.items) {
      if (item.condition) checker.condition(*item.condition);
      for (auto& group : item.groups) {
        if (group.guard) checker.condition(*group.guard);
      }
    }
  }
  for (auto& topic : kb.topics) {
    if (topic.condition) {
      ConditionChecker(kb, symbols, diagnostics, "topic", define_units).condition(*topic.condition);
    }
  }
}

}  // namespace redflag::internal
