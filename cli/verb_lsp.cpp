// `redflag lsp [--stdio]`: the language server over stdin and stdout (docs/editors.md).
//
// Everything is tools/lsp/; this file reads the options and picks today's date for the
// `review-overdue` lint: `--today`, else REDFLAG_TODAY, else the system clock, as `lint` does.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <string>

#include "cli/today.hpp"
#include "cli/verbs.hpp"
#include "tools/lint/lint_run.hpp"
#include "tools/lsp/serve.hpp"

namespace redflag::cli {
namespace {

struct LspOptions {
  bool stdio = false;
  std::string today;
  int debounce_ms = 150;
};

int run_lsp(const LspOptions& options) {
  lsp::ServeOptions serve;
  serve.debounce_ms = options.debounce_ms;
  serve.server.today = !options.today.empty() ? options.today : today_from_environment();
  if (!tools::is_date(serve.server.today)) {
    std::fprintf(stderr, "error: today is `%s`; write a date as YYYY-MM-DD\n", serve.server.today.c_str());
    return 1;
  }
  lsp::FdSource input(0);
  return lsp::serve(input, [](std::string_view bytes) {
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
    std::fflush(stdout);
  }, serve);
}

}  // namespace

void add_lsp_verb(CLI::App& root, int& exit_code) {
  auto options = std::make_shared<LspOptions>();
  auto* verb = root.add_subcommand("lsp", "Run the language server on stdin and stdout");
  verb->footer(
      "Speaks the Language Server Protocol 3.17 over stdio for editors (docs/editors.md).\n"
      "Exit 0 after `shutdown` and `exit`, 1 when the input ends or `exit` comes first.");
  verb->add_flag("--stdio", options->stdio, "Use stdin and stdout (the only transport; editors pass it)");
  verb->add_option("--today", options->today,
                   "Today's date as YYYY-MM-DD for `review-overdue` (default: $REDFLAG_TODAY, else the system clock)")
      ->type_name("DATE");
  verb->add_option("--debounce", options->debounce_ms, "Milliseconds of quiet before diagnostics are published (0-10000, default 150)")
      ->type_name("MS")
      ->check(CLI::Range(0, 10000));
  verb->callback([options, &exit_code] { exit_code = run_lsp(*options); });
}

}  // namespace redflag::cli
