// `redflag show KB NAME`: print one flag, topic, score, fact or define with all of its content.
#include <CLI/CLI.hpp>

#include <memory>

#include "cli/diagnostics_output.hpp"
#include "cli/standard_output.hpp"
#include "cli/verbs.hpp"
#include "tools/kb/kb_item_text.hpp"
#include "tools/kb/kb_loader.hpp"

namespace redflag::cli {
namespace {

struct ShowOptions {
  std::string kb;
  std::string name;
  DiagnosticsStyle diagnostics;
};

int run_show(const ShowOptions& options) {
  const auto kb = tools::load_kb({options.kb});
  if (!report_load(kb, options.diagnostics)) return 1;
  const FrontendResult* sources = kb.frontend ? &*kb.frontend : nullptr;
  if (const auto text = tools::describe_item(*kb.image, options.name, sources)) {
    print_output(*text);
    return 0;
  }
  print_error(tools::unknown_item_message(*kb.image, options.name));
  return 1;
}

}  // namespace

void add_show_verb(CLI::App& root, int& exit_code) {
  auto options = std::make_shared<ShowOptions>();
  auto* verb = root.add_subcommand("show", "Print a flag, topic, score, fact or define of a KB with its content");
  verb->footer("Exit 0 when NAME was found, 1 otherwise (with the nearest names suggested).");
  verb->add_option("KB", options->kb, "A .rfb file, or a KB source directory or file")->required();
  verb->add_option("NAME", options->name, "The id of a flag, topic, score, fact or define")->required();
  add_diagnostics_options(*verb, options->diagnostics);
  verb->callback([options, &exit_code] { exit_code = run_show(*options); });
}

}  // namespace redflag::cli
