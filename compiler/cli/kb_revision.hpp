// A KB argument that may name a git revision: `redflag diff HEAD~1:kb/back_pain kb/back_pain`.
//
// An argument that exists on disk is loaded as every verb loads a KB (kb_input.hpp). Otherwise
// `REV:PATH` names PATH (relative to the top of the enclosing git checkout, as in
// `git show REV:PATH`) at revision REV: its files are read with `git cat-file` into memory
// (nothing is written to disk) and compiled from there, or loaded as bytecode when PATH is
// one `.rfb` file. git runs as a child process with an argument vector, never through a shell.
#pragma once

#include <optional>
#include <string>

#include "compiler/cli/kb_input.hpp"
#include "runtime/image.hpp"

namespace redflag::cli {

// Loads [argument] into a verified Image; prints why not to stderr and returns nullopt.
std::optional<Image> load_kb_revision(const std::string& argument, DiagnosticsFormat format);

}  // namespace redflag::cli
