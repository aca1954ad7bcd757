// `redflag diff OLD NEW`: what a change to a KB does, in structure and in behaviour.
#include <CLI/CLI.hpp>

#include <memory>

#include "cli/choice_option.hpp"
#include "cli/diagnostics_output.hpp"
#include "cli/standard_output.hpp"
#include "cli/verbs.hpp"
#include "tools/diff/diff_report.hpp"
#include "tools/kb/kb_revision.hpp"

namespace redflag::cli {
namespace {

enum class DiffFormat { Text, Json, Markdown };

// Exit codes beyond 0 (no gate failed) and 1 (a KB or usage error), as docs/cli.md lists them.
constexpr int kExitBehaviourChanged = 3;
constexpr int kExitVersionTooLow = 4;

struct DiffOptions {
  std::string old_kb, new_kb;
  DiffFormat format = DiffFormat::Text;
  bool fail_on_change = false;
  bool check_version = false;
  std::size_t max_cases = 20;
  DiagnosticsStyle diagnostics;
};

int run_diff(const DiffOptions& options) {
  const auto old_kb = tools::load_kb_revision(options.old_kb);
  if (!report_load(old_kb, options.diagnostics)) return 1;
  const auto new_kb = tools::load_kb_revision(options.new_kb);
  if (!report_load(new_kb, options.diagnostics)) return 1;
  const auto report = tools::diff_kbs(*old_kb.image, *new_kb.image, options.max_cases);
  switch (options.format) {
    case DiffFormat::Text: print_output(render_diff_text(report)); break;
    case DiffFormat::Json: print_output(render_diff_json(report)); break;
    case DiffFormat::Markdown: print_output(render_diff_markdown(report)); break;
  }
  if (options.check_version && !report.version.sufficient()) return kExitVersionTooLow;
  if (options.fail_on_change && !report.behaviour.changes.empty()) return kExitBehaviourChanged;
  return 0;
}

}  // namespace

void add_diff_verb(CLI::App& root, int& exit_code) {
  auto options = std::make_shared<DiffOptions>();
  auto* verb = root.add_subcommand("diff", "Compare two versions of a KB: structure, behaviour and version bump");
  verb->footer(
      "OLD and NEW are .rfb files, KB sources (a file or directory), or REV:PATH for PATH at a git\n"
      "revision of the enclosing checkout (HEAD~1:kb/back_pain). Exit 0, or 1 when a KB cannot be\n"
      "loaded or the command line is wrong, 3 with --fail-on-change when some case's behaviour\n"
      "changed, 4 with --check-version when the version bump is too small (4 wins over 3).");
  verb->add_option("OLD", options->old_kb, "The old version")->required();
  verb->add_option("NEW", options->new_kb, "The new version")->required();
  add_choice_option(*verb, "--format", options->format, "Output format: text, json or markdown",
                    std::vector<std::pair<std::string, DiffFormat>>{
                        {"text", DiffFormat::Text}, {"json", DiffFormat::Json}, {"markdown", DiffFormat::Markdown}});
  verb->add_flag("--fail-on-change", options->fail_on_change, "Exit 3 when any case's behaviour changed");
  verb->add_flag("--check-version", options->check_version, "Exit 4 when the version bump is smaller than needed");
  verb->add_option("--max-cases", options->max_cases, "Changed cases to list, smallest first (0: all; default 20)")
      ->type_name("N");
  add_diagnostics_options(*verb, options->diagnostics);
  verb->callback([options, &exit_code] { exit_code = run_diff(*options); });
}

}  // namespace redflag::cli
