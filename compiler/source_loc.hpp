// Positions in KB sources, as every diagnostic and AST node carries them.
//
// Lines and columns are 1-based, as PEGTL's `position` reports them; a column counts bytes
// (a tab is one column). A span is a start plus a length in bytes on the start's line, which is
// what a caret line under the source can show.
#pragma once

#include <cstdint>

namespace redflag {

struct SourceLoc {
  std::uint32_t file_id = 0;  // index into ast::Kb::files
  std::uint32_t line = 0;     // 1-based; 0 means "no position" (a KB-wide problem)
  std::uint32_t column = 0;   // 1-based byte column
  std::uint64_t offset = 0;   // byte offset in the file
};

struct SourceSpan {
  SourceLoc begin;
  std::uint32_t length = 0;  // bytes; 0 draws a single caret
};

}  // namespace redflag
