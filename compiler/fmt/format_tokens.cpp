#include "compiler/fmt/format_tokens.hpp"

#include <algorithm>
#include <cctype>

#include "compiler/syntax/literals.hpp"

namespace redflag::formatter {
namespace {

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") at_ = 3;
  }

  TokenizedFile run() {
    while (skip_blanks()) {
      if (text_[at_] == '#') {
        comment();
      } else {
        token();
      }
    }
    file_.final_comments = std::move(pending_);
    return std::move(file_);
  }

 private:
  // Skips whitespace, noting line breaks; false at the end of the text.
  bool skip_blanks() {
    int newlines = 0;
    for (; at_ < text_.size(); ++at_) {
      const char c = text_[at_];
      if (c == '\n') {
        ++newlines;
        ++line_;
      } else if (c != ' ' && c != '\t' && c != '\r' && c != '\v' && c != '\f') {
        break;
      }
    }
    blank_before_ = newlines >= 2;
    new_line_ = newlines > 0 || file_.tokens.empty();
    return at_ < text_.size();
  }

  void comment() {
    const auto end = std::min(text_.find('\n', at_), text_.size());
    std::string text(text_.substr(at_, end - at_));
    text.erase(text.find_last_not_of(" \t\r") + 1);
    at_ = end;
    if (!new_line_) {
      file_.tokens.back().trailing = std::move(text);
      return;
    }
    pending_.push_back(TokenComment{std::move(text), blank_before_});
  }

  void token() {
    Token token;
    token.line = line_;
    token.blank_before = blank_before_;
    const std::size_t start = at_;
    const char c = text_[at_];
    if (text_.substr(at_, 3) == "\"\"\"") {
      const auto close = text_.find("\"\"\"", at_ + 3);
      const auto body_end = close == std::string_view::npos ? text_.size() : close;
      token.kind = TokenKind::TextBlock;
      token.value = dedent(text_.substr(at_ + 3, body_end - at_ - 3));
      at_ = std::min(body_end + 3, text_.size());
    } else if (c == '"') {
      for (++at_; at_ < text_.size() && text_[at_] != '"' && text_[at_] != '\n'; ++at_) {
        if (text_[at_] == '\\') ++at_;
      }
      token.kind = TokenKind::String;
      token.value = unescape(text_.substr(start + 1, at_ - start - 1));
      token.text = quote_string(token.value);
      at_ = std::min(at_ + 1, text_.size());
    } else if (is_word_char(c) && !is_digit(c)) {
      while (at_ < text_.size() && is_word_char(text_[at_])) ++at_;
      token.kind = TokenKind::Word;
    } else if (is_digit(c) || (c == '-' && at_ + 1 < text_.size() && is_digit(text_[at_ + 1]))) {
      number();
      token.kind = TokenKind::Number;
    } else if (c == '[') {
      at_ = std::min(text_.find(']', at_), text_.size() - 1) + 1;
      token.kind = TokenKind::Unit;
    } else {
      const bool two = at_ + 1 < text_.size() && text_[at_ + 1] == '=' &&
                       (c == '!' || c == '<' || c == '>');
      at_ += two ? 2 : 1;
      token.kind = TokenKind::Punct;
    }
    if (token.kind != TokenKind::String) token.text = std::string(text_.substr(start, at_ - start));
    line_ += static_cast<std::uint32_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(start),
                                                   text_.begin() + static_cast<std::ptrdiff_t>(at_), '\n'));
    token.leading = std::move(pending_);
    pending_.clear();
    file_.tokens.push_back(std::move(token));
  }

  // A number, or a version after `version`, or a date after `reviewed` / `next_review`: the
  // longest run the grammar's rule for that place could match.
  void number() {
    // Both branches string_view: `? "" : text` made a std::string temporary, left dangling.
    const std::string_view previous =
        file_.tokens.empty() ? std::string_view() : std::string_view(file_.tokens.back().text);
    const bool dotted = previous == "version";
    const bool dashed = dotted || previous == "reviewed" || previous == "next_review";
    if (text_[at_] == '-') ++at_;
    while (at_ < text_.size()) {
      const char c = text_[at_];
      const bool fraction = c == '.' && at_ + 1 < text_.size() && is_digit(text_[at_ + 1]);
      if (is_digit(c) || fraction || (dotted && (c == '.' || is_word_char(c))) ||
          (dashed && c == '-')) {
        ++at_;
      } else {
        break;
      }
    }
    if (!dashed) exponent();
  }

  // The grammar's `exponent` after a number's digits (`e9`, `E-3`, `e+3`), kept as written; an
  // `e` without digits after it and its sign starts a unit (`10 eq`).
  void exponent() {
    if (at_ >= text_.size() || (text_[at_] != 'e' && text_[at_] != 'E')) return;
    std::size_t digits = at_ + 1;
    if (digits < text_.size() && (text_[digits] == '+' || text_[digits] == '-')) ++digits;
    if (digits >= text_.size() || !is_digit(text_[digits])) return;
    at_ = digits;
    while (at_ < text_.size() && is_digit(text_[at_])) ++at_;
  }

  std::string_view text_;
  std::size_t at_ = 0;
  std::uint32_t line_ = 1;
  bool blank_before_ = false;
  bool new_line_ = true;
  std::vector<TokenComment> pending_;
  TokenizedFile file_;
};

}  // namespace

TokenizedFile tokenize(std::string_view text) {
  return Lexer(text).run();
}

std::string quote_string(std::string_view value) {
  std::string out = "\"";
  for (const char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out + "\"";
}

}  // namespace redflag::formatter
