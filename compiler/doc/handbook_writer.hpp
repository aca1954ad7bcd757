// What the handbook's structure (compiler/doc/handbook.cpp) asks of an output format.
//
// handbook.cpp decides what the handbook says and in which order; a writer decides only how
// it looks: compiler/doc/handbook_markdown.cpp and compiler/doc/handbook_html.cpp implement this
// interface. Text arrives unescaped; each writer escapes for its format.
#pragma once

#include "compiler/doc/markup_escape.hpp"
#include "compiler/doc/prose_blocks.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace redflag::internal {

// A run of inline text, optionally a link to an anchor of the handbook.
struct Inline {
  std::string text;
  std::string anchor;  // "" for plain text
};
using Rich = std::vector<Inline>;

// The facts → flags → urgency levels picture: each flag reads some facts and has one level.
struct Diagram {
  std::string caption;              // how to read it, shown with it
  std::vector<std::string> facts;   // labels, in drawing order
  std::vector<std::string> flags;   // titles, in drawing order
  std::vector<std::string> levels;  // highest first
  std::vector<std::pair<std::size_t, std::size_t>> reads;  // (fact, flag)
  std::vector<std::size_t> flag_level;                     // per flag: index into levels
};

class HandbookWriter {
 public:
  virtual ~HandbookWriter() = default;
  // The document title and the line under it.
  virtual void title(const std::string& text, const std::string& subtitle) = 0;
  // A section heading (level 2) or a sub-heading (level 3), with an anchor to link to.
  virtual void heading(int level, const std::string& text, const std::string& anchor) = 0;
  // Labelled values: the metadata table, a flag's urgency, condition, sources, ...
  virtual void fields(const std::vector<std::pair<std::string, Rich>>& fields) = 0;
  virtual void bullets(const std::vector<Rich>& items) = 0;
  virtual void paragraph(const Rich& text) = 0;
  // Prose from the KB (a rationale, a topic's body): its paragraphs and lists.
  virtual void prose(const std::vector<ProseBlock>& blocks) = 0;
  // A table with a header row.
  virtual void table(const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows) = 0;
  // The diagram with its caption, kept together (and with the heading before it) in print.
  virtual void diagram(const Diagram& diagram) = 0;
  // A flag's or topic's block starts / ends (for borders and page breaks; [urgency] may be "").
  virtual void begin_card(const std::string& urgency) = 0;
  virtual void end_card() = 0;
  // The whole document.
  virtual std::string finish() = 0;
};

// The colour of urgency level [rank] of [count] (0 = lowest): from green to red.
std::string level_colour(std::size_t rank, std::size_t count);

// [diagram] as an inline SVG element: three columns of boxes (facts, flags, urgency levels)
// joined by curves, laid out here (no script, no external renderer).
std::string diagram_svg(const Diagram& diagram);

std::unique_ptr<HandbookWriter> make_markdown_writer();
// [levels] lowest first, for the urgency colours.
std::unique_ptr<HandbookWriter> make_html_writer(const std::vector<std::string>& levels);

}  // namespace redflag::internal
