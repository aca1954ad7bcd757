// `redflag fmt PATH... [--check | --diff]`: rewrite sources in canonical layout (docs/fmt.md).
//
// Each file is parsed on its own (so one file of a multi-file KB can be formatted) and
// formatted only when it parses without errors; names and types are not checked, since a single
// file of a KB cannot be. Files are rewritten atomically, and only when their text changes: a
// symbolic link's target is written, mode and owner are kept, and a file that changed while fmt
// ran is left alone with an error (output_target.hpp).
#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "cli/diagnostics_output.hpp"
#include "cli/output_target.hpp"
#include "cli/standard_output.hpp"
#include "cli/verbs.hpp"
#include "compiler/fmt/format_file.hpp"
#include "compiler/fmt/format_source.hpp"
#include "compiler/fmt/line_diff.hpp"

namespace redflag::cli {
namespace {

enum class FmtMode { Write, Check, Diff };

struct FmtOptions {
  std::vector<std::string> paths;
  bool check = false;
  bool diff = false;
  DiagnosticsStyle diagnostics;
};

int run_fmt(const FmtOptions& options) {
  const FmtMode mode = options.check ? FmtMode::Check : options.diff ? FmtMode::Diff : FmtMode::Write;
  const ParsedFiles read = read_and_parse(options.paths);
  const auto& files = read.files;
  int status = 0;
  for (const auto& diagnostic : read.diagnostics) status = diagnostic.severity == Severity::Error ? 1 : status;
  print_diagnostics(read.diagnostics, files, options.diagnostics);
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!read.parsed[i]) continue;
    const SourceFile& file = files[i];
    const std::string formatted = format_source(file.text);
    if (formatted == file.text) continue;
    if (mode == FmtMode::Check) {
      print_output(file.path + "\n");
      status = 1;
    } else if (mode == FmtMode::Diff) {
      print_output(unified_diff(file.text, formatted, "a/" + file.path, "b/" + file.path));
      status = 1;
    } else if (const auto error = rewrite_source(file, formatted); !error.empty()) {
      print_error(error);
      status = 1;
    } else {
      print_output("formatted " + file.path + "\n");
    }
  }
  return status;
}

}  // namespace

void add_fmt_verb(CLI::App& root, int& exit_code) {
  auto options = std::make_shared<FmtOptions>();
  auto* verb = root.add_subcommand("fmt", "Rewrite KB sources in the canonical layout");
  verb->footer(
      "Each file is rewritten atomically when its layout changes; a file with syntax errors is\n"
      "reported and left alone. --check and --diff write nothing. Exit 0 when every file was\n"
      "already formatted or has been rewritten, 1 on errors or (with --check or --diff) when\n"
      "some file is not formatted.");
  verb->add_option("PATH", options->paths, "`.rf` files or directories (every `*.rf` below them)")
      ->required();
  auto* check = verb->add_flag("--check", options->check,
                               "Print the files that are not formatted; write nothing");
  verb->add_flag("--diff", options->diff, "Print a unified diff of the changes; write nothing")
      ->excludes(check);
  add_diagnostics_options(*verb, options->diagnostics);
  verb->callback([options, &exit_code] { exit_code = run_fmt(*options); });
}

}  // namespace redflag::cli
