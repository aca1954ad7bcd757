// `redflag fmt`'s canonical layout of one source file (the rules are in docs/fmt.md).
//
// The formatter works on tokens (compiler/fmt/format_tokens.hpp), not on the AST, because the AST
// drops what a layout must keep: comments in place, a text block versus a string, clause order.
// It moves only whitespace, comments' columns and string escapes; every token's meaning stays,
// so a file compiles to the same bytecode before and after (checked over every valid source in
// the repository by tests/compiler/format_properties_test.cpp). It does not parse or check:
// callers format only files the parser accepted, and a file is formatted on its own, so one file
// of a multi-file KB can be formatted without the others.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace redflag {

// Lines are filled up to this many columns; a single token longer than that (a long string)
// stays on its line.
inline constexpr std::size_t kFormatWidth = 100;

// [text] in canonical layout. Formatting the result again returns it unchanged.
std::string format_source(std::string_view text);

}  // namespace redflag
