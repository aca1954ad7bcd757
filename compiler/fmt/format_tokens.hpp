// The formatter's view of a source file: its tokens, each carrying the comments around it.
//
// `redflag fmt` lays a file out again from this token list (compiler/fmt/format_source.hpp), so it needs
// what the AST drops: every token as written, whether a text was a string or a text block, and
// where each comment and blank line stood. The lexer trusts its input: it runs only on files the
// parser accepted, so it does not report errors (a malformed file still yields some tokens).
// It does not include the PEGTL grammar (only the parser's TU may), but follows its lexical
// rules (grammar/grammar.hpp): versions after `version`, dates after `reviewed`/`next_review`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace redflag::formatter {

enum class TokenKind : std::uint8_t {
  Word,       // a keyword or a name
  Number,     // a number, version or date, exactly as written
  Unit,       // a UCUM unit that is more than a word: `[lb_av]`, `mm[Hg]`, `/min`, `%`
  String,     // `"..."`: `text` is the canonical spelling, `value` the decoded text
  TextBlock,  // `"""..."""`: `value` is the text with its indentation removed
  Punct,      // ( ) { } , : = != < <= > >=
};

// A comment: its text from `#`, trailing blanks removed.
struct TokenComment {
  std::string text;
  bool blank_before = false;  // a blank line separates it from what precedes it
};

struct Token {
  TokenKind kind = TokenKind::Word;
  std::string text;
  std::string value;
  std::uint32_t line = 0;  // 1-based line of the token's start
  bool blank_before = false;  // a blank line separates it from the token or comment before it
  std::vector<TokenComment> leading;  // comments on their own lines just before the token
  std::string trailing;  // a comment after the token on its last line ("" when none)
};

// A file as tokens, plus the comments after its last token.
struct TokenizedFile {
  std::vector<Token> tokens;
  std::vector<TokenComment> final_comments;
};

// Splits [text] (a file the parser accepted) into tokens with their comments.
TokenizedFile tokenize(std::string_view text);

// [value] as a string literal with the canonical escapes (`\"`, `\\`, `\n`, `\t`).
std::string quote_string(std::string_view value);

}  // namespace redflag::formatter
