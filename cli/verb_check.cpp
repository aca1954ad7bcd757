// `redflag check PATH...`: loads a KB through the front end and reports its diagnostics.
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/diagnostics_output.hpp"
#include "cli/verbs.hpp"
#include "compiler/frontend.hpp"

namespace redflag::cli {

void add_check_verb(CLI::App& root, int& exit_code) {
  struct Options {
    std::vector<std::string> paths;
    DiagnosticsStyle diagnostics;
  };
  auto options = std::make_shared<Options>();
  CLI::App* verb =
      root.add_subcommand("check", "Check a KB for errors (syntax, names, types and units) without compiling it");
  verb->footer(
      "Diagnostics go to stderr, followed in text format by a summary line such as\n"
      "`error: 3 errors in kb/x.rf`; a clean KB prints nothing. Exit status: 0 when the KB\n"
      "has no errors, 1 when it has some (or on a usage error).");
  verb->add_option("PATH", options->paths,
                   "`.rf` files or directories (every `*.rf` below them) forming one KB")
      ->required();
  add_diagnostics_options(*verb, options->diagnostics);
  verb->callback([options, &exit_code] {
    const FrontendResult result = check_paths(options->paths);
    print_diagnostics(result.diagnostics, result.files, options->diagnostics);
    exit_code = result.has_errors() ? 1 : 0;
  });
}

}  // namespace redflag::cli
