// Where every verb gets its KB from: the one function that picks "bytecode or sources".
//
// A path naming a file that starts with the `.rfb` magic is loaded and verified as bytecode;
// anything else is compiled from sources (files or directories of `.rf`). Compiled sources go
// through write_image and the loader too, so a KB evaluated from sources is verified exactly
// like one loaded from a file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/frontend.hpp"
#include "runtime/image.hpp"

namespace CLI {
class App;
}

namespace redflag::cli {

enum class DiagnosticsFormat { Text, Json };

// Adds `--diagnostics-format text|json` to [verb], stored in [format].
void add_diagnostics_format_option(CLI::App& verb, DiagnosticsFormat& format);

// A KB compiled from sources: the checked AST (for verbs that need conditions' text or
// coverage), the `.rfb` bytes, and the Image the loader verified from those bytes.
struct CompiledKb {
  FrontendResult frontend;
  std::vector<std::uint8_t> bytes;
  Image image;
};

// Compiles the sources [paths]; prints diagnostics to stderr in [format] and returns nullopt
// when there are errors.
std::optional<CompiledKb> compile_kb(const std::vector<std::string>& paths, DiagnosticsFormat format);

// compile_kb for sources the front end already read: [frontend_result] (load_sources, for
// sources held in memory such as a git revision's).
std::optional<CompiledKb> compile_frontend(FrontendResult frontend_result, DiagnosticsFormat format);

// Loads [paths] (one .rfb file, or source paths) into a verified Image; prints diagnostics or
// the load error to stderr in [format] and returns nullopt when the KB cannot be used.
std::optional<Image> load_kb_input(const std::vector<std::string>& paths, DiagnosticsFormat format);

// True when the file at [path] starts with the `.rfb` magic.
bool is_bytecode_file(const std::string& path);

}  // namespace redflag::cli
