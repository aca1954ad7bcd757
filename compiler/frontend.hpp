// The compiler front end: from paths to a checked AST and its diagnostics.
//
// check_paths reads the sources, parses them (reporting every syntax error of every file and
// dropping each broken declaration), then, when every file could be read, resolves names and
// checks types and units in the declarations that parsed, in the same pass, annotating the
// AST as compiler/ast.hpp describes for code generation. It never throws for bad input and never
// prints: a front end renders FrontendResult::diagnostics with
// compiler/diagnostics/diagnostic_render.hpp (the CLI through cli/diagnostics_output.hpp).
// compiler/compiler.hpp goes on from here to bytecode.
#pragma once

#include <string>
#include <vector>

#include "compiler/ast.hpp"
#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/source_file.hpp"

namespace redflag {

// What the front end made of a KB. `files[i]` is file id i of every SourceLoc, and kb.files
// holds the same paths. `kb` is complete and annotated only when !has_errors().
struct FrontendResult {
  ast::Kb kb;
  std::vector<SourceFile> files;
  std::vector<Diagnostic> diagnostics;
  bool has_errors() const;
};

// Reads and checks the KB made of [paths]: `.rf` files or directories (all `*.rf` inside, recursively,
// sorted by path for determinism).
FrontendResult check_paths(const std::vector<std::string>& paths);

// Checks a KB whose sources are already in memory (tests, editors); [files] keep their order.
FrontendResult check_sources(std::vector<SourceFile> files);

}  // namespace redflag
