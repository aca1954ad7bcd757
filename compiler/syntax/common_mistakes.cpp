// Common mistakes at a syntax error (see common_mistakes.hpp).
#include "compiler/syntax/common_mistakes.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <cstdint>
#include <string>
#include <utility>

#include "grammar/grammar.hpp"
#include "runtime/suggest.hpp"

namespace redflag::internal {
namespace {

// A slip and what to write instead.
struct Slip {
  std::string_view written;
  std::string_view instead;
  std::string_view hint;  // the message after `;`
};

// Longest first at each start, so `==` is not taken for `=`.
constexpr Slip kForeignOperators[] = {
    {"==", "=", "conditions compare with a single `=`"},
    {"&&", "and", "write `and`"},
    {"||", "or", "write `or`"},
    {"=>", ">=", "write `>=`"},
    {"=<", "<=", "write `<=`"},
    {"<>", "!=", "write `!=`"},
    {"&", "and", "write `and`"},
    {"|", "or", "write `or`"},
    {"!", "not", "write `not` before the condition"},
};

// Characters word processors and keyboards substitute for ASCII (UTF-8 spelled out).
constexpr Slip kTypographic[] = {
    {"\xE2\x89\xA5", ">=", "write `>=`"},                     // ≥
    {"\xE2\x89\xA4", "<=", "write `<=`"},                     // ≤
    {"\xE2\x89\xA0", "!=", "write `!=`"},                     // ≠
    {"\xE2\x88\x92", "-", "write the ASCII minus `-`"},       // −
    {"\xE2\x80\x9C", "\"", "strings use straight quotes `\"`"},  // “
    {"\xE2\x80\x9D", "\"", "strings use straight quotes `\"`"},  // ”
    {"\xE2\x80\x9E", "\"", "strings use straight quotes `\"`"},  // „
    {"\xE2\x80\x98", "\"", "strings use straight quotes `\"`"},  // ‘
    {"\xE2\x80\x99", "\"", "strings use straight quotes `\"`"},  // ’
};

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

class MistakeFinder {
 public:
  MistakeFinder(ParseBuilder& b, const SyntaxErrorSite& site)
      : b_(b), site_(site), text_(b.text), at_(static_cast<std::size_t>(site.found.offset)) {}

  bool report() {
    return typographic() || foreign_operator() || foreign_comment() || decimal_comma() ||
           string_comparison() || keyword_as_name() || upper_case_keyword() || trailing_word() ||
           missing_comma();
  }

 private:
  // The span of [length] bytes from byte [offset] on the found token's line.
  SourceSpan span(std::size_t offset, std::size_t length) const {
    SourceLoc loc = site_.found;
    loc.column = static_cast<std::uint32_t>(loc.column + offset - at_);
    loc.offset = offset;
    return SourceSpan{loc, static_cast<std::uint32_t>(length)};
  }

  bool has(std::size_t offset, std::string_view word) const {
    return offset <= text_.size() && text_.compare(offset, word.size(), word) == 0;
  }
  char at(std::size_t offset) const { return offset < text_.size() ? text_[offset] : '\0'; }
  // Whether byte [offset] is on the found token's line (and not before it).
  bool on_line(std::size_t offset) const { return offset >= at_ - (site_.found.column - 1); }

  static Fix replace(const SourceSpan& where, std::string_view written, std::string replacement) {
    Fix fix;
    fix.description = fmt::format("replace `{}` with `{}`", written, replacement);
    fix.edits.push_back(TextEdit{where, std::move(replacement)});
    return fix;
  }

  // `≥`, smart quotes: the fix also straightens the closing quote on the same line.
  bool typographic() {
    for (const Slip& slip : kTypographic) {
      if (!has(at_, slip.written)) continue;
      Diagnostic& d = b_.diagnostics.report<DiagKind::TypographicCharacter>(span(at_, slip.written.size()),
                                                                            slip.written, slip.hint);
      Fix fix = replace(span(at_, slip.written.size()), slip.written, std::string(slip.instead));
      if (slip.instead == "\"") {
        fix.description = "replace the typographic quotes with `\"`";
        const std::size_t line_end = b_.line_end(at_);
        for (std::size_t i = at_ + slip.written.size(); i < line_end; ++i) {
          for (const Slip& quote : kTypographic) {
            if (quote.instead != "\"" || !has(i, quote.written)) continue;
            fix.edits.push_back(TextEdit{span(i, quote.written.size()), "\""});
            i = line_end;
            break;
          }
        }
      }
      d.fixes.push_back(std::move(fix));
      return true;
    }
    return false;
  }

