// The source text of a condition as its author wrote it, on one line: what lint messages quote
// and what `redflag show` prints for a `when`. It is the author's text, parentheses and units
// as written, not the formatter's layout nor the canonical text decompiled from bytecode
// (runtime/condition_text.hpp).
#pragma once

#include <string>
#include <string_view>

#include "compiler/ast.hpp"

namespace redflag {

// [source] on one line: each run of whitespace (line breaks included) becomes one space, `#`
// comments are dropped, and nothing leads or trails. Conditions hold no strings, so every `#`
// starts a comment.
std::string one_line(std::string_view source);

// [expr]'s text in [file_text] (the file it was parsed from), from its first byte (or `(`) to
// its last, through one_line.
std::string written_text(std::string_view file_text, const ast::Expr& expr);

}  // namespace redflag
