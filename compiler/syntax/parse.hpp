// Parsing one KB source file into the shared ast::Kb.
//
// The parser appends the file's declarations to [kb] in source order and reports every syntax
// error it finds, resuming at the next declaration after each one (so a partial declaration may
// be left in the tree: run the later phases only when parsing reported no errors).
#pragma once

#include <cstdint>

#include "compiler/ast.hpp"
#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/source_file.hpp"

namespace redflag {

// Parses [file] (already checked by check_text) as file [file_id] of [kb].
void parse_source(const SourceFile& file, std::uint32_t file_id, ast::Kb& kb,
                  Diagnostics& diagnostics);

}  // namespace redflag