  // `==`, `&&`, `!`; the parser may have taken the operator's first character (`=` of `==`).
  bool foreign_operator() {
    for (const Slip& slip : kForeignOperators) {
      for (const std::size_t back : {std::size_t{0}, std::size_t{1}}) {
        if (back > at_ || !on_line(at_ - back) || slip.written.size() <= back) continue;
        const std::size_t begin = at_ - back;
        if (!has(begin, slip.written)) continue;
        if (slip.written == "!" && at(begin + 1) == '=') continue;
        const std::size_t end = begin + slip.written.size();
        std::string replacement(slip.instead);
        if (is_word_char(slip.instead.front()) && begin > 0 && !std::isspace(static_cast<unsigned char>(at(begin - 1))) &&
            at(begin - 1) != '(') {
          replacement.insert(0, " ");
        }
        if (is_word_char(slip.instead.back()) && !std::isspace(static_cast<unsigned char>(at(end)))) replacement += ' ';
        Diagnostic& d = b_.diagnostics.report<DiagKind::ForeignOperator>(span(begin, end - begin), slip.written,
                                                                         slip.hint);
        d.fixes.push_back(replace(span(begin, end - begin), slip.written, replacement));
        return true;
      }
    }
    return false;
  }

  // `//` and `/* */`; in a condition the parser took the first `/` for a division.
  bool foreign_comment() {
    std::size_t begin = at_;
    if (at_ > 0 && on_line(at_ - 1) && at(at_ - 1) == '/' && (at(at_) == '/' || at(at_) == '*')) --begin;
    if (!(has(begin, "//") || has(begin, "/*"))) return false;
    const std::string_view written = text_.substr(begin, 2) == "//" ? "//" : "/*";
    Diagnostic& d = b_.diagnostics.report<DiagKind::ForeignComment>(span(begin, 2), written);
    if (written == "//") {
      d.fixes.push_back(replace(span(begin, 2), written, "#"));
      return true;
    }
    // `/* ... */` ending its line becomes `# ...`.
    const std::size_t line_end = b_.line_end(begin);
    const std::size_t close = text_.find("*/", begin + 2);
    if (close != std::string::npos && close < line_end &&
        text_.find_first_not_of(" \t\r", close + 2) >= line_end) {
      Fix fix = replace(span(begin, 2), written, "#");
      fix.description = "replace `/* ... */` with `# ...`";
      fix.edits.push_back(TextEdit{span(close, 2), ""});
      d.fixes.push_back(std::move(fix));
    }
    return true;
  }

  // `38,5`: found the `,`, or (in a `given` list, where `,` separates) the `5`.
  bool decimal_comma() {
    std::size_t comma = at_;
    if (at(comma) != ',') comma = at_ > 0 ? at_ - 1 : at_;
    if (at(comma) != ',' || comma == 0 || !on_line(comma - 1) || !is_digit(at(comma - 1)) ||
        !is_digit(at(comma + 1))) {
      return false;
    }
    std::size_t begin = comma;
    while (begin > 0 && on_line(begin - 1) && (is_digit(at(begin - 1)) || at(begin - 1) == '-')) --begin;
    std::size_t end = comma + 1;
    while (is_digit(at(end))) ++end;
    const std::string written = text_.substr(begin, end - begin);
    std::string instead = written;
    instead[comma - begin] = '.';
    Diagnostic& d = b_.diagnostics.report<DiagKind::DecimalComma>(span(begin, end - begin), written, instead);
    d.fixes.push_back(replace(span(comma, 1), ",", "."));
    return true;
  }

  bool string_comparison() {
    if (!site_.compared_value || at(at_) != '"') return false;
    b_.diagnostics.report<DiagKind::StringComparison>(b_.span(site_.found, site_.found.offset + 1));
    return true;
  }

  // The identifier at the found token, or "".
  std::string_view word() const {
    if (!is_word_char(at(at_)) || is_digit(at(at_))) return {};
    std::size_t end = at_;
    while (is_word_char(at(end))) ++end;
    return std::string_view(text_).substr(at_, end - at_);
  }

  bool keyword_as_name() {
    const std::string_view name = word();
    if (site_.name_of.empty() || name.empty() || !grammar::is_keyword(name)) return false;
    b_.diagnostics.report<DiagKind::KeywordAsName>(span(at_, name.size()), name, site_.name_of,
                                                   fmt::format("{}_{}", name, site_.name_of));
    return true;
  }

