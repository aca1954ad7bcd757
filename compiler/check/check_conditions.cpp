// Resolution and type checks of conditions (flag, define and topic `when`s).
//
// Sets Name::ref/ref_id (fact, define, enum value or level), Number::canonical_value (the
// literal in the canonical unit of the fact it is compared with) and InSet::set_ids. A
// comparison has a subject (a fact, define, condition or `urgency`) whose type decides what
// the other side must be. Names resolve through NameResolver (name_resolver.hpp); numeric
// values and their units are typed by NumericChecker (check_numbers.hpp), which this extends.
#include <algorithm>

#include "compiler/check/check_numbers.hpp"
#include "runtime/opcodes.hpp"
#include "runtime/suggest.hpp"
#include "runtime/units.hpp"

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

class ConditionChecker : public NumericChecker {
 public:
  ConditionChecker(ast::Kb& kb, const Symbols& symbols, Diagnostics& diagnostics,
                   std::string_view owner, DefineUnits& define_units)
      : NumericChecker(kb, symbols, diagnostics, define_units), owner_(owner) {}

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
    if (kb_.unparsed.has(expr.name)) return;
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
      if (!fact) return mismatch(describe(subject_side), other);
      return mismatch(describe(subject_side), other,
                      {fmt::format("a bool fact is `true` or `false`: write `{0}` for true and `not {0}` for false",
                                   fact->name)});
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
    if (other_fact->unit == fact.unit) return;
    // Units of two dimensions (mm[Hg] against mm/h) are a type error, not a unit to agree on.
    const auto unit = find_unit(fact.unit);
    const auto other_unit = find_unit(other_fact->unit);
    if (unit && other_unit && !compatible(*other_unit, *unit)) {
      return mismatch(describe_fact(fact), other,
                      {fmt::format("`{}` ({}) and `{}` ({}) measure different things, so no unit makes them "
                                   "comparable",
                                   fact.unit, ucum::dimension_text(unit->ucum.dimension), other_fact->unit,
                                   ucum::dimension_text(other_unit->ucum.dimension))});
    }
    diagnostics_.report<DiagKind::UnitMismatch>(other.span, describe_fact(fact), fact.unit,
                                                describe_fact(*other_fact), other_fact->unit);
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
      if (kb_.unparsed.levels) return;
      diagnostics_.report<DiagKind::UndefinedLevel>(
          other.span, other.name, did_you_mean_or_list(other.name, symbols_.levels.names, "level"));
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

  std::string_view owner_;  // "flag", "define", "score" or "topic"
};

}  // namespace

void check_conditions(ast::Kb& kb, const Symbols& symbols, Diagnostics& diagnostics) {
  const std::vector<bool> numeric = numeric_bodies(kb, symbols);
  for (std::uint32_t id = 0; id < kb.defines.size(); ++id) kb.defines[id].numeric = numeric[id];
  DefineUnits define_units(kb.defines.size());
  for (const std::uint32_t id : numeric_define_order(kb, symbols)) {
    NumericChecker(kb, symbols, diagnostics, define_units).define(id);
  }
  for (auto& define : kb.defines) {
    if (define.condition && !define.numeric) {
      ConditionChecker(kb, symbols, diagnostics, "define", define_units).condition(*define.condition);
    }
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
