// Tests in place: a code lens on each `test` block with its result, and inlay hints after each
// test's name with the value every flag's condition takes for the test's givens: true, false,
// or unknown with the facts that are missing.
//
// The tests ran when the KB was analysed (kb_workspace.hpp), on the VM as `redflag test` runs
// them; a failure is also a diagnostic on the block (lsp_diagnostics.cpp). The hints come from
// the reference evaluator (compiler/eval/ast_eval.hpp), which reports unknown as a value. The
// lens's command, `redflag.runTests`, returns `redflag test`'s report for the KB.
#include <set>

#include "compiler/eval/ast_eval.hpp"
#include "tools/lsp/feature_context.hpp"
#include "tools/lsp/features.hpp"
#include "tools/test/test_runner.hpp"

namespace redflag::lsp {
namespace {

std::string lens_title(const KbAnalysis& kb, std::size_t test) {
  if (!kb.tests) return "test not run: the KB has errors";
  const auto& outcome = kb.tests->outcomes.at(test);
  if (outcome.passed()) return "✓ test passed";
  return "✗ test failed: " + tools::failure_summary(outcome.failures.front());
}

// The facts [expr] reads, through defines, into [names].
void facts_read(const ast::Kb& kb, const ast::Expr* expr, std::set<std::uint32_t>& facts, std::set<std::uint32_t>& defines) {
  if (expr == nullptr) return;
  if (expr->ref == ast::RefKind::Fact && expr->ref_id != ast::kNoId) facts.insert(expr->ref_id);
  if (expr->ref == ast::RefKind::Define && expr->ref_id != ast::kNoId && defines.insert(expr->ref_id).second) {
    facts_read(kb, kb.defines.at(expr->ref_id).condition.get(), facts, defines);
  }
  for (const auto& child : expr->children) facts_read(kb, child.get(), facts, defines);
}

std::string value_text(const ast::Kb& kb, const ast::Flag& flag, Tri value, const std::vector<FactValue>& facts) {
  if (value == Tri::True) return "true";
  if (value == Tri::False) return "false";
  std::set<std::uint32_t> read, defines;
  facts_read(kb, flag.condition.get(), read, defines);
  std::string missing;
  for (const std::uint32_t fact : read) {
    if (!facts.at(fact).known) missing += (missing.empty() ? "" : ", ") + kb.facts.at(fact).name;
  }
  return "unknown (missing " + missing + ")";
}

}  // namespace

json code_lenses(Workspace& workspace, const json& params) {
  const DocumentAt document = document_of(workspace, params);
  const auto& tests = document.kb.frontend().kb.tests;
  json lenses = json::array();
  for (std::size_t i = 0; i < tests.size(); ++i) {
    if (tests[i].span.begin.file_id != document.file_id) continue;
    lenses.push_back({{"range", span_range(document.lines(), tests[i].span)},
                      {"command", {{"title", lens_title(document.kb, i)},
                                   {"command", "redflag.runTests"},
                                   {"arguments", json::array({document.uri})}}}});
  }
  return lenses;
}

json run_tests_command(Workspace& workspace, const json& params) {
  if (params.value("command", "") != "redflag.runTests") {
    throw LspError(ErrorCode::InvalidParams, "the server has one command, `redflag.runTests`");
  }
  const json arguments = params.value("arguments", json::array());
  if (arguments.empty() || !arguments[0].is_string()) {
    throw LspError(ErrorCode::InvalidParams, "`redflag.runTests` takes the URI of a file of the KB");
  }
  const KbAnalysis& kb = workspace.kb_of(path_of_uri(arguments[0].get<std::string>()));
  if (!kb.tests) return "the KB has errors; its tests did not run\n";
  return tools::render_test_report(kb.frontend(), *kb.compiled.image, *kb.tests);
}

json inlay_hints(Workspace& workspace, const json& params) {
  const DocumentAt document = document_of(workspace, params);
  json hints = json::array();
  if (!document.kb.compiled.image) return hints;
  const Image& image = *document.kb.compiled.image;
  const ast::Kb& kb = document.kb.frontend().kb;
  for (std::size_t i = 0; i < kb.tests.size(); ++i) {
    const ast::Test& test = kb.tests[i];
    if (test.span.begin.file_id != document.file_id) continue;
    const std::vector<FactValue> facts = tools::facts_of_test(image, image.tests.at(i));
    AstEvaluator evaluator(kb, facts);
    const AstEvaluation evaluation = evaluator.evaluate_all();
    std::string label;
    for (std::size_t flag = 0; flag < kb.flags.size(); ++flag) {
      label += (label.empty() ? "" : "; ") + kb.flags[flag].name + ": " +
               value_text(kb, kb.flags[flag], evaluation.flags.at(flag), facts);
    }
    if (label.empty()) continue;
    const std::size_t line = test.span.begin.line - 1;
    const LineIndex& lines = document.lines();
    hints.push_back({{"position", position_json(lines.position_of(lines.line_start(line) + lines.line_text(line).size()))},
                     {"label", label},
                     {"paddingLeft", true}});
  }
  return hints;
}

}  // namespace redflag::lsp
