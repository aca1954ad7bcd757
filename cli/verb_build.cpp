// `redflag build PATH... -o FILE`: compile sources into a verified `.rfb`, written atomically
// (or to standard output with `-o -`, then without the status line).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>

#include "cli/diagnostics_output.hpp"
#include "cli/output_target.hpp"
#include "cli/standard_output.hpp"
#include "cli/verbs.hpp"
#include "runtime/sha256.hpp"
#include "tools/kb/kb_loader.hpp"

namespace redflag::cli {
namespace {

struct BuildOptions {
  std::vector<std::string> paths;
  std::string output;
  DiagnosticsStyle diagnostics;
};

int run_build(const BuildOptions& options) {
  const auto kb = tools::compile_kb(options.paths);
  if (!report_load(kb, options.diagnostics)) return 1;
  const auto* bytes = &kb.bytes;
  const std::string_view contents(reinterpret_cast<const char*>(bytes->data()), bytes->size());
  if (const auto error = write_output(options.output, contents, kb.frontend->files); !error.empty()) {
    print_error(error);
    return 1;
  }
  if (is_standard_output(options.output)) return 0;
  const Image& image = *kb.image;
  print_output(fmt::format("built {} {} -> {} ({} bytes, {} flags, {} facts)\nhash {}\n", image.meta.id,
                           image.meta.version, options.output, bytes->size(), image.flags.size(),
                           image.facts.size(), to_hex(image.content_hash)));
  return 0;
}

}  // namespace

void add_build_verb(CLI::App& root, int& exit_code) {
  auto options = std::make_shared<BuildOptions>();
  auto* verb = root.add_subcommand("build", "Compile a KB into verified bytecode (.rfb)");
  verb->footer(
      "The output is written to a temporary file and renamed, so a failed build never leaves\n"
      "a half-written file; `-o -` writes to standard output. Exit 0 when built, 1 on errors.");
  verb->add_option("PATH", options->paths, "KB source files or directories")->required();
  verb->add_option("-o,--output", options->output, "Where to write the .rfb file (`-` for stdout)")
      ->type_name("FILE")
      ->required();
  add_diagnostics_options(*verb, options->diagnostics);
  verb->callback([options, &exit_code] { exit_code = run_build(*options); });
}

}  // namespace redflag::cli
