// `redflag fmt PATH... [--check | --diff]`: rewrite sources in canonical layout (docs/fmt.md).
//
// Each file is parsed on its own (so one file of a multi-file KB can be formatted) and
// formatted only when it parses without errors; names and types are not checked, since a single
// file of a KB cannot be. Files are rewritten atomically, and only when their text changes.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "compiler/cli/atomic_file.hpp"
#include "compiler/cli/kb_input.hpp"
#include "compiler/cli/verbs.hpp"
#include "compiler/diagnostic_render.hpp"
#include "compiler/format.hpp"
#include "compiler/line_diff.hpp"
#include "compiler/parse.hpp"
#include "compiler/source_file.hpp"

namespace redflag::cli {
namespace {

enum class FmtMode { Write, Check, Diff };

struct FmtOptions {
  std::vector<std::string> paths;
  bool check = false;
  bool diff = false;
  DiagnosticsFormat diagnostics_format = DiagnosticsFormat::Text;
};

// Reads and parses every file [paths] name, each as a KB of its own; returns the files and
// reports problems in [diagnostics]. `parsed[i]` says whether file i can be formatted.
std::vector<SourceFile> read_and_parse(const std::vector<std::string>& paths,
                                       std::vector<bool>& parsed, Diagnostics& diagnostics) {
  std::vector<SourceFile> files;
  const auto readable = expand_paths(paths, files, diagnostics);
  parsed.assign(files.size(), false);
  for (const std::uint32_t file_id : readable) {
    if (!read_source(files[file_id], file_id, diagnostics)) continue;
    ast::Kb kb;  // fresh per file: two files may both hold a `kb` header
    for (const auto& file : files) kb.files.push_back(file.path);
    const std::size_t errors_before = diagnostics.error_count();
    parse_source(files[file_id], file_id, kb, diagnostics);
    parsed[file_id] = diagnostics.error_count() == errors_before;
  }
  return files;
}

int run_fmt(const FmtOptions& options) {
  const FmtMode mode = options.check ? FmtMode::Check : options.diff ? FmtMode::Diff : FmtMode::Write;
  Diagnostics diagnostics;
  std::vector<bool> parsed;
  const std::vector<SourceFile> files = read_and_parse(options.paths, parsed, diagnostics);
  int status = diagnostics.error_count() > 0 ? 1 : 0;
  if (!diagnostics.items().empty()) {
    const auto text = options.diagnostics_format == DiagnosticsFormat::Json
                          ? render_json(diagnostics.items(), files)
                          : render_text(diagnostics.items(), files) + "\n" +
                                render_summary(diagnostics.items(), files);
    std::fputs(text.c_str(), stderr);
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!parsed[i]) continue;
    const SourceFile& file = files[i];
    const std::string formatted = format_source(file.text);
    if (formatted == file.text) continue;
    if (mode == FmtMode::Check) {
      fmt::print("{}\n", file.path);
      status = 1;
    } else if (mode == FmtMode::Diff) {
      fmt::print("{}", unified_diff(file.text, formatted, "a/" + file.path, "b/" + file.path));
      status = 1;
    } else if (const auto error = write_file_atomically(file.path, formatted); !error.empty()) {
      fmt::print(stderr, "error: {}\n", error);
      status = 1;
    } else {
      fmt::print("formatted {}\n", file.path);
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
  add_diagnostics_format_option(*verb, options->diagnostics_format);
  verb->callback([options, &exit_code] { exit_code = run_fmt(*options); });
}

}  // namespace redflag::cli
