// KB prose (a `because` text, a topic's body) as the blocks an author typed: paragraphs,
// bullet lists and numbered lists, so that every handbook format shows one structure.
//
// The rules, which docs/handbook.md states for authors:
// - A blank line ends a paragraph, and a list unless the next line is the list's next item
//   (as in CommonMark). Other lines of a paragraph are joined with one space.
// - A line starting with `- `, `* ` or `• ` is a bullet item; `1. ` or `1) ` (any number) a
//   numbered item. A numbered list that interrupts a paragraph must start at 1 (as in
//   CommonMark), so that a wrapped line beginning "2010. " stays text.
// - A line indented past its item's marker continues the item; a line that is not ends the
//   list and starts a paragraph (no "lazy" continuation). Lists have one level.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace redflag::internal {

struct ProseBlock {
  enum class Kind { Paragraph, Bullets, Numbered };
  Kind kind = Kind::Paragraph;
  std::vector<std::string> items;  // a paragraph has one item: its text
  unsigned long start = 1;         // the first number of a numbered list
};

// [text] split into blocks; leading spaces and line breaks inside a block are dropped.
std::vector<ProseBlock> prose_blocks(std::string_view text);

}  // namespace redflag::internal
