// Runs the grammar with the AST actions and turns failed `must<>`s into diagnostics.
#include "compiler/syntax/parse.hpp"

#include <tao/pegtl.hpp>

#include "compiler/syntax/parse_decl_actions.hpp"
#include "compiler/syntax/parse_errors.hpp"
#include "compiler/syntax/parse_fhir_actions.hpp"

namespace redflag {
namespace {

namespace pegtl = tao::pegtl;
using internal::ParseBuilder;

bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
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
  if (i == text.size()) return {"end of file", SourceSpan{loc, 0}};
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
  if constexpr (Error::kind == DiagKind::ExpectedDeclaration) {
    const auto [found, span] = describe_found(b, at);
    b.diagnostics.report<Error::kind>(span, found);
  } else if constexpr (Error::kind == DiagKind::ExpectedSyntax) {
    const auto [found, span] = describe_found(b, at);
    b.diagnostics.report<Error::kind>(span, Error::expected, found);
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
// point at the enclosing declaration.
template <typename Rule>
struct control : pegtl::normal<Rule> {
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
