// Code actions: a diagnostic's machine-applicable fixes, a `# redflag: allow(id)` suppression
// for a lint finding, and parentheses around an `and` inside an `or` (or the other way round)
// so that a reader need not know which binds tighter.
//
// Fixes travel in the diagnostic's `data.fixes` (lsp_diagnostics.cpp), so they are applied as
// they were published. A suppression is a comment line above the declaration the finding is in
// (compiler/lint/suppression.hpp: it covers the whole declaration); `unused-suppression`
// findings cannot be suppressed that way, so they get none.
#include <set>

#include "compiler/lint/lint.hpp"
#include "tools/lsp/feature_context.hpp"
#include "tools/lsp/features.hpp"

namespace redflag::lsp {
namespace {

json quick_fix(const std::string& title, json changes, const json& diagnostics, bool preferred) {
  json action = {{"title", title}, {"kind", "quickfix"}, {"edit", {{"changes", std::move(changes)}}}};
  if (!diagnostics.empty()) action["diagnostics"] = diagnostics;
  if (preferred) action["isPreferred"] = true;
  return action;
}

void add_fixes(const json& diagnostic, json& actions) {
  const json fixes = diagnostic.value("data", json::object()).value("fixes", json::array());
  for (const json& fix : fixes) {
    json changes = json::object();
    for (const json& edit : fix.at("edits")) {
      changes[edit.at("uri").get<std::string>()].push_back({{"range", edit.at("range")}, {"newText", edit.at("newText")}});
    }
    actions.push_back(quick_fix(fix.at("title").get<std::string>(), changes, json::array({diagnostic}), fixes.size() == 1));
  }
}

void add_suppression(const DocumentAt& document, const json& diagnostic, std::set<std::string>& done, json& actions) {
  if (diagnostic.value("source", "") != "redflag lint" || !diagnostic.contains("code")) return;
  const std::string id = diagnostic["code"].get<std::string>();
  const auto lint = lint::find_lint(id);
  if (!lint || *lint == lint::LintId::UnusedSuppression) return;
  const std::uint32_t line = position_from_json(diagnostic.at("range").at("start")).line + 1;
  for (const auto& finding : document.kb.lint.findings) {
    if (finding.lint != *lint || finding.span.begin.file_id != document.file_id || finding.span.begin.line != line) continue;
    if (!done.insert(id + "@" + std::to_string(finding.decl_line)).second) return;
    const Position at{finding.decl_line - 1, 0};
    json changes = {{document.uri, json::array({{{"range", range_json(at, at)}, {"newText", "# redflag: allow(" + id + ")\n"}}})}};
    actions.push_back(quick_fix("Suppress `" + id + "` for this declaration", changes, json::array({diagnostic}), false));
    return;
  }
}

bool overlaps(const SourceSpan& span, std::size_t begin, std::size_t end) {
  return span.begin.offset <= end && begin <= span.begin.offset + span.length;
}

// Whether [expr] in [text] is already inside parentheses.
bool parenthesised(const std::string& text, const ast::Expr& expr) {
  std::size_t before = expr.span.begin.offset;
  while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t' || text[before - 1] == '\n')) --before;
  return before > 0 && text[before - 1] == '(';
}

void add_parentheses(const DocumentAt& document, const ast::Expr* expr, std::size_t begin, std::size_t end, json& actions) {
  if (expr == nullptr || expr->span.begin.file_id != document.file_id || !overlaps(expr->span, begin, end)) return;
  const bool mixed_parent = expr->kind == ast::ExprKind::And || expr->kind == ast::ExprKind::Or;
  for (const auto& child : expr->children) {
    const bool mixed = mixed_parent && child->kind != expr->kind &&
                       (child->kind == ast::ExprKind::And || child->kind == ast::ExprKind::Or);
    if (mixed && !parenthesised(document.text(), *child)) {
      const LineIndex& lines = document.lines();
      const Position open = lines.position_of(child->span.begin.offset);
      const Position close = lines.position_of(child->span.begin.offset + child->span.length);
      json changes = {{document.uri, json::array({{{"range", range_json(open, open)}, {"newText", "("}},
                                                  {{"range", range_json(close, close)}, {"newText", ")"}}})}};
      const std::string inner = document.text().substr(child->span.begin.offset, child->span.length);
      actions.push_back(quick_fix("Add parentheses: `(" + inner + ")`", changes, json::array(), false));
    }
    add_parentheses(document, child.get(), begin, end, actions);
  }
}

}  // namespace

json code_actions(Workspace& workspace, const json& params) {
  const DocumentAt document = document_of(workspace, params);
  const json& range = params.at("range");
  const auto begin = document.lines().offset_of(position_from_json(range.at("start")));
  const auto end = document.lines().offset_of(position_from_json(range.at("end")));
  if (!begin || !end) throw LspError(ErrorCode::InvalidParams, "the range is past the end of `" + document.uri + "`");
  json actions = json::array();
  std::set<std::string> suppressed;
  for (const json& diagnostic : params.value("context", json::object()).value("diagnostics", json::array())) {
    add_fixes(diagnostic, actions);
    add_suppression(document, diagnostic, suppressed, actions);
  }
  const ast::Kb& kb = document.kb.frontend().kb;
  for (const auto& define : kb.defines) add_parentheses(document, define.condition.get(), *begin, *end, actions);
  for (const auto& flag : kb.flags) add_parentheses(document, flag.condition.get(), *begin, *end, actions);
  for (const auto& topic : kb.topics) add_parentheses(document, topic.condition.get(), *begin, *end, actions);
  return actions;
}

}  // namespace redflag::lsp
