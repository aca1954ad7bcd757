// Positions in a document as LSP counts them and as the compiler does.
//
// LSP positions are a 0-based line and a 0-based character counted in UTF-16 code units (the
// only encoding every client supports); SourceLoc columns count bytes from 1. A LineIndex maps
// between the two for one text. A character past the end of its line is the end of the line,
// as the specification prescribes; a line past the end of the document is an error the caller
// reports (InvalidParams).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "compiler/source_loc.hpp"
#include "tools/lsp/lsp_json.hpp"

namespace redflag::lsp {

struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;  // UTF-16 code units
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  std::size_t line_count() const { return starts_.size(); }
  // The byte offset of [position]; nullopt when its line is past the end.
  std::optional<std::size_t> offset_of(Position position) const;
  Position position_of(std::size_t offset) const;
  // The byte offset where 0-based [line] starts (the text's size past the end).
  std::size_t line_start(std::size_t line) const;
  // The line's bytes without its line break.
  std::string_view line_text(std::size_t line) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

// JSON {line, character}, and {start, end} ranges.
json position_json(Position position);
json range_json(Position start, Position end);
// The range of [span] (byte length on one line) in the text of [index].
json span_range(const LineIndex& index, const SourceSpan& span);
// [value]'s {line, character}; InvalidParams when it is not a position.
Position position_from_json(const json& value);

}  // namespace redflag::lsp
