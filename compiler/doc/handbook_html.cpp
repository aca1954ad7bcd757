// The handbook as one self-contained HTML file: inline CSS (with print rules: A4 margins,
// headings kept with what follows, no diagram or list item split across pages; a narrow screen
// scrolls the diagram sideways instead of shrinking it), the overview as inline SVG (compiler/doc/handbook_svg.cpp), no
// script, font or image from elsewhere, so it opens offline and prints as it shows.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/doc/handbook_writer.hpp"

namespace redflag::internal {
namespace {

constexpr std::string_view kStyle = R"css(
:root { --ink: #1d2329; --muted: #5b6670; --line: #d5dbe0; --paper: #fff; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f5f7; color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 2rem 2.5rem 4rem; background: var(--paper); }
header { border-bottom: 3px solid var(--ink); margin-bottom: 1.5rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .3rem; }
.subtitle { color: var(--muted); margin: 0 0 1rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .8rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.1rem; margin: 0 0 .6rem; }
.card { border: 1px solid var(--line); border-left: 6px solid var(--level, #8a949e);
  border-radius: 6px; padding: .9rem 1.1rem .3rem; margin: 0 0 1rem; }
.badge { display: inline-block; color: #fff; background: var(--level, #8a949e);
  border-radius: 999px; padding: 0 .6rem; font-size: .85rem; font-weight: 600; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 .8rem; }
dl.fields dt { font-weight: 600; color: var(--muted); }
dl.fields dd { margin: 0; }
p.label { font-weight: 600; color: var(--muted); margin: .6rem 0 .2rem; }
ul { margin: .2rem 0 .8rem; padding-left: 1.3rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: .35rem .5rem; }
th { background: #eef1f4; }
a { color: #1f5fa8; }
figure.overview { margin: 0 0 1rem; }
figcaption { margin: 0 0 .5rem; }
.scroll { overflow-x: auto; }
svg.diagram { display: block; width: 100%; min-width: 46rem; height: auto; font: 12px system-ui, sans-serif; }
svg .col { font-weight: 700; fill: var(--muted); }
svg rect.fact { fill: #eef1f4; stroke: #9aa3ad; }
svg rect.flag { fill: #fff; stroke-width: 2; }
svg rect.level + text { fill: #fff; font-weight: 700; }
@media (max-width: 40rem) {
  main { padding: 1rem 1rem 3rem; }
  dl.fields { grid-template-columns: 1fr; gap: 0; }
  dl.fields dd { margin-bottom: .3rem; }
}
td, dd, li, p { overflow-wrap: anywhere; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { background: none; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  /* Headings and labels stay with what follows; the overview figure, a card's fields, list
     items and table rows are never split. Cards themselves may break between blocks: a card
     kept whole would leave half a page empty whenever it does not fit the rest of one. */
  h2, h3, p.label { break-after: avoid; }
  figure.overview, dl.fields, li, tr { break-inside: avoid; }
  p { orphans: 3; widows: 3; }
  .scroll { overflow: visible; }
  svg.diagram { min-width: 0; }
  a { color: inherit; text-decoration: none; }
  .card, .badge, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

std::string rich(const Rich& text) {
  std::string out;
  for (const auto& part : text) {
    out += part.anchor.empty() ? html_escape(part.text)
                               : fmt::format("<a href=\"#{}\">{}</a>", part.anchor, html_escape(part.text));
  }
  return out;
}

class HtmlWriter final : public HandbookWriter {
 public:
  explicit HtmlWriter(std::vector<std::string> levels) : levels_(std::move(levels)) {}

  void title(const std::string& text, const std::string& subtitle) override {
    title_ = text;
    out_ += fmt::format("<header>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n</header>\n",
                        html_escape(text), html_escape(subtitle));
  }

  void heading(int level, const std::string& text, const std::string& anchor) override {
    out_ += fmt::format("<h{0} id=\"{1}\">{2}</h{0}>\n", level, anchor, html_escape(text));
  }

  void fields(const std::vector<std::pair<std::string, Rich>>& fields) override {
    if (fields.empty()) return;
    out_ += "<dl class=\"fields\">\n";
    for (const auto& [label, value] : fields) {
      const bool urgency = label == "Urgency" && value.size() == 1;
      const std::string shown = urgency ? "<span class=\"badge\">" + rich(value) + "</span>" : rich(value);
      out_ += fmt::format("<dt>{}</dt><dd>{}</dd>\n", html_escape(label), shown);
    }
    out_ += "</dl>\n";
  }

  void bullets(const std::vector<Rich>& items) override {
    std::vector<std::string> shown;
    for (const auto& item : items) shown.push_back(rich(item));
    list("<ul>", "</ul>", shown);
  }

  void paragraph(const Rich& text) override {
    // A short paragraph ending in a colon introduces what follows: styled as a label.
    const bool label = text.size() == 1 && !text[0].text.empty() && text[0].text.back() == ':';
    out_ += fmt::format("<p{}>{}</p>\n", label ? " class=\"label\"" : "", rich(text));
  }

  void prose(const std::vector<ProseBlock>& blocks) override {
    for (const auto& block : blocks) {
      std::vector<std::string> items;
      for (const auto& item : block.items) items.push_back(html_escape(item));
      switch (block.kind) {
        case ProseBlock::Kind::Paragraph: out_ += "<p>" + items.front() + "</p>\n"; break;
        case ProseBlock::Kind::Bullets: list("<ul>", "</ul>", items); break;
        case ProseBlock::Kind::Numbered:
          list(block.start == 1 ? "<ol>" : fmt::format("<ol start=\"{}\">", block.start), "</ol>", items);
          break;
      }
    }
  }

  void table(const std::vector<std::string>& header,
             const std::vector<std::vector<std::string>>& rows) override {
    out_ += "<table>\n<thead><tr>";
    for (const auto& cell : header) out_ += "<th>" + html_escape(cell) + "</th>";
    out_ += "</tr></thead>\n<tbody>\n";
    for (const auto& cells : rows) {
      out_ += "<tr>";
      for (const auto& cell : cells) out_ += "<td>" + html_escape(cell) + "</td>";
      out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table>\n";
  }

  // A figure: the caption, then the SVG in a box that scrolls sideways where the screen is too
  // narrow for the diagram's minimum width (its text would be too small to read).
  void diagram(const Diagram& diagram) override {
    out_ += fmt::format("<figure class=\"overview\">\n<figcaption>{}</figcaption>\n<div class=\"scroll\">\n{}</div>\n</figure>\n",
                        html_escape(diagram.caption), diagram_svg(diagram));
  }

  void begin_card(const std::string& urgency) override {
    const auto level = std::find(levels_.begin(), levels_.end(), urgency);
    const std::string colour =
        level == levels_.end()
            ? ""
            : fmt::format(" style=\"--level: {}\"",
                          level_colour(static_cast<std::size_t>(level - levels_.begin()), levels_.size()));
    out_ += fmt::format("<section class=\"card\"{}>\n", colour);
  }

  void end_card() override { out_ += "</section>\n"; }

  std::string finish() override {
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n{}</main>\n</body>\n</html>\n",
        html_escape(title_), kStyle, out_);
  }

 private:
  // A list of [items], already HTML.
  void list(const std::string& open, const std::string& close, const std::vector<std::string>& items) {
    out_ += open + "\n";
    for (const auto& item : items) out_ += "<li>" + item + "</li>\n";
    out_ += close + "\n";
  }

  std::vector<std::string> levels_;  // lowest first
  std::string title_;
  std::string out_;
};

}  // namespace

std::unique_ptr<HandbookWriter> make_html_writer(const std::vector<std::string>& levels) {
  return std::make_unique<HtmlWriter>(levels);
}

}  // namespace redflag::internal
