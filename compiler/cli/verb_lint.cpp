// `redflag lint PATH...`: checks a KB that compiles against the lint catalog (docs/lints.md).
//
// Findings are the verb's results and go to stdout (text, JSON or SARIF); compile errors and a
// bad config file go to stderr. Today's date, which `review-overdue` compares with, comes from
// `--today`, else the REDFLAG_TODAY environment variable, else the system clock (local time).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <memory>

#include "compiler/cli/lint_config.hpp"
#include "compiler/cli/sarif.hpp"
#include "compiler/cli/verbs.hpp"
#include "compiler/diagnostic_render.hpp"
#include "compiler/frontend.hpp"
#include "compiler/lint/lint.hpp"

namespace redflag::cli {
namespace {

enum class LintFormat { Text, Json, Sarif };

struct LintVerbOptions {
  std::vector<std::string> paths;
  LintFormat format = LintFormat::Text;
  bool werror = false;
  bool release = false;
  bool color = false;
  std::string config;
  std::string today;
};

// Whether [date] looks like YYYY-MM-DD (the checker validates dates in sources; this is input).
bool is_date(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[i] < '0' || date[i] > '9') return false;
  }
  return true;
}

std::string today_from_clock() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

std::string summary(const std::vector<lint::LintFinding>& findings) {
  std::size_t errors = 0;
  for (const auto& finding : findings) errors += finding.severity == Severity::Error;
  const std::size_t warnings = findings.size() - errors;
  return fmt::format("lint: {} error{}, {} warning{}\n", errors, errors == 1 ? "" : "s", warnings,
                     warnings == 1 ? "" : "s");
}

int run_lint(LintVerbOptions& options) {
  const FrontendResult frontend = load_kb(options.paths);
  if (!frontend.diagnostics.empty()) {
    const std::string text = options.format == LintFormat::Json
                                 ? render_json(frontend.diagnostics, frontend.files)
                                 : render_text(frontend.diagnostics, frontend.files) + "\n" +
                                       render_summary(frontend.diagnostics, frontend.files);
    std::fputs(text.c_str(), stderr);
  }
  if (frontend.has_errors()) return 1;

  lint::LintOptions lint_options;
  const std::string config_path =
      options.config.empty() ? find_lint_config(options.paths) : options.config;
  if (!config_path.empty()) {
    LintConfig config = read_lint_config(config_path);
    if (!config.error.empty()) {
      fmt::print(stderr, "{}\n", config.error);
      return 1;
    }
    lint_options.levels = std::move(config.levels);
  }
  if (options.today.empty()) {
    const char* from_env = std::getenv("REDFLAG_TODAY");
    options.today = from_env ? from_env : today_from_clock();
    if (!is_date(options.today)) {
      fmt::print(stderr, "error: REDFLAG_TODAY is `{}`; write a date as YYYY-MM-DD\n", options.today);
      return 1;
    }
  }
  lint_options.today = options.today;
  lint_options.release = options.release;

  const auto findings = lint::run_lints(frontend, lint_options);
  std::string out;
  switch (options.format) {
    case LintFormat::Text:
      if (!findings.empty()) {
        out = render_problems_text(lint::problems_of(findings), frontend.files,
                                   RenderOptions{options.color}) +
              "\n" + summary(findings);
      }
      break;
    case LintFormat::Json: out = render_problems_json(lint::problems_of(findings), frontend.files); break;
    case LintFormat::Sarif: out = render_sarif(findings, frontend.files); break;
  }
  std::fputs(out.c_str(), stdout);
  for (const auto& finding : findings) {
    if (finding.severity == Severity::Error || options.werror) return 1;
  }
  return 0;
}

}  // namespace

void add_lint_verb(CLI::App& root, int& exit_code) {
  auto options = std::make_shared<LintVerbOptions>();
  auto* verb = root.add_subcommand("lint", "Check a KB for likely mistakes in its clinical logic, "
                                           "documentation, tests and review dates");
  verb->footer(
      "Every lint, its level and how to silence it: docs/lints.md. Findings go to stdout.\n"
      "Exit 1 when an error-level lint fires (any finding with --werror), the KB does not\n"
      "compile, or the config file is bad; else 0.");
  verb->add_option("PATH", options->paths, "KB source files or directories")->required();
  const std::map<std::string, LintFormat> formats{
      {"text", LintFormat::Text}, {"json", LintFormat::Json}, {"sarif", LintFormat::Sarif}};
  verb->add_option("--format", options->format, "text (default), json or sarif (SARIF 2.1.0)")
      ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case));
  verb->add_flag("--werror", options->werror, "Fail (exit 1) on warnings too");
  verb->add_flag("--release", options->release,
                 "Lint a build for release: turns on `draft-in-release`");
  verb->add_option("--config", options->config,
                   "Lint config file (default: redflag.toml beside the KB, if any)");
  verb->add_option("--today", options->today,
                   "Today's date as YYYY-MM-DD for `review-overdue` (default: $REDFLAG_TODAY, "
                   "else the system clock)")
      ->check([](const std::string& date) {
        return is_date(date) ? std::string() : "write a date as YYYY-MM-DD";
      });
  verb->add_flag("--color", options->color, "Colour text output with ANSI escapes");
  verb->callback([options, &exit_code] { exit_code = run_lint(*options); });
}

}  // namespace redflag::cli
