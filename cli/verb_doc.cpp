// `redflag doc PATH... -o FILE [--format markdown|html]`: the KB's handbook for clinicians
// (compiler/doc/handbook.hpp), written atomically, or to standard output with `-o -`.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>

#include "cli/choice_option.hpp"
#include "cli/diagnostics_output.hpp"
#include "cli/output_target.hpp"
#include "cli/standard_output.hpp"
#include "cli/verbs.hpp"
#include "compiler/doc/handbook.hpp"
#include "tools/kb/kb_loader.hpp"

namespace redflag::cli {
namespace {

struct DocOptions {
  std::vector<std::string> paths;
  std::string output;
  std::string format;  // "" (from the output's name), "markdown" or "html"
  DiagnosticsStyle diagnostics;
};

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

int run_doc(const DocOptions& options) {
  const auto kb = tools::compile_kb(options.paths);
  if (!report_load(kb, options.diagnostics)) return 1;
  const bool html_name = ends_with(options.output, ".html") || ends_with(options.output, ".htm");
  const bool html = options.format.empty() ? html_name : options.format == "html";
  const HandbookFormat format = html ? HandbookFormat::Html : HandbookFormat::Markdown;
  const std::string handbook = render_handbook(kb.frontend->kb, format);
  if (const auto error = write_output(options.output, handbook, kb.frontend->files); !error.empty()) {
    print_error(error);
    return 1;
  }
  if (is_standard_output(options.output)) return 0;
  print_output(fmt::format("wrote the handbook of {} {} -> {} ({}, {} bytes)\n", kb.image->meta.id,
                           kb.image->meta.version, options.output,
                           format == HandbookFormat::Html ? "html" : "markdown", handbook.size()));
  return 0;
}

}  // namespace

void add_doc_verb(CLI::App& root, int& exit_code) {
  auto options = std::make_shared<DocOptions>();
  auto* verb = root.add_subcommand("doc", "Write a KB's handbook for clinicians (Markdown or HTML)");
  verb->footer(
      "The handbook lists the KB's metadata, every flag with its condition in plain language,\n"
      "rationale, advice and citations, every topic, the facts, and a diagram of facts, flags\n"
      "and urgency levels. The format is --format, else html when FILE ends in .html or .htm,\n"
      "else markdown. `-o -` writes to standard output. Exit 0 when written, 1 on errors.");
  verb->add_option("PATH", options->paths, "KB source files or directories")->required();
  verb->add_option("-o,--output", options->output, "Where to write the handbook (`-` for stdout)")
      ->type_name("FILE")
      ->required();
  add_choice_option(*verb, "--format", options->format, "Handbook format: markdown or html",
                    std::vector<std::pair<std::string, std::string>>{{"markdown", "markdown"}, {"html", "html"}});
  add_diagnostics_options(*verb, options->diagnostics);
  verb->callback([options, &exit_code] { exit_code = run_doc(*options); });
}

}  // namespace redflag::cli
