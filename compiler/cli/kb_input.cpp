#include "compiler/cli/kb_input.hpp"

#include "compiler/cli/choice_option.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "compiler/codegen.hpp"
#include "compiler/diagnostic_render.hpp"
#include "compiler/frontend.hpp"
#include "runtime/bytecode_writer.hpp"
#include "runtime/format.hpp"
#include "runtime/loader.hpp"

namespace redflag::cli {

void add_diagnostics_format_option(CLI::App& verb, DiagnosticsFormat& format) {
  add_choice_option(verb, "--diagnostics-format", format, "How to print diagnostics: text or json",
                    std::vector<std::pair<std::string, DiagnosticsFormat>>{
                        {"text", DiagnosticsFormat::Text}, {"json", DiagnosticsFormat::Json}});
}

bool is_bytecode_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  char head[kMagic.size()] = {};
  if (!file.read(head, sizeof head)) return false;
  return std::equal(kMagic.begin(), kMagic.end(), reinterpret_cast<const unsigned char*>(head));
}

std::optional<CompiledKb> compile_kb(const std::vector<std::string>& paths, DiagnosticsFormat format) {
  return compile_frontend(load_kb(paths), format);
}

std::optional<CompiledKb> compile_frontend(FrontendResult frontend_result, DiagnosticsFormat format) {
  CompiledKb compiled{std::move(frontend_result), {}, {}};
  const auto& frontend = compiled.frontend;
  if (!frontend.diagnostics.empty()) {
    const auto text = format == DiagnosticsFormat::Json
                          ? render_json(frontend.diagnostics, frontend.files)
                          : render_text(frontend.diagnostics, frontend.files);
    std::fputs(text.c_str(), stderr);
  }
  if (frontend.has_errors()) return std::nullopt;
  compiled.bytes = write_image(generate_image(frontend.kb));
  // Compiled sources pass the same loader and verifier as a file would.
  auto loaded = load_image(compiled.bytes.data(), compiled.bytes.size());
  if (!loaded.ok()) {
    std::fprintf(stderr, "internal error: the compiler produced %s\n", loaded.error.c_str());
    return std::nullopt;
  }
  compiled.image = std::move(*loaded.image);
  return compiled;
}

std::optional<Image> load_kb_input(const std::vector<std::string>& paths, DiagnosticsFormat format) {
  if (paths.size() == 1 && is_bytecode_file(paths[0])) {
    auto loaded = load_file(paths[0]);
    if (!loaded.ok()) {
      // A read failure names the path already; a bad file is named here.
      const bool names_path = loaded.error.rfind("bad bytecode", 0) != 0;
      std::fprintf(stderr, "error: %s%s%s\n", names_path ? "" : paths[0].c_str(),
                   names_path ? "" : ": ", loaded.error.c_str());
      return std::nullopt;
    }
    return std::move(loaded.image);
  }
  auto compiled = compile_kb(paths, format);
  if (!compiled) return std::nullopt;
  return std::move(compiled->image);
}

}  // namespace redflag::cli
