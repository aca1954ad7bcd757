#include "tools/lint/lint_run.hpp"

#include <fmt/format.h>

#include "compiler/diagnostics/diagnostic_render.hpp"
#include "tools/lint/lint_config.hpp"
#include "tools/lint/sarif.hpp"

namespace redflag::tools {
namespace {

std::string summary(const std::vector<lint::LintFinding>& findings) {
  std::size_t errors = 0;
  for (const auto& finding : findings) errors += finding.severity == Severity::Error;
  const std::size_t warnings = findings.size() - errors;
  return fmt::format("lint: {} error{}, {} warning{}\n", errors, errors == 1 ? "" : "s", warnings,
                     warnings == 1 ? "" : "s");
}

}  // namespace

LintRun lint_kb(const FrontendResult& frontend, const std::vector<std::string>& kb_paths,
                const LintSettings& settings) {
  LintRun run;
  lint::LintOptions options;
  const std::string config_path = settings.config.empty() ? find_lint_config(kb_paths) : settings.config;
  if (!config_path.empty()) {
    LintConfig config = read_lint_config(config_path);
    if (!config.error.empty()) {
      run.error = std::move(config.error);
      return run;
    }
    options.levels = std::move(config.levels);
  }
  options.today = settings.today;
  options.release = settings.release;
  run.findings = lint::run_lints(frontend, options);
  return run;
}

std::string render_findings(const FrontendResult& frontend, const std::vector<std::string>& kb_paths,
                            const LintRun& run, LintFormat format, bool color) {
  const auto& files = frontend.files;
  const auto& findings = run.findings;
  switch (format) {
    case LintFormat::Text:
      if (findings.empty()) return {};
      return render_problems_text(lint::problems_of(findings), files, RenderOptions{color}) + "\n" + summary(findings);
    case LintFormat::Json: return render_problems_json(lint::problems_of(findings), files);
    case LintFormat::Sarif: {
      auto problems = problems_of(frontend.diagnostics);
      const auto lint_problems = lint::problems_of(findings);
      problems.insert(problems.end(), lint_problems.begin(), lint_problems.end());
      const SarifInvocation invocation{!frontend.has_errors() && run.error.empty(), run.error};
      return render_sarif(problems, files, kb_paths.empty() ? "" : kb_paths.front(), invocation);
    }
  }
  return {};
}

bool is_date(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[i] < '0' || date[i] > '9') return false;
  }
  return true;
}

}  // namespace redflag::tools
