// `redflag disasm KB`: a readable listing of a KB's bytecode, with names resolved.
#include <CLI/CLI.hpp>

#include <memory>

#include "cli/diagnostics_output.hpp"
#include "cli/standard_output.hpp"
#include "cli/verbs.hpp"
#include "runtime/disasm.hpp"
#include "tools/kb/kb_loader.hpp"

namespace redflag::cli {
namespace {

struct DisasmOptions {
  std::vector<std::string> paths;
  DiagnosticsStyle diagnostics;
};

int run_disasm(const DisasmOptions& options) {
  const auto kb = tools::load_kb(options.paths);
  if (!report_load(kb, options.diagnostics)) return 1;
  print_output(disassemble(*kb.image));
  return 0;
}

}  // namespace

void add_disasm_verb(CLI::App& root, int& exit_code) {
  auto options = std::make_shared<DisasmOptions>();
  auto* verb = root.add_subcommand("disasm", "Print a KB's bytecode as a readable listing");
  verb->footer("KB is a .rfb file, or sources compiled on the fly. Exit 0, or 1 when the KB is bad.");
  verb->add_option("KB", options->paths, "A .rfb file, or KB source files or directories")->required();
  add_diagnostics_options(*verb, options->diagnostics);
  verb->callback([options, &exit_code] { exit_code = run_disasm(*options); });
}

}  // namespace redflag::cli
