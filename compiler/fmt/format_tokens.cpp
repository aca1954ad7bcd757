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

// A character of a UCUM code outside brackets, as grammar/grammar.hpp's `unit_char`.
bool is_unit_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '/' || c == '.' || c == '%' || c == '*' ||
         c == '^' || c == '\'' || c == '_';
}

// Where the unit token that may start at [at] of [text] ends, as the grammar's `ucum_code`
// reads it: bracketed atoms, annotations, signed exponents, code characters and `°`; [at]
// when none starts there.
std::size_t unit_end(std::string_view text, std::size_t at) {
  while (at < text.size()) {
    const char c = text[at];
    if (c == '[' || c == '{') {
      const auto close = text.find(c == '[' ? ']' : '}', at);
      const auto blank = text.find_first_of(" \t\r\n", at);
      if (close == std::string_view::npos || close > blank) break;
      at = close + 1;
    } else if ((c == '-' || c == '+') && at + 1 < text.size() && is_digit(text[at + 1])) {
      at += 2;
    } else if (is_unit_char(c)) {
      ++at;
    } else if (text.substr(at, 2) == "\xC2\xB0") {
      at += 2;
    } else {
      break;
    }
  }
  return at;
}

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
    } else if (const std::size_t end = unit_here(); end > at_) {
      at_ = end;
      token.kind = TokenKind::Unit;
    } else if (is_word_char(c) && !is_digit(c)) {
      while (at_ < text_.size() && is_word_char(text_[at_])) ++at_;
      // A score's item, `news2.respiration`, is one name.
      if (at_ + 1 < text_.size() && text_[at_] == '.' && is_word_char(text_[at_ + 1]) && !is_digit(text_[at_ + 1])) {
        for (++at_; at_ < text_.size() && is_word_char(text_[at_]);) ++at_;
      }
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

  // Where a unit token that is more than a word starts here ends (`mm[Hg]`, `/min`, `%`): after
  // a number, or after the `in` of a quantity type. A plain word (`kg`, or `and` after a
  // number) is left to the word rule. [at_] when no such unit starts here.
  std::size_t unit_here() const {
    const auto& tokens = file_.tokens;
    const std::size_t n = tokens.size();
    const auto word = [&tokens](std::size_t i, std::string_view text) {
      return tokens[i].kind == TokenKind::Word && tokens[i].text == text;
    };
    bool after_quantity = n >= 1 && tokens[n - 1].kind == TokenKind::Number &&
                          !(n >= 2 && (word(n - 2, "version") || word(n - 2, "reviewed") || word(n - 2, "next_review")));
    if (n >= 2 && word(n - 1, "in")) {
      for (const std::string_view type : {"mass", "time", "length", "temperature", "quantity"}) {
        if (word(n - 2, type)) after_quantity = true;
      }
    }
    if (!after_quantity) return at_;
    const std::size_t end = unit_end(text_, at_);
    const bool plain_word = std::all_of(text_.begin() + static_cast<std::ptrdiff_t>(at_),
                                        text_.begin() + static_cast<std::ptrdiff_t>(end), is_word_char);
    const bool division = end == at_ + 1 && text_[at_] == '/';  // `100 / sbp` divides
    return plain_word || division ? at_ : end;
  }

  // A number, or a version after `version` (its build metadata after `+` included), or a date
  // after `reviewed` / `next_review`: the longest run the grammar's rule for that place could match.
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
      if (is_digit(c) || fraction || (dotted && (c == '.' || c == '+' || is_word_char(c))) ||
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
