// `redflag check PATH...`: loads a KB through the front end and reports its diagnostics.
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/diagnostics_output.hpp"
#include "cli/output_target.hpp"
#include "cli/standard_output.hpp"
#include "cli/verbs.hpp"
#include "compiler/frontend.hpp"

namespace redflag::cli {

void add_check_verb(CLI::App& root, int& exit_code) {
  struct Options {
    std::vector<std::string> paths;
    DiagnosticsStyle diagnostics;
    bool fix = false;
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
  verb->add_flag("--fix", options->fix,
                 "Apply the diagnostics' fixes (their `fix:` lines) to the files, each rewritten atomically; print "
                 "`fixed N problems in FILE`, then check again and report what remains");
  verb->callback([options, &exit_code] {
    FrontendResult result = check_paths(options->paths);
    bool write_failed = false;
    if (options->fix) {
      bool fixed = false;
      for (std::uint32_t file_id = 0; file_id < result.files.size(); ++file_id) {
        const auto fixes = fixes_in_file(result.diagnostics, file_id);
        if (fixes.empty()) continue;
        std::size_t skipped = 0;
        const SourceFile& file = result.files[file_id];
        const std::string text = apply_fixes(file.text, file_id, fixes, &skipped);
        if (const auto error = rewrite_source(file, text); !error.empty()) {
          print_error(error);
          write_failed = true;
          continue;
        }
        print_output(fmt::format("fixed {} problem{} in {}\n", fixes.size() - skipped,
                                 fixes.size() - skipped == 1 ? "" : "s", file.path));
        fixed = true;
      }
      if (fixed) result = check_paths(options->paths);
    }
    print_diagnostics(result.diagnostics, result.files, options->diagnostics);
    exit_code = result.has_errors() || write_failed ? 1 : 0;
  });
}

}  // namespace redflag::cli
