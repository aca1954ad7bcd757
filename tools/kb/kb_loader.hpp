// Where every front end gets its KB from, and the one function that picks "bytecode or sources".
//
// A KB is named by paths on disk (one `.rfb` file, or `.rf` files and directories) or held in
// memory (a git revision's files, an editor's buffers). open_kb decides: exactly one file whose
// name ends in `.rfb` (any letter case), or whose first byte is the magic's 0x89 (which no UTF-8
// source starts with), is loaded and verified as bytecode, so a damaged, cut or empty `.rfb`
// gets `bad bytecode (...)`; anything else is compiled (compiler/compiler.hpp), and compiled
// sources go through the same loader and verifier. Nothing is printed: what went wrong comes back as data, source
// diagnostics in LoadedKb::compiled and any other failure as one LoadError.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/compiler.hpp"
#include "compiler/source_file.hpp"
#include "runtime/image.hpp"

namespace redflag::tools {

// What names a KB: [paths] on disk, or [files] already in memory (then [paths] is ignored).
struct KbSource {
  std::vector<std::string> paths;
  std::optional<std::vector<SourceFile>> files;
  std::string name;  // how errors name the KB when it is in memory (`HEAD~1:kb/back_pain`)
};

// Why a KB could not be used, other than its source diagnostics.
struct LoadError {
  enum class Kind {
    Input,     // unreadable or bad bytecode, an unknown revision: the user's to fix
    Internal,  // the compiler wrote bytecode its own loader refused: a bug to report
  };
  Kind kind = Kind::Input;
  std::string message;  // one line, naming the file or revision: `kb.rfb: bad bytecode (...)`
};

struct LoadedKb {
  std::optional<Image> image;              // the verified KB; empty when it cannot be used
  std::optional<FrontendResult> frontend;  // from sources: the checked AST, files, diagnostics
  std::vector<std::uint8_t> bytes;         // from sources: the `.rfb` the image was loaded from
  std::optional<LoadError> error;          // why image is empty, when not for source diagnostics

  bool ok() const { return image.has_value(); }
};

// Loads [source], deciding bytecode or sources.
LoadedKb open_kb(KbSource source);

// open_kb of the KB on disk at [paths].
LoadedKb load_kb(const std::vector<std::string>& paths);

// Compiles the sources at [paths], never taking them for bytecode: for the verbs that need the
// checked AST as well (build, test, doc). LoadedKb::frontend is always set.
LoadedKb compile_kb(const std::vector<std::string>& paths);

}  // namespace redflag::tools
