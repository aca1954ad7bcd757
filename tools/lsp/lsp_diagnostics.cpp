// Diagnostics: what `check`, `lint` and `test` report, as publishDiagnostics per file.
//
// Every file of the KB gets a notification, an empty one when it has nothing, so fixed problems
// disappear. A problem of the whole KB (no file) is shown on the first file's first line, and
// the places it names (a duplicate's first declaration) are its relatedInformation. The
// fixes of a problem travel in `data.fixes` so that code actions (lsp_code_actions.cpp) get them
// back from the client without analysing again.
#include <map>

#include "compiler/lint/lint.hpp"
#include "tools/lsp/feature_context.hpp"
#include "tools/lsp/features.hpp"
#include "tools/test/test_runner.hpp"

namespace redflag::lsp {
namespace {

json fixes_json(const KbAnalysis& kb, const std::vector<Fix>& fixes) {
  json out = json::array();
  for (const auto& fix : fixes) {
    json edits = json::array();
    for (const auto& edit : fix.edits) {
      edits.push_back({{"range", span_range(kb.lines[edit.span.begin.file_id], edit.span)},
                       {"uri", uri_of(kb, edit.span.begin.file_id)},
                       {"newText", edit.replacement}});
    }
    out.push_back({{"title", fix.description}, {"edits", edits}});
  }
  return out;
}

// The places a problem names (the first declaration of a duplicate) as relatedInformation.
json related_json(const KbAnalysis& kb, const std::vector<RelatedLocation>& related) {
  json out = json::array();
  for (const auto& place : related) {
    const std::uint32_t file_id = place.span.begin.file_id;
    if (file_id >= kb.lines.size()) continue;
    out.push_back({{"location", {{"uri", uri_of(kb, file_id)}, {"range", span_range(kb.lines[file_id], place.span)}}},
                   {"message", place.message}});
  }
  return out;
}

}  // namespace

json diagnostic_json(const KbAnalysis& kb, const Problem& problem, std::uint32_t file_id, const char* source) {
  std::string message(problem.message);
  for (const auto& help : problem.help) message += "\nhelp: " + std::string(help);
  json diagnostic = {{"range", span_range(kb.lines[file_id], problem.span)},
                     {"severity", problem.severity == Severity::Error ? 1 : 2},
                     {"code", std::string(problem.code)},
                     {"source", source},
                     {"message", message}};
  if (problem.related != nullptr && !problem.related->empty()) {
    diagnostic["relatedInformation"] = related_json(kb, *problem.related);
  }
  if (problem.fixes != nullptr && !problem.fixes->empty()) diagnostic["data"] = {{"fixes", fixes_json(kb, *problem.fixes)}};
  return diagnostic;
}

std::vector<json> publish_diagnostics(const KbAnalysis& kb) {
  const auto& files = kb.frontend().files;
  std::vector<json> per_file(files.size(), json::array());
  const auto add = [&](const std::vector<Problem>& problems, const char* source) {
    for (const auto& problem : problems) {
      const std::uint32_t file_id = problem.span.begin.file_id == kNoFile ? 0 : problem.span.begin.file_id;
      if (file_id < per_file.size()) per_file[file_id].push_back(diagnostic_json(kb, problem, file_id, source));
    }
  };
  add(problems_of(kb.frontend().diagnostics), "redflag check");
  add(lint::problems_of(kb.lint.findings), "redflag lint");
  if (!kb.lint.error.empty() && !per_file.empty()) {
    per_file[0].push_back({{"range", range_json({}, {})}, {"severity", 1}, {"source", "redflag lint"}, {"message", kb.lint.error}});
  }
  if (kb.tests) {
    for (const auto& outcome : kb.tests->outcomes) {
      if (outcome.passed()) continue;
      const ast::Test& test = kb.frontend().kb.tests.at(outcome.test);
      std::string message = "test `" + test.name + "` failed";
      for (const auto& failure : outcome.failures) message += "\n" + tools::failure_text(failure);
      const std::uint32_t file_id = test.span.begin.file_id;
      per_file[file_id].push_back({{"range", span_range(kb.lines[file_id], test.span)},
                                   {"severity", 1},
                                   {"code", "test-failed"},
                                   {"source", "redflag test"},
                                   {"message", message}});
    }
  }
  std::vector<json> notifications;
  for (std::uint32_t id = 0; id < files.size(); ++id) {
    notifications.push_back({{"uri", uri_of(kb, id)}, {"diagnostics", per_file[id]}});
  }
  return notifications;
}

}  // namespace redflag::lsp
