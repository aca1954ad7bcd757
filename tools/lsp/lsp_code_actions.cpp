// Code actions: a diagnostic's machine-applicable fixes, a `# redflag: allow(id)` suppression
// for a lint finding, and "add missing parentheses" around an `and` inside an `or`, so that a
// reader need not know which binds tighter.
//
// Fixes travel in the diagnostic's `data.fixes` (lsp_diagnostics.cpp), so they are applied as
// they were published. The parentheses are the `mixed-and-or` finding's fix, offered too when
// the client sends no diagnostic (the cursor is merely in the condition). A suppression is a
// comment line above the declaration the finding is in (compiler/lint/suppression.hpp: it
// covers the whole declaration); `unused-suppression` findings cannot be suppressed that way,
// so they get none.
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

// Whether [actions] already hold one making the edit of [action].
bool offered(const json& actions, const json& action) {
  for (const json& other : actions) {
    if (other.value("edit", json()) == action.at("edit")) return true;
  }
  return false;
}

// The `mixed-and-or` findings' fix (add missing parentheses) wherever the range touches such a
// condition, whether or not the client sent the diagnostic: the lint's own fix, once.
void add_missing_parentheses(const DocumentAt& document, std::size_t begin, std::size_t end, json& actions) {
  const std::string_view id = lint::lint_info(lint::LintId::MixedAndOr).id;
  for (const Problem& problem : lint::problems_of(document.kb.lint.findings)) {
    if (problem.code != id || problem.span.begin.file_id != document.file_id || !overlaps(problem.span, begin, end)) continue;
    json found = json::array();
    add_fixes(diagnostic_json(document.kb, problem, document.file_id, "redflag lint"), found);
    for (json& action : found) {
      if (!offered(actions, action)) actions.push_back(std::move(action));
    }
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
  add_missing_parentheses(document, *begin, *end, actions);
  return actions;
}

}  // namespace redflag::lsp
