// The handbook as Markdown (CommonMark with GitHub tables): headings with explicit anchors,
// labelled values as bullet lists, and the overview as a Mermaid `flowchart LR`, which GitHub
// and GitLab render in place. KB text is escaped so that it can never turn into markup.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "compiler/doc/handbook_writer.hpp"

namespace redflag::internal {
namespace {

// [text] with Markdown's inline markup characters escaped; line breaks become spaces.
std::string escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

// [text] (escaped) with what would open a block at the start of a line escaped too: a list
// marker (`+`, `-`, `1.`), a thematic break or setext underline (`-`, `=`), a fence (`~`).
std::string block_start(std::string text) {
  if (!text.empty() && std::string_view("+-=~").find(text.front()) != std::string_view::npos) return "\\" + text;
  const auto digits = text.find_first_not_of("0123456789");
  if (digits != 0 && digits != std::string::npos && (text[digits] == '.' || text[digits] == ')')) {
    text.insert(digits, "\\");
  }
  return text;
}

std::string rich(const Rich& text) {
  std::string out;
  for (const auto& part : text) {
    out += part.anchor.empty() ? escape(part.text) : fmt::format("[{}](#{})", escape(part.text), part.anchor);
  }
  return out;
}

// [text] as a Mermaid node label: quoted, every character Mermaid reads as markup written as
// one of its `#name;` entities (`"` ends the label, `<` opens HTML, `#` an entity, a backtick
// a Markdown string), line breaks as spaces.
std::string mermaid_label(std::string_view text) {
  static constexpr std::array<std::pair<char, std::string_view>, 6> kEntities{
      {{'"', "quot"}, {'#', "35"}, {'&', "amp"}, {'<', "lt"}, {'>', "gt"}, {'`', "96"}}};
  std::string out = "\"";
  for (const char c : text) {
    const auto entity = std::find_if(kEntities.begin(), kEntities.end(), [c](const auto& e) { return e.first == c; });
    if (entity != kEntities.end()) {
      out += fmt::format("#{};", entity->second);
    } else {
      out += c == '\n' ? ' ' : c;
    }
  }
  return out + "\"";
}

class MarkdownWriter final : public HandbookWriter {
 public:
  void title(const std::string& text, const std::string& subtitle) override {
    out_ += fmt::format("# {}\n\n*{}*\n\n", escape(text), escape(subtitle));
  }

  void heading(int level, const std::string& text, const std::string& anchor) override {
    out_ += fmt::format("<a id=\"{}\"></a>\n\n{} {}\n\n", anchor, std::string(level, '#'), escape(text));
  }

  void fields(const std::vector<std::pair<std::string, Rich>>& fields) override {
    for (const auto& [label, value] : fields) out_ += fmt::format("- **{}:** {}\n", escape(label), rich(value));
    if (!fields.empty()) out_ += '\n';
  }

  void bullets(const std::vector<Rich>& items) override {
    for (const auto& item : items) out_ += "- " + rich(item) + "\n";
    out_ += '\n';
  }

  void paragraph(const Rich& text) override { out_ += rich(text) + "\n\n"; }

  void prose(const std::vector<ProseBlock>& blocks) override {
    for (const auto& block : blocks) {
      for (std::size_t i = 0; i < block.items.size(); ++i) {
        const std::string text = block_start(escape(block.items[i]));
        switch (block.kind) {
          case ProseBlock::Kind::Paragraph: out_ += text + "\n"; break;
          case ProseBlock::Kind::Bullets: out_ += "- " + text + "\n"; break;
          case ProseBlock::Kind::Numbered: out_ += fmt::format("{}. {}\n", block.start + i, text); break;
        }
      }
      out_ += '\n';  // a blank line after every block, so no text joins a list item
    }
  }

  void table(const std::vector<std::string>& header,
             const std::vector<std::vector<std::string>>& rows) override {
    const auto row = [this](const std::vector<std::string>& cells) {
      for (const auto& cell : cells) out_ += "| " + escape(cell) + " ";
      out_ += "|\n";
    };
    row(header);
    for (std::size_t i = 0; i < header.size(); ++i) out_ += "|---";
    out_ += "|\n";
    for (const auto& cells : rows) row(cells);
    out_ += '\n';
  }

  void diagram(const Diagram& diagram) override {
    out_ += escape(diagram.caption) + "\n\n```mermaid\nflowchart LR\n";
    const auto group = [this](std::string_view id, std::string_view title, const std::vector<std::string>& labels,
                              std::string_view open, std::string_view close) {
      out_ += fmt::format("  subgraph {}[{}]\n", id, mermaid_label(title));
      for (std::size_t i = 0; i < labels.size(); ++i) {
        out_ += fmt::format("    {}{}{}{}{}\n", id, i, open, mermaid_label(labels[i]), close);
      }
      out_ += "  end\n";
    };
    group("fact", "Facts", diagram.facts, "[", "]");
    group("flag", "Red flags", diagram.flags, "[", "]");
    group("level", "Urgency", diagram.levels, "([", "])");
    for (const auto& [fact, flag] : diagram.reads) out_ += fmt::format("  fact{} --> flag{}\n", fact, flag);
    for (std::size_t flag = 0; flag < diagram.flag_level.size(); ++flag) {
      out_ += fmt::format("  flag{} --> level{}\n", flag, diagram.flag_level[flag]);
    }
    out_ += "```\n\n";
  }

  void begin_card(const std::string&) override {}
  void end_card() override {}

  std::string finish() override {
    while (out_.size() >= 2 && out_.compare(out_.size() - 2, 2, "\n\n") == 0) out_.pop_back();
    return std::move(out_);
  }

 private:
  std::string out_;
};

}  // namespace

std::unique_ptr<HandbookWriter> make_markdown_writer() { return std::make_unique<MarkdownWriter>(); }

}  // namespace redflag::internal
