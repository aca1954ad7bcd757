// Completion from the text before the cursor: declaration keywords in column 1, clause keywords
// at the start of an indented line (those of the declaration around it), facts and defines in
// conditions and `given`s, units of the fact's dimension after a number, enum values after
// `=` and `in {`, levels after `flag NAME` and `expect urgency`, flags after `expect flags`,
// topics after `see`, sources after `cite`. It reads the line, not the AST, because the
// line being typed rarely parses.
#include <algorithm>
#include <map>
#include <regex>

#include "runtime/units.hpp"
#include "tools/lsp/declaration_text.hpp"
#include "tools/lsp/feature_context.hpp"
#include "tools/lsp/features.hpp"

namespace redflag::lsp {
namespace {

// LSP CompletionItemKind numbers.
constexpr int kKeyword = 14, kVariable = 6, kFunction = 3, kEnumMember = 20, kUnit = 11, kEvent = 23,
              kReference = 18, kConstant = 21;

const std::map<std::string, std::vector<std::string>>& clause_keywords() {
  static const std::map<std::string, std::vector<std::string>> kClauses = {
      {"kb", {"title", "version", "status", "reviewed", "next_review", "author"}},
      {"source", {"url"}},
      {"fact", {"ask", "means"}},
      {"flag", {"title", "when", "because", "cite", "advise", "see"}},
      {"score", {"title", "cite", "item"}},
      {"topic", {"when", "cite"}},
      {"test", {"given", "expect"}},
  };
  return kClauses;
}

const std::vector<std::string> kDeclarations = {"kb", "levels", "source", "fact", "define", "flag", "score", "topic", "test"};
const std::vector<std::string> kOperators = {"and", "or", "not", "known", "between", "in", "at least", "at most",
                                             "exactly", "of", "true", "false", "unknown"};

json item(const std::string& label, int kind, const std::string& detail = "") {
  json out = {{"label", label}, {"kind", kind}};
  if (!detail.empty()) out["detail"] = detail;
  return out;
}

// The keyword of the declaration that line [line] is in: the nearest line at or above it that
// starts in column 1 with a word.
std::string enclosing_declaration(const LineIndex& lines, std::size_t line) {
  for (std::size_t i = line + 1; i-- > 0;) {
    const std::string_view text = lines.line_text(i);
    if (text.empty() || text[0] == ' ' || text[0] == '\t' || text[0] == '#') continue;
    return std::string(text.substr(0, text.find(' ')));
  }
  return "";
}

const ast::Fact* fact_named(const ast::Kb& kb, const std::string& name) {
  const auto found = std::find_if(kb.facts.begin(), kb.facts.end(), [&](const ast::Fact& fact) { return fact.name == name; });
  return found == kb.facts.end() ? nullptr : &*found;
}

void add_values(const ast::Kb& kb, json& items) {
  for (const auto& fact : kb.facts) items.push_back(item(fact.name, kVariable, "fact : " + fact_type_text(fact)));
  for (const auto& define : kb.defines) items.push_back(item(define.name, kFunction, "define"));
}

void add_units(const ast::Fact& fact, json& items) {
  if (fact.type != ast::FactType::Quantity) return;
  const auto unit = find_unit(fact.unit);
  if (!unit) return;
  for (const std::string_view name : unit_names()) {
    const auto candidate = find_unit(name);
    if (candidate && compatible(*candidate, *unit)) items.push_back(item(std::string(name), kUnit, candidate->code));
  }
}

}  // namespace

json completion(Workspace& workspace, const json& params) {
  const DocumentAt document = document_of(workspace, params);
  const std::size_t offset = offset_of(document, params);
  const LineIndex& lines = document.lines();
  const Position position = lines.position_of(offset);
  const std::string line(lines.line_text(position.line).substr(0, offset - lines.line_start(position.line)));
  const ast::Kb& kb = document.kb.frontend().kb;
  std::smatch match;
  // The line without the word being typed.
  const std::string head = std::regex_replace(line, std::regex("[A-Za-z0-9_]*$"), "");
  json items = json::array();
  const auto names = [&](const std::vector<std::string>& values, int kind, const std::string& detail) {
    for (const auto& value : values) items.push_back(item(value, kind, detail));
  };
  if (head.empty()) {
    names(kDeclarations, kKeyword, "declaration");
  } else if (std::regex_match(head, std::regex("flag +[A-Za-z0-9_]+ +")) || std::regex_search(head, std::regex("expect +urgency +$"))) {
    if (kb.levels) names(kb.levels->names, kEnumMember, "level");
  } else if (std::regex_match(head, std::regex("[ \t]+"))) {
    const auto clauses = clause_keywords().find(enclosing_declaration(lines, position.line));
    if (clauses != clause_keywords().end()) names(clauses->second, kKeyword, "clause");
  } else if (std::regex_search(head, std::regex("^[ \t]+see( +| *, *[A-Za-z0-9_, ]*)$"))) {
    for (const auto& topic : kb.topics) items.push_back(item(topic.name, kReference, topic.title));
  } else if (std::regex_search(head, std::regex("^[ \t]+cite +$"))) {
    for (const auto& source : kb.sources) items.push_back(item(source.id, kReference, source.title));
  } else if (std::regex_search(head, std::regex("expect +(flags|fired|not fired|undetermined)[ ,A-Za-z0-9_]*$"))) {
    for (const auto& flag : kb.flags) items.push_back(item(flag.name, kEvent, flag.title));
  } else if (std::regex_search(head, match, std::regex("([A-Za-z0-9_]+) *(>=|<=|!=|=|<|>|between) *[0-9.]+ +$")) ||
             std::regex_search(head, match, std::regex("([A-Za-z0-9_]+) *between *[0-9.]+ *[^ ]* *and *[0-9.]+ +$"))) {
    if (const ast::Fact* fact = fact_named(kb, match[1])) add_units(*fact, items);
  } else if (std::regex_search(head, match, std::regex("([A-Za-z0-9_]+) *(!=|=|in *\\{[A-Za-z0-9_, ]*) *$"))) {
    const ast::Fact* fact = fact_named(kb, match[1]);
    if (fact && fact->type == ast::FactType::Enum) names(fact->enum_values, kEnumMember, "value of " + fact->name);
    if (fact && fact->type == ast::FactType::Bool) names({"true", "false", "unknown"}, kConstant, "bool");
  } else if (std::regex_search(head, std::regex("^[ \t]+given "))) {
    for (const auto& fact : kb.facts) items.push_back(item(fact.name, kVariable, "fact : " + fact_type_text(fact)));
  } else {
    add_values(kb, items);
    names(kOperators, kKeyword, "operator");
  }
  return {{"isIncomplete", false}, {"items", items}};
}

}  // namespace redflag::lsp
