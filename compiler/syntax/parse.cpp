// Runs the grammar with the AST actions and turns failed `must<>`s into diagnostics.
#include "compiler/syntax/parse.hpp"

#include <algorithm>
#include <type_traits>

#include <tao/pegtl.hpp>

#include "compiler/syntax/common_mistakes.hpp"
#include "compiler/syntax/parse_decl_actions.hpp"
#include "compiler/syntax/parse_errors.hpp"
#include "compiler/syntax/parse_fhir_actions.hpp"

namespace redflag {
namespace {

namespace pegtl = tao::pegtl;
using internal::DeclKind;
using internal::ParseBuilder;

bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The last token before the end of the file at [eof], where "found end of file" points: the
// line after it may be empty or not exist at all.
SourceSpan last_token(const ParseBuilder& b, SourceLoc eof) {
  const std::string& text = b.text;
  std::size_t end = text.find_last_not_of(" \t\r\n");
  if (end == std::string::npos || eof.offset != text.size()) return SourceSpan{eof, 0};
  ++end;
  std::size_t begin = end - 1;
  while (begin > 0 && is_identifier_char(text[begin - 1]) && is_identifier_char(text[end - 1])) --begin;
  const std::size_t line_start = text.rfind('\n', begin) == std::string::npos ? 0 : text.rfind('\n', begin) + 1;
  SourceLoc loc{b.file_id, 1 + static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(begin), '\n')),
                static_cast<std::uint32_t>(begin - line_start + 1), begin};
  return b.span(loc, end);
}

