// Where a top-level declaration ends, for document symbols and folding.
//
// The AST keeps a declaration's name, not its extent; the layout does (docs/fmt.md): every
// declaration starts in column 1 and its clauses are indented. A declaration runs from its
// line to the last line of code before the next line that starts in column 1 with code;
// comments in column 1 just above the next declaration belong to that one.
#pragma once

#include <cstddef>

#include "tools/lsp/text_position.hpp"

namespace redflag::lsp {

// The 0-based last line of the declaration that starts on 0-based [line] of [lines].
std::size_t declaration_end(const LineIndex& lines, std::size_t line);

}  // namespace redflag::lsp
