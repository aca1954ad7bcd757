// Conditions in plain language for the handbook (compiler/doc/handbook.hpp).
//
// Each construct has one fixed phrase (docs/handbook.md lists them): comparisons read "of 10 lb
// or more" / "more than" / "is", sets "is one of a, b or c", `at least N of` lists its items
// after a colon. Nested `and` / `or` keep their grouping with parentheses. Units are shown as
// a clinician writes them (`[lb_av]` reads "lb"); numbers exactly as the author wrote them.
#include <fmt/format.h>

#include <array>
#include <string>
#include <utility>

#include "compiler/doc/handbook.hpp"

namespace redflag {

std::string unit_label(std::string_view unit) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kFriendly{{
      {"[lb_av]", "lb"}, {"[oz_av]", "oz"}, {"[in_i]", "in"}, {"[ft_i]", "ft"},
      {"[degF]", "°F"}, {"degF", "°F"}, {"Cel", "°C"}, {"mm[Hg]", "mmHg"},
  }};
  for (const auto& [code, text] : kFriendly) {
    if (code == unit) return std::string(text);
  }
  return std::string(unit);
}

namespace {

using ast::Cmp;
using ast::Expr;
using ast::ExprKind;

// "a, b or c".
std::string alternatives(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? " or " : ", ";
    text += items[i];
  }
  return text;
}

Cmp mirrored(Cmp cmp) {
  switch (cmp) {
    case Cmp::Lt: return Cmp::Gt;
    case Cmp::Le: return Cmp::Ge;
    case Cmp::Gt: return Cmp::Lt;
    case Cmp::Ge: return Cmp::Le;
    default: return cmp;
  }
}

class Reader {
 public:
  explicit Reader(const ast::Kb& kb) : kb_(kb) {}

  // [expr] as a phrase; [nested] asks for parentheses around a junction or a list.
  std::string read(const Expr& expr, bool nested) const {
    switch (expr.kind) {
      case ExprKind::Not: return not_phrase(*expr.children[0]);
      case ExprKind::And:
      case ExprKind::Or: {
        std::vector<std::string> parts;
        for (const auto& child : expr.children) parts.push_back(read(*child, true));
        std::string text;
        for (const auto& part : parts) {
          text += (text.empty() ? "" : expr.kind == ExprKind::And ? " and " : " or ") + part;
        }
        return nested ? "(" + text + ")" : text;
      }
      case ExprKind::AtLeast:
      case ExprKind::AtMost:
      case ExprKind::Exactly: {
        const std::string_view mode = expr.kind == ExprKind::AtLeast ? "at least"
                                      : expr.kind == ExprKind::AtMost ? "at most" : "exactly";
        std::string text = fmt::format("{} {} of: ", mode, expr.count);
        for (std::size_t i = 0; i < expr.children.size(); ++i) {
          text += (i > 0 ? "; " : "") + read(*expr.children[i], false);
        }
        return nested ? "(" + text + ")" : text;
      }
      case ExprKind::Compare: return comparison(expr);
      case ExprKind::InSet: {
        std::vector<std::string> values;
        for (const auto& name : expr.set_names) values.push_back(words(name));
        const std::string subject = operand(*expr.children[0], nullptr);
        if (values.size() == 1) return fmt::format("{} is {}{}", subject, expr.negated ? "not " : "", values[0]);
        return fmt::format("{} is {} {}", subject, expr.negated ? "none of" : "one of",
                           alternatives(values));
      }
      case ExprKind::Between: {
        const ast::Fact* fact = fact_of(*expr.children[0]);
        return fmt::format("{} between {} and {}", operand(*expr.children[0], nullptr),
                           operand(*expr.children[1], fact), operand(*expr.children[2], fact));
      }
      case ExprKind::Known: return fmt::format("{} is known", fact_label(kb_.facts[expr.ref_id]));
      case ExprKind::Arith: {
        constexpr std::string_view kSymbols[] = {" + ", " − ", " × ", " ÷ "};  // ORDER ast::ArithOp
        const std::string text = operand(*expr.children[0], nullptr) +
                                 std::string(kSymbols[static_cast<int>(expr.arith)]) +
                                 operand(*expr.children[1], nullptr);
        return nested ? "(" + text + ")" : text;
      }
      default: return operand(expr, nullptr);
    }
  }

