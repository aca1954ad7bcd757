// The precondition of format_source (format_source.hpp), one file at a time: read every file
// that paths name and parse each as a KB of its own, so that one file of a multi-file KB can be
// formatted. Names and types are not checked: a single file of a KB cannot be.
#pragma once

#include <string>
#include <vector>

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/source_file.hpp"

namespace redflag {

struct ParsedFiles {
  std::vector<SourceFile> files;  // every file [paths] name, in order (diagnostics index them)
  std::vector<bool> parsed;       // parsed[i]: file i parsed without errors and can be formatted
  std::vector<Diagnostic> diagnostics;
};

// Reads and parses every file [paths] name (`.rf` files, or directories of them).
ParsedFiles read_and_parse(const std::vector<std::string>& paths);

}  // namespace redflag
