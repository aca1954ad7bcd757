// Name resolution inside conditions and numeric values (see name_resolver.hpp).
#include "compiler/check/name_resolver.hpp"

#include "runtime/suggest.hpp"

namespace redflag::internal {

using ast::Expr;
using ast::ExprKind;

bool is_item_reference(const std::string& name) { return name.find('.') != std::string::npos; }

bool NameResolver::resolve_name(Expr& expr) {
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

bool NameResolver::resolve_item(Expr& expr) {
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

void NameResolver::undefined_name(const Expr& expr) {
  if (kb_.unparsed.has(expr.name.substr(0, expr.name.find('.')))) return;
  if (!is_item_reference(expr.name) && symbols_.flags.find(expr.name) != ast::kNoId) {
    diagnostics_.report<DiagKind::FlagInCondition>(expr.span, expr.name);
    return;
  }
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

std::string NameResolver::describe(const Expr& expr) const {
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

const ast::Fact* NameResolver::fact_of(const Expr& expr) const {
  return expr.kind == ExprKind::Name && expr.ref == ast::RefKind::Fact ? &kb_.facts[expr.ref_id]
                                                                        : nullptr;
}

}  // namespace redflag::internal
