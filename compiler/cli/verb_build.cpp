// `redflag build PATH... -o FILE`: compile sources into a verified `.rfb`, written atomically.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>

#include "compiler/cli/atomic_file.hpp"
#include "compiler/cli/kb_input.hpp"
#include "compiler/cli/verbs.hpp"
#include "runtime/sha256.hpp"

namespace redflag::cli {
namespace {

struct BuildOptions {
  std::vector<std::string> paths;
  std::string output;
  DiagnosticsFormat diagnostics_format = DiagnosticsFormat::Text;
};

int run_build(const BuildOptions& options) {
  const auto compiled = compile_kb(options.paths, options.diagnostics_format);
  if (!compiled) return 1;
  const auto* bytes = &compiled->bytes;
  const std::string_view contents(reinterpret_cast<const char*>(bytes->data()), bytes->size());
  if (const auto error = write_file_atomically(options.output, contents); !error.empty()) {
    fmt::print(stderr, "error: {}\n", error);
    return 1;
  }
  const Image& image = compiled->image;
  fmt::print("built {} {} -> {} ({} bytes, {} flags, {} facts)\nhash {}\n", image.meta.id,
             image.meta.version, options.output, bytes->size(), image.flags.size(),
             image.facts.size(), to_hex(image.content_hash));
  return 0;
}

}  // namespace

void add_build_verb(CLI::App& root, int& exit_code) {
  auto options = std::make_shared<BuildOptions>();
  auto* verb = root.add_subcommand("build", "Compile a KB into verified bytecode (.rfb)");
  verb->footer(
      "The output is written to a temporary file and renamed, so a failed build never leaves\n"
      "a half-written file. Exit 0 when built, 1 on errors.");
  verb->add_option("PATH", options->paths, "KB source files or directories")->required();
  verb->add_option("-o,--output", options->output, "Where to write the .rfb file")->required();
  add_diagnostics_format_option(*verb, options->diagnostics_format);
  verb->callback([options, &exit_code] { exit_code = run_build(*options); });
}

}  // namespace redflag::cli