// Where a missing operand or `)` belongs: just after the token before [found] when [found] is on
// a later line (`when a or` then `because` on the next line points after `or`), else [found].
SourceSpan missing_after_previous(const ParseBuilder& b, const SourceSpan& found) {
  const std::string& text = b.text;
  std::size_t end = found.begin.offset;
  for (;;) {
    while (end > 0 && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
    const std::size_t line_start = end == 0 ? 0 : text.rfind('\n', end - 1) + 1;
    // A `#` outside a string on that line starts a comment: the token is before it.
    bool quoted = false;
    std::size_t comment = std::string::npos;
    for (std::size_t i = line_start; i < end && comment == std::string::npos; ++i) {
      if (text[i] == '"') quoted = !quoted;
      if (text[i] == '#' && !quoted) comment = i;
    }
    if (comment == std::string::npos) break;
    end = comment;
  }
  const std::size_t line_start = end == 0 ? 0 : text.rfind('\n', end - 1) + 1;
  if (end == 0 || text.find('\n', end) >= found.begin.offset) return found;
  const auto line = static_cast<std::uint32_t>(
      1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
  return SourceSpan{SourceLoc{b.file_id, line, static_cast<std::uint32_t>(end - line_start + 1), end}, 0};
}

// What stands at [loc] in the file, as "found ..." names it, and where it is. Whitespace and
// comments are skipped first so the message points at the next token.
std::pair<std::string, SourceSpan> describe_found(const ParseBuilder& b, SourceLoc loc) {
  const std::string& text = b.text;
  std::size_t i = loc.offset;
  while (i < text.size() && (std::isspace(static_cast<unsigned char>(text[i])) || text[i] == '#')) {
    if (text[i] == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    ++loc.column;
    if (text[i++] == '\n') {
      ++loc.line;
      loc.column = 1;
    }
  }
  loc.offset = i;
  if (i == text.size()) return {"end of file", last_token(b, loc)};
  std::size_t end = i + 1;
  std::string description;
  const auto is_digit = [&](std::size_t k) { return k < text.size() && std::isdigit(static_cast<unsigned char>(text[k])); };
  if (is_identifier_char(text[i]) && !is_digit(i)) {
    while (end < text.size() && is_identifier_char(text[end])) ++end;
    const std::string word = text.substr(i, end - i);
    pegtl::memory_input word_input(word, "");
    const bool keyword = pegtl::parse<pegtl::seq<grammar::keyword, pegtl::eof>>(word_input);
    const std::string shown = word.size() > 40 ? word.substr(0, 40) + "..." : word;
    description = fmt::format("{}`{}`", keyword ? "keyword " : "", shown);
  } else if (is_digit(i) || (text[i] == '-' && is_digit(i + 1))) {
    while (is_digit(end) || (end < text.size() && text[end] == '.')) ++end;
    description = fmt::format("number `{}`", text.substr(i, end - i));
  } else if (text[i] == '"') {
    description = "a string";
  } else {
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    description = fmt::format("`{}`", text.substr(i, end - i));
  }
  return {description, b.span(loc, end)};
}

// The location [back] bytes before [loc] on the same line.
SourceLoc step_back(SourceLoc loc, std::uint32_t back) {
  loc.offset -= back;
  loc.column -= back;
  return loc;
}

template <typename Rule, typename ParseInput>
void report_syntax_error(const ParseInput& in, ParseBuilder& b) {
  using Error = internal::syntax_error<Rule>;
  const auto position = in.position();
  const SourceLoc at{b.file_id, static_cast<std::uint32_t>(position.line),
                     static_cast<std::uint32_t>(position.column), position.byte};
  if (b.decl == DeclKind::Topic && b.runaway_block) {
    const auto& block = *b.runaway_block;
    b.diagnostics.report<DiagKind::UnterminatedTextBlock>(block.opening).help.push_back(fmt::format(
        "this block runs on to the next `\"\"\"`, taking the `{}` on line {} with it", block.keyword,
        block.keyword_line));
    return;
  }
  if constexpr (Error::kind == DiagKind::ExpectedDeclaration || Error::kind == DiagKind::ExpectedSyntax) {
    const auto [found, span] = describe_found(b, at);
    const internal::SyntaxErrorSite site{at, span.begin, internal::name_kind<Rule>,
                                         std::is_same_v<Rule, grammar::compare_rhs>,
                                         std::is_same_v<Rule, grammar::test_end>};
    if (internal::report_common_mistake(b, site)) return;
    if constexpr (Error::kind == DiagKind::ExpectedDeclaration) {
      b.diagnostics.report<Error::kind>(span, found);
    } else if constexpr (internal::completes_previous<Rule>) {
      // At the end of the file the caret is on the last token already (describe_found).
      const SourceSpan at_missing = found == "end of file" ? span : missing_after_previous(b, span);
      b.diagnostics.report<Error::kind>(at_missing, Error::expected, found);
    } else {
      b.diagnostics.report<Error::kind>(span, Error::expected, found);
    }
  } else if constexpr (Error::kind == DiagKind::UnterminatedString) {
    b.diagnostics.report<Error::kind>(SourceSpan{step_back(at, 1), 1});
  } else if constexpr (Error::kind == DiagKind::UnterminatedTextBlock) {
    b.diagnostics.report<Error::kind>(SourceSpan{step_back(at, 3), 3});
  } else if constexpr (Error::kind == DiagKind::InvalidEscape) {
    const char code = in.empty() ? '\n' : in.peek_char();
    const std::string shown = std::isprint(static_cast<unsigned char>(code))
                                  ? fmt::format("`\\{}`", code)
                                  : std::string("`\\` at the end of the line");
    b.diagnostics.report<Error::kind>(SourceSpan{step_back(at, 1), 2}, shown);
  } else {
    static_assert(Error::kind == DiagKind::NestingTooDeep);
    b.diagnostics.report<Error::kind>(SourceSpan{at, 1}, grammar::kMaxNesting);
  }
}

// Reports a failed must<Rule> into the builder's diagnostics, then unwinds to the recovery
// point at the enclosing declaration. A declaration starts with no current declaration, so an
// error before its name drops nothing.
template <typename Rule>
struct control : pegtl::normal<Rule> {
  template <typename ParseInput, typename... States>
  static void start(const ParseInput& in, States&&... st) {
    if constexpr (std::is_same_v<Rule, grammar::declaration>) (st.begin_declaration(in.byte()), ...);
  }

  template <typename ParseInput, typename... States>
  [[noreturn]] static void raise(const ParseInput& in, States&&... st) {
    (report_syntax_error<Rule>(in, st), ...);
    (st.reset_after_error(), ...);
    throw pegtl::parse_error(std::string(internal::syntax_error<Rule>::expected), in);
  }
};

}  // namespace

void parse_source(const SourceFile& file, std::uint32_t file_id, ast::Kb& kb,
                  Diagnostics& diagnostics) {
  ParseBuilder builder{kb, diagnostics, file_id, file.text};
  pegtl::memory_input in(file.text, file.path);
  pegtl::parse<grammar::recovering_file, internal::action, control>(in, builder);
}

}  // namespace redflag
