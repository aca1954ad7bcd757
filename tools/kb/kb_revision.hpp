// A KB argument that may name a git revision: `redflag diff HEAD~1:kb/back_pain kb/back_pain`.
//
// An argument that exists on disk is loaded as every front end loads a KB (kb_loader.hpp).
// Otherwise `REV:PATH` names PATH (relative to the top of the enclosing git checkout, as in
// `git show REV:PATH`) at revision REV: its files are read with `git cat-file` into memory
// (nothing is written to disk) and handed to open_kb, which compiles them or, when PATH is one
// `.rfb` file, loads them as bytecode. git runs as a child process with an argument vector,
// never through a shell.
#pragma once

#include <string>

#include "tools/kb/kb_loader.hpp"

namespace redflag::tools {

// Loads [argument], a path or `REV:PATH`; why it cannot be used comes back in the result.
LoadedKb load_kb_revision(const std::string& argument);

}  // namespace redflag::tools