 private:
  const ast::Fact* fact_of(const Expr& expr) const {
    return expr.kind == ExprKind::Name && expr.ref == ast::RefKind::Fact ? &kb_.facts[expr.ref_id] : nullptr;
  }

  // A name, number, urgency or constant; a unitless number compared with [fact] takes its unit.
  std::string operand(const Expr& expr, const ast::Fact* fact) const {
    switch (expr.kind) {
      case ExprKind::Number: {
        const std::string& unit = !expr.number.unit.empty() ? expr.number.unit
                                  : fact != nullptr && fact->type == ast::FactType::Quantity ? fact->unit
                                                                                             : expr.number.unit;
        return unit.empty() ? expr.number.text : expr.number.text + " " + unit_label(unit);
      }
      case ExprKind::Urgency: return "the case urgency";
      case ExprKind::BoolConst: return expr.tri == 1 ? "true" : expr.tri == 0 ? "false" : "unknown";
      case ExprKind::Name:
        if (expr.ref == ast::RefKind::Fact) return fact_label(kb_.facts[expr.ref_id]);
        if (expr.ref == ast::RefKind::Define) return "“" + words(expr.name) + "”";
        if (expr.ref == ast::RefKind::Score) return "the " + words(expr.name) + " score";
        if (expr.ref == ast::RefKind::Item) {
          const auto& score = kb_.scores[expr.ref_id];
          return fmt::format("the {} points of the {} score", words(score.items[expr.item_id].name), words(score.name));
        }
        return words(expr.name);
      default: return read(expr, true);
    }
  }

  std::string not_phrase(const Expr& child) const {
    const bool simple = child.kind == ExprKind::Name || child.kind == ExprKind::Known;
    return simple ? "not " + read(child, false) : "not (" + read(child, false) + ")";
  }

  std::string comparison(const Expr& expr) const {
    const Expr* subject = expr.children[0].get();
    const Expr* value = expr.children[1].get();
    Cmp cmp = expr.cmp;
    if (subject->kind == ExprKind::Number || subject->kind == ExprKind::BoolConst) {
      std::swap(subject, value);
      cmp = mirrored(cmp);
    }
    if (value->kind == ExprKind::BoolConst) {  // `x = true` is x, `x != true` is not x
      return (cmp == Cmp::Eq) == (value->tri == 1) ? read(*subject, false) : not_phrase(*subject);
    }
    const std::string who = operand(*subject, nullptr);
    const std::string what = operand(*value, fact_of(*subject));
    const bool urgency = subject->kind == ExprKind::Urgency;
    using Phrase = fmt::format_string<const std::string&, const std::string&>;
    const auto phrase = [&](Phrase for_urgency, Phrase for_values) {
      return fmt::format(urgency ? for_urgency : for_values, who, what);
    };
    switch (cmp) {
      case Cmp::Eq: return fmt::format("{} is {}", who, what);
      case Cmp::Ne: return fmt::format("{} is not {}", who, what);
      case Cmp::Ge: return phrase(FMT_STRING("{} is {} or higher"), FMT_STRING("{} of {} or more"));
      case Cmp::Gt:
        return phrase(FMT_STRING("{} is higher than {}"), FMT_STRING("{} more than {}"));
      case Cmp::Le: return phrase(FMT_STRING("{} is {} or lower"), FMT_STRING("{} of {} or less"));
      case Cmp::Lt: return phrase(FMT_STRING("{} is lower than {}"), FMT_STRING("{} less than {}"));
    }
    return {};
  }

  const ast::Kb& kb_;
};

}  // namespace

std::string words(std::string_view identifier) {
  std::string text(identifier);
  for (char& c : text) {
    if (c == '_') c = ' ';
  }
  return text;
}

std::string fact_label(const ast::Fact& fact) {
  return fact.means.empty() ? words(fact.name) : fmt::format("{} ({})", words(fact.name), fact.means);
}

std::string plain_condition(const ast::Kb& kb, const ast::Expr& expr) {
  return Reader(kb).read(expr, false);
}

}  // namespace redflag
