// Code generation: turns a checked KB into the runtime's `Image`, ready for `write_image`.
//
// Input is an `ast::Kb` that name resolution and type checking accepted (every reference
// resolved, every literal in canonical units); anything else is a compiler bug, reported by a
// std::logic_error. It lays out the program (docs/bytecode.md#instructions), folds constants
// and drops defines no flag or topic reads. It does not write files or print.
#pragma once

#include "compiler/ast.hpp"
#include "runtime/image.hpp"

namespace redflag {

Image generate_image(const ast::Kb& kb);

}  // namespace redflag
