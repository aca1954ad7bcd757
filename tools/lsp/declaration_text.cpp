#include "tools/lsp/declaration_text.hpp"

#include <algorithm>
#include <set>

#include "runtime/units.hpp"
#include "tools/test/test_report.hpp"
#include "tools/test/test_runner.hpp"

namespace redflag::lsp {
namespace {

template <typename Decl>
const Decl* named(const std::vector<Decl>& decls, const std::string& name) {
  const auto found = std::find_if(decls.begin(), decls.end(), [&](const Decl& decl) { return decl.name == name; });
  return found == decls.end() ? nullptr : &*found;
}

std::string code_block(const std::string& text) { return "```redflag\n" + text + "\n```\n"; }

std::string condition_text(const KbAnalysis& kb, const ast::ExprPtr& condition) {
  return condition ? tools::condition_source_text(kb.frontend(), *condition) : std::string();
}

// `read by flag a, define b`: the declarations whose text names [key].
std::string readers(const KbAnalysis& kb, const SymbolKey& key) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const Occurrence* occurrence : kb.index->of(key)) {
    const SymbolKey& container = occurrence->container;
    if (occurrence->declaration || container.kind == SymbolKind::Test) continue;
    const std::string name = std::string(symbol_kind_keyword(container.kind)) + " `" + container.name + "`";
    if (seen.insert(name).second) names.push_back(name);
  }
  if (names.empty()) return "";
  std::string text = "\nRead by ";
  for (std::size_t i = 0; i < names.size(); ++i) text += (i ? ", " : "") + names[i];
  return text + ".\n";
}

std::string describe_fact(const KbAnalysis& kb, const ast::Fact& fact) {
  std::string declared = "fact " + fact.name + " : " + fact_type_text(fact);
  if (fact.min && fact.max) {
    declared += " between " + fact.min->text + (fact.min->unit.empty() ? "" : " " + fact.min->unit) + " and " +
                fact.max->text + (fact.max->unit.empty() ? "" : " " + fact.max->unit);
  }
  std::string text = code_block(declared);
  if (!fact.ask.empty()) text += "\nAsk: " + fact.ask + "\n";
  if (!fact.means.empty()) text += "\nMeans: " + fact.means + "\n";
  return text + readers(kb, SymbolKey{SymbolKind::Fact, fact.name});
}

std::string describe_test(const KbAnalysis& kb, const std::string& name) {
  const auto& tests = kb.frontend().kb.tests;
  const auto found = std::find_if(tests.begin(), tests.end(), [&](const ast::Test& test) { return test.name == name; });
  std::string text = code_block("test \"" + name + "\"");
  if (!kb.tests || found == tests.end()) return text + "\nNot run: the KB does not compile.\n";
  const auto& outcome = kb.tests->outcomes.at(static_cast<std::size_t>(found - tests.begin()));
  if (outcome.passed()) return text + "\nPassed.\n";
  text += "\nFailed:\n";
  for (const auto& failure : outcome.failures) text += "\n- " + tools::failure_summary(failure);
  return text + "\n";
}

}  // namespace

std::string fact_type_text(const ast::Fact& fact) {
  switch (fact.type) {
    case ast::FactType::Bool: return "bool";
    case ast::FactType::Number: return "number";
    case ast::FactType::Integer: return "integer";
    case ast::FactType::Text: return "text";
    case ast::FactType::Quantity: return std::string(dimension_name(fact.dimension)) + " in " + fact.unit;
    case ast::FactType::Enum: {
      std::string text = "one of ";
      for (std::size_t i = 0; i < fact.enum_values.size(); ++i) text += (i ? ", " : "") + fact.enum_values[i];
      return text;
    }
  }
  return "";
}

std::string describe(const KbAnalysis& kb, const SymbolKey& key) {
  const ast::Kb& ast = kb.frontend().kb;
  switch (key.kind) {
    case SymbolKind::Fact:
      if (const auto* fact = named(ast.facts, key.name)) return describe_fact(kb, *fact);
      break;
    case SymbolKind::Define:
      if (const auto* define = named(ast.defines, key.name)) {
        return code_block("define " + define->name + " = " + condition_text(kb, define->condition)) + readers(kb, key);
      }
      break;
    case SymbolKind::Flag:
      if (const auto* flag = named(ast.flags, key.name)) {
        return code_block("flag " + flag->name + " " + flag->level) + "\n**" + flag->title + "**\n\nUrgency: `" +
               flag->level + "`\n\nWhen: `" + condition_text(kb, flag->condition) + "`\n";
      }
      break;
    case SymbolKind::Topic:
      if (const auto* topic = named(ast.topics, key.name)) {
        std::string text = code_block("topic " + topic->name) + "\n**" + topic->title + "**\n";
        if (topic->condition) text += "\nWhen: `" + condition_text(kb, topic->condition) + "`\n";
        return text;
      }
      break;
    case SymbolKind::Score:
      if (const auto* score = named(ast.scores, key.name)) return code_block("score " + score->name) + "\n**" + score->title + "**\n";
      break;
    case SymbolKind::Source: {
      const auto found = std::find_if(ast.sources.begin(), ast.sources.end(),
                                      [&](const ast::Source& source) { return source.id == key.name; });
      if (found != ast.sources.end()) {
        return code_block("source " + found->id) + "\n" + found->title + (found->url.empty() ? "" : "\n\n<" + found->url + ">") + "\n";
      }
      break;
    }
    case SymbolKind::Level:
      if (ast.levels) {
        const auto& names = ast.levels->names;
        const auto found = std::find(names.begin(), names.end(), key.name);
        if (found == names.end()) break;
        std::string order;
        for (std::size_t i = 0; i < names.size(); ++i) order += (i ? " < " : "") + names[i];
        return code_block("level " + key.name) + "\nUrgency " + std::to_string(found - names.begin() + 1) + " of " +
               std::to_string(names.size()) + ": `" + order + "`\n";
      }
      break;
    case SymbolKind::Kb:
      if (ast.header) {
        return code_block("kb " + ast.header->id) + "\n**" + ast.header->title + "**\n\nVersion " + ast.header->version +
               ", " + ast.header->status + "\n";
      }
      break;
    case SymbolKind::Test: return describe_test(kb, key.name);
  }
  return "";
}

}  // namespace redflag::lsp
