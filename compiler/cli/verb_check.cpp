// `redflag check PATH...`: loads a KB through the front end and reports its diagnostics.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "compiler/cli/verbs.hpp"
#include "compiler/diagnostic_render.hpp"
#include "compiler/frontend.hpp"

namespace redflag::cli {

void add_check_verb(CLI::App& root, int& exit_code) {
  struct Options {
    std::vector<std::string> paths;
    std::string format = "text";
    bool color = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* verb = root.add_subcommand(
      "check",
      "Check a KB for errors (syntax, names, types and units) without compiling it.\n"
      "Diagnostics go to stderr, followed in text format by a summary line such as\n"
      "`error: 3 errors in kb/x.rf`; a clean KB prints nothing. Exit status: 0 when the KB\n"
      "has no errors, 1 when it has some (or on a usage error).");
  verb->add_option("PATH", options->paths,
                   "`.rf` files or directories (every `*.rf` below them) forming one KB")
      ->required();
  verb->add_option("--diagnostics-format", options->format,
                   "`text` (for people, default) or `json` (an array of objects with code, "
                   "severity, file, line, column, end_column, message, help)")
      ->check(CLI::IsMember({"text", "json"}));
  verb->add_flag("--color", options->color, "colour text diagnostics with ANSI escapes");
  verb->callback([options, &exit_code] {
    const FrontendResult result = load_kb(options->paths);
    std::string out;
    if (options->format == "json") {
      out = render_json(result.diagnostics, result.files);
    } else if (!result.diagnostics.empty()) {
      out = render_text(result.diagnostics, result.files, RenderOptions{options->color}) + "\n" +
            render_summary(result.diagnostics, result.files);
    }
    std::fputs(out.c_str(), stderr);
    exit_code = result.has_errors() ? 1 : 0;
  });
}

}  // namespace redflag::cli
