// The compiler's façade: KB sources in; the checked AST, every diagnostic and, when there are no
// errors, the `.rfb` bytes and the Image the runtime's loader verified from them. Prints nothing.
//
// compile runs the front end (frontend.hpp), code generation (codegen/codegen.hpp), the writer
// (runtime/bytecode_writer.hpp) and then the loader on the bytes it just wrote: compiled sources
// pass the same verifier as a file read from disk (cel-cpp's compiler/compiler.h plays this role).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/frontend.hpp"
#include "runtime/image.hpp"

namespace redflag {

struct CompileResult {
  FrontendResult frontend;          // the checked AST, the files and their diagnostics
  std::vector<std::uint8_t> bytes;  // the `.rfb`; empty unless image is set
  std::optional<Image> image;       // set when the sources had no errors and the bytes verified
  // Set when the compiler wrote bytecode that its own loader refused (a compiler bug, never the
  // author's): `bad bytecode (...)`.
  std::string internal_error;

  bool ok() const { return image.has_value(); }
};

// Generates, writes and verifies the bytecode of [checked] (the front end's result).
CompileResult compile(FrontendResult checked);

// Compiles the KB made of [paths] (files or directories, as check_paths reads them).
CompileResult compile_paths(const std::vector<std::string>& paths);

// Compiles the KB made of [files], sources already in memory, in their order.
CompileResult compile_sources(std::vector<SourceFile> files);

}  // namespace redflag
