#include "compiler/doc/prose_blocks.hpp"

#include <optional>
#include <utility>

namespace redflag::internal {
namespace {

// The list item a line opens: its kind, its number, and where its text starts.
struct Marker {
  ProseBlock::Kind kind;
  unsigned long number = 0;
  std::size_t text = 0;
};

std::optional<Marker> list_marker(std::string_view line, std::size_t indent) {
  const std::string_view rest = line.substr(indent);
  for (const std::string_view bullet : {"- ", "* ", "• "}) {
    if (rest.substr(0, bullet.size()) == bullet) return Marker{ProseBlock::Kind::Bullets, 0, indent + bullet.size()};
  }
  std::size_t digits = 0;
  while (digits < rest.size() && digits < 9 && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  if (digits == 0 || rest.size() < digits + 2 || (rest[digits] != '.' && rest[digits] != ')') ||
      rest[digits + 1] != ' ') {
    return std::nullopt;
  }
  return Marker{ProseBlock::Kind::Numbered, std::stoul(std::string(rest.substr(0, digits))), indent + digits + 2};
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(' ') + 1 - first);
}

class Splitter {
 public:
  void line(std::string_view line) {
    const std::string_view text = trimmed(line);
    if (text.empty()) {
      // A paragraph ends here; a list only if what follows is not its next item.
      if (open_ && open_->kind == ProseBlock::Kind::Paragraph) close();
      after_blank_ = open_.has_value();
      return;
    }
    const std::size_t indent = line.find_first_not_of(' ');
    const auto marker = list_marker(line, indent);
    const bool blank = std::exchange(after_blank_, false);
    if (marker && opens_item(*marker)) {
      if (!open_ || open_->kind != marker->kind) {
        close();
        open_ = ProseBlock{marker->kind, {}, marker->number};
      }
      open_->items.emplace_back(trimmed(line.substr(marker->text)));
      item_indent_ = indent;
      return;
    }
    if (blank) close();
    if (open_ && (open_->kind == ProseBlock::Kind::Paragraph || indent > item_indent_)) {
      open_->items.back() += ' ';
      open_->items.back() += text;
      return;
    }
    close();
    open_ = ProseBlock{ProseBlock::Kind::Paragraph, {std::string(text)}, 1};
  }

  std::vector<ProseBlock> finish() {
    close();
    return std::move(blocks_);
  }

 private:
  // A numbered item interrupts a paragraph only when it is "1.".
  bool opens_item(const Marker& marker) const {
    return marker.kind == ProseBlock::Kind::Bullets || marker.number == 1 || !open_ ||
           open_->kind == ProseBlock::Kind::Numbered;
  }

  void close() {
    if (open_) blocks_.push_back(std::move(*open_));
    open_.reset();
  }

  std::vector<ProseBlock> blocks_;
  std::optional<ProseBlock> open_;
  std::size_t item_indent_ = 0;  // the indentation of the open list's last marker
  bool after_blank_ = false;     // a blank line follows the open list
};

}  // namespace

std::vector<ProseBlock> prose_blocks(std::string_view text) {
  Splitter splitter;
  for (std::size_t start = 0; start <= text.size();) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    splitter.line(text.substr(start, end - start));
    start = end + 1;
  }
  return splitter.finish();
}

}  // namespace redflag::internal