  // `WHEN`, `AND`, `Flag`: all capitals, or a capital starting a word that starts a declaration
  // or clause (so `Most` in prose a broken text block spilled is not taken for `most`).
  bool upper_case_keyword() {
    static constexpr std::string_view kLeadingWords[] = {
        "kb", "source", "levels", "fact", "define", "flag", "score", "topic", "test", "title", "when",
        "because", "cite", "advise", "see", "given", "expect", "ask", "means", "and", "or", "not"};
    const std::string_view name = word();
    std::string lower(name);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool capitals = std::none_of(name.begin(), name.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
    const bool leading = std::find(std::begin(kLeadingWords), std::end(kLeadingWords), lower) != std::end(kLeadingWords);
    if (name.empty() || lower == name || !grammar::is_keyword(lower) || !(capitals || leading)) return false;
    Diagnostic& d = b_.diagnostics.report<DiagKind::UpperCaseKeyword>(span(at_, name.size()), name, lower);
    d.fixes.push_back(replace(span(at_, name.size()), name, lower));
    return true;
  }

  // The last clause of the test being read when it is an expectation that takes no list
  // (`expect urgency high`, `expect status complete`, `expect no flags`, `expect score s = 2`),
  // so a word after it is not an item missing its `,`; null otherwise.
  const ast::Expectation* last_single_expectation() const {
    if (!site_.test_clause || b_.decl != DeclKind::Test || b_.kb.tests.empty()) return nullptr;
    const ast::Test& test = b_.kb.tests.back();
    if (test.expectations.empty()) return nullptr;
    const ast::Expectation& last = test.expectations.back();
    if (!test.givens.empty() && test.givens.back().span.begin.offset > last.span.begin.offset) return nullptr;
    using Kind = ast::Expectation::Kind;
    const bool single = last.kind == Kind::Urgency || last.kind == Kind::Status || last.kind == Kind::Score ||
                        (last.kind == Kind::FlagsExactly && last.names.empty());
    return single ? &last : nullptr;
  }

  // The token at the found location: a word or number, else one character.
  std::string_view found_token() const {
    std::size_t end = at_;
    while (is_word_char(at(end)) || (end > at_ && at(end) == '.' && is_digit(at(end + 1)))) ++end;
    if (end == at_ && at_ < text_.size()) {
      for (++end; (static_cast<unsigned char>(at(end)) & 0xC0) == 0x80; ++end) {}
    }
    return std::string_view(text_).substr(at_, end - at_);
  }

  // `expect urgency high foo`: more on the line after an expectation that takes one name.
  bool trailing_word() {
    const ast::Expectation* expectation = last_single_expectation();
    if (expectation == nullptr || site_.found.line != site_.error.line) return false;
    const std::string_view found = found_token();
    if (found.empty()) return false;
    // The expectation as written from its head keyword, blanks collapsed: `urgency high`.
    std::string written;
    for (std::size_t i = expectation->span.begin.offset; i < site_.error.offset; ++i) {
      const bool blank = std::isspace(static_cast<unsigned char>(text_[i])) != 0;
      if (!blank) written += text_[i];
      else if (!written.empty() && written.back() != ' ') written += ' ';
    }
    const auto [head, takes] = what_it_takes(expectation->kind);
    b_.diagnostics.report<DiagKind::TrailingWord>(span(at_, found.size()), found,
                                                  cut_for_message("expect " + written), head, takes);
    return true;
  }

  // The head of a single expectation of [kind] and what it takes after it.
  static std::pair<std::string_view, std::string_view> what_it_takes(ast::Expectation::Kind kind) {
    switch (kind) {
      case ast::Expectation::Kind::Status: return {"status", "one status, `complete` or `incomplete`"};
      case ast::Expectation::Kind::Score: return {"score", "one score and its value"};
      case ast::Expectation::Kind::FlagsExactly: return {"no flags", "no flag names"};
      default: return {"urgency", "one level"};
    }
  }

  // `given a = true b = false`, `expect fired a b`: a name where a test clause was expected.
  bool missing_comma() {
    const std::string_view name = word();
    if (!site_.test_clause || name.empty() || grammar::is_keyword(name) || last_single_expectation()) return false;
    Diagnostic& d = b_.diagnostics.report<DiagKind::MissingComma>(span(at_, name.size()), name);
    Fix fix;
    fix.description = fmt::format("insert `,` before `{}`", name);
    fix.edits.push_back(TextEdit{SourceSpan{site_.error, 0}, ","});
    d.fixes.push_back(std::move(fix));
    return true;
  }

  ParseBuilder& b_;
  const SyntaxErrorSite& site_;
  const std::string& text_;
  std::size_t at_;
};

}  // namespace

bool report_common_mistake(ParseBuilder& b, const SyntaxErrorSite& site) {
  return MistakeFinder(b, site).report();
}

}  // namespace redflag::internal
