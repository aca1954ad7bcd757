// `redflag lint PATH...`: checks a KB that compiles against the lint catalog (docs/lints.md).
//
// Findings are the verb's results and go to stdout (text, JSON or SARIF); compile errors and a
// bad config file go to stderr, and into the SARIF log too. Today's date, which `review-overdue` compares with, comes from
// `--today`, else the REDFLAG_TODAY environment variable, else the system clock (local time).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>

#include "cli/choice_option.hpp"
#include "cli/color_option.hpp"
#include "cli/diagnostics_output.hpp"
#include "cli/standard_output.hpp"
#include "cli/verbs.hpp"
#include "compiler/frontend.hpp"
#include "tools/lint/lint_run.hpp"

namespace redflag::cli {
namespace {

using tools::LintFormat;

struct LintVerbOptions {
  std::vector<std::string> paths;
  LintFormat format = LintFormat::Text;
  bool werror = false;
  bool release = false;
  ColorWhen color = ColorWhen::Auto;
  std::string config;
  std::string today;
};

std::string today_from_clock() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

// Nothing was linted: [frontend] has compile errors or [run] a configuration error, which
// goes to stderr. SARIF still gets a log saying so. Returns the exit status, 1.
int refuse(const LintVerbOptions& options, const FrontendResult& frontend, const tools::LintRun& run) {
  if (!run.error.empty()) std::fputs((run.error + "\n").c_str(), stderr);
  if (options.format == LintFormat::Sarif) print_output(tools::render_findings(frontend, options.paths, run, options.format, false));
  return 1;
}

int run_lint(LintVerbOptions& options) {
  const FrontendResult frontend = check_paths(options.paths);
  // Compile errors follow --format json on stderr; text otherwise, and SARIF holds them as well.
  const DiagnosticsFormat diagnostics_format =
      options.format == LintFormat::Json ? DiagnosticsFormat::Json : DiagnosticsFormat::Text;
  if (!frontend.diagnostics.empty()) {
    print_diagnostics(frontend.diagnostics, frontend.files, DiagnosticsStyle{diagnostics_format, options.color});
  }
  if (frontend.has_errors()) return refuse(options, frontend, {});
  if (options.today.empty()) {
    const char* from_env = std::getenv("REDFLAG_TODAY");
    options.today = from_env ? from_env : today_from_clock();
    if (!tools::is_date(options.today)) {
      tools::LintRun bad_date;
      bad_date.error = fmt::format("error: REDFLAG_TODAY is `{}`; write a date as YYYY-MM-DD", options.today);
      return refuse(options, frontend, bad_date);
    }
  }
  const auto run = tools::lint_kb(frontend, options.paths, tools::LintSettings{options.config, options.today, options.release});
  if (!run.error.empty()) return refuse(options, frontend, run);
  print_output(tools::render_findings(frontend, options.paths, run, options.format,
                                           use_color(options.color, STDOUT_FILENO)));
  for (const auto& finding : run.findings) {
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
  add_choice_option(*verb, "--format", options->format, "Output format: text (default), json or sarif (SARIF 2.1.0)",
                    std::vector<std::pair<std::string, LintFormat>>{
                        {"text", LintFormat::Text}, {"json", LintFormat::Json}, {"sarif", LintFormat::Sarif}});
  verb->add_flag("--werror", options->werror, "Fail (exit 1) on warnings too");
  verb->add_flag("--release", options->release,
                 "Lint a build for release: turns on `draft-in-release`");
  verb->add_option("--config", options->config,
                   "Lint config file (default: redflag.toml beside the KB, if any)")
      ->type_name("FILE");
  verb->add_option("--today", options->today,
                   "Today's date as YYYY-MM-DD for `review-overdue` (default: $REDFLAG_TODAY, "
                   "else the system clock)")
      ->type_name("DATE")
      ->check([](const std::string& date) {
        return tools::is_date(date) ? std::string() : "write a date as YYYY-MM-DD";
      });
  add_color_option(*verb, options->color);
  verb->callback([options, &exit_code] { exit_code = run_lint(*options); });
}

}  // namespace redflag::cli
