// The handbook's overview diagram as inline SVG, laid out by hand: three columns of boxes
// (facts, red flags, urgency levels), each column centred vertically, joined by cubic curves.
// A label longer than its box is estimated to hold is drawn condensed to the box's width
// (SVG textLength), up to half as long again; only longer ones are cut with an ellipsis. Each
// box carries its full text as a <title>.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/doc/handbook_writer.hpp"

namespace redflag::internal {
namespace {

constexpr double kRow = 32;        // vertical distance between boxes
constexpr double kBoxHeight = 24;
constexpr double kTop = 34;        // room for the column headings
constexpr double kCharWidth = 6.8;  // a 12px sans-serif character, generously
constexpr double kPadding = 8;      // between a box's edge and its text
constexpr double kMostCondensed = 1.5;  // how many times narrower than estimated a label may be drawn

struct Column {
  double x, width;
  const char* heading;
};
constexpr Column kFacts{0, 200, "Facts"};
constexpr Column kFlags{270, 370, "Red flags"};
constexpr Column kLevels{720, 130, "Urgency"};

// The number of characters (code points) of UTF-8 [text].
std::size_t characters(const std::string& text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// [text] cut to [max] characters (UTF-8 aware), with an ellipsis when cut.
std::string shorten(const std::string& text, std::size_t max) {
  if (characters(text) <= max) return text;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++kept == max) return text.substr(0, i) + "…";
  }
  return text;
}

class SvgBuilder {
 public:
  explicit SvgBuilder(std::size_t rows) : rows_(rows) {}

  // The y of the top of box [index] of a column of [count] boxes.
  double box_y(std::size_t index, std::size_t count) const {
    return kTop + (static_cast<double>(rows_) - static_cast<double>(count)) * kRow / 2 +
           static_cast<double>(index) * kRow;
  }

  void heading(const Column& column) {
    out_ += fmt::format("<text x=\"{}\" y=\"16\" class=\"col\">{}</text>\n", column.x + 4, column.heading);
  }

  void box(const Column& column, double y, const std::string& label, const std::string& style) {
    const double room = column.width - 2 * kPadding;
    const auto fits = static_cast<std::size_t>(room / kCharWidth);
    const std::string shown = shorten(label, static_cast<std::size_t>(static_cast<double>(fits) * kMostCondensed));
    const std::string condensed =
        characters(shown) > fits ? fmt::format(" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\"", room) : "";
    out_ += fmt::format(
        "<g><title>{0}</title><rect x=\"{1}\" y=\"{2}\" width=\"{3}\" height=\"{4}\" rx=\"5\" {5}/>"
        "<text x=\"{6}\" y=\"{7}\"{8}>{9}</text></g>\n",
        html_escape(label), column.x, y, column.width, kBoxHeight, style, column.x + kPadding,
        y + kBoxHeight / 2 + 4, condensed, html_escape(shown));
  }

  void curve(double x1, double y1, double x2, double y2, const std::string& colour) {
    const double middle = (x1 + x2) / 2;
    out_ += fmt::format(
        "<path d=\"M{} {} C{} {},{} {},{} {}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.3\"/>\n",
        x1, y1, middle, y1, middle, y2, x2, y2, colour);
  }

  std::string finish(double width, double height) {
    return fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-2 0 {} {}\" role=\"img\" "
        "aria-label=\"Facts, red flags and urgency levels\" class=\"diagram\">\n{}</svg>\n",
        width + 4, height, out_);
  }

 private:
  std::size_t rows_;
  std::string out_;
};

}  // namespace

std::string level_colour(std::size_t rank, std::size_t count) {
  const double hue = count <= 1 ? 120 : 120.0 * static_cast<double>(count - 1 - rank) /
                                            static_cast<double>(count - 1);
  return fmt::format("hsl({:.0f}, 65%, 38%)", hue);
}

std::string diagram_svg(const Diagram& diagram) {
  const std::size_t rows = std::max({diagram.facts.size(), diagram.flags.size(), diagram.levels.size()});
  SvgBuilder svg(rows);
  const std::size_t levels = diagram.levels.size();
  const auto colour = [levels](std::size_t level) { return level_colour(levels - 1 - level, levels); };
  const double middle = kBoxHeight / 2;
  for (const auto& [fact, flag] : diagram.reads) {
    svg.curve(kFacts.x + kFacts.width, svg.box_y(fact, diagram.facts.size()) + middle, kFlags.x,
              svg.box_y(flag, diagram.flags.size()) + middle, "#9aa3ad");
  }
  for (std::size_t flag = 0; flag < diagram.flag_level.size(); ++flag) {
    const std::size_t level = diagram.flag_level[flag];
    svg.curve(kFlags.x + kFlags.width, svg.box_y(flag, diagram.flags.size()) + middle, kLevels.x,
              svg.box_y(level, levels) + middle, colour(level));
  }
  for (const Column& column : {kFacts, kFlags, kLevels}) svg.heading(column);
  for (std::size_t i = 0; i < diagram.facts.size(); ++i) {
    svg.box(kFacts, svg.box_y(i, diagram.facts.size()), diagram.facts[i], "class=\"fact\"");
  }
  for (std::size_t i = 0; i < diagram.flags.size(); ++i) {
    svg.box(kFlags, svg.box_y(i, diagram.flags.size()), diagram.flags[i],
            fmt::format("class=\"flag\" stroke=\"{}\"", colour(diagram.flag_level[i])));
  }
  for (std::size_t i = 0; i < levels; ++i) {
    svg.box(kLevels, svg.box_y(i, levels), diagram.levels[i],
            fmt::format("class=\"level\" fill=\"{}\"", colour(i)));
  }
  return svg.finish(kLevels.x + kLevels.width, kTop + static_cast<double>(rows) * kRow);
}

}  // namespace redflag::internal
