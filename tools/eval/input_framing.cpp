#include "tools/eval/input_framing.hpp"

namespace redflag::tools {
namespace {

bool is_line_end(char c) { return c == '\n' || c == '\r'; }
bool is_space(char c) { return c == ' ' || c == '\t' || is_line_end(c); }

std::size_t skip_space(std::string_view text, std::size_t i) {
  while (i < text.size() && is_space(text[i])) ++i;
  return i;
}

// Where the first JSON value stops, as far as its brackets and strings tell.
struct ValueEnd {
  enum class Kind : std::uint8_t { OnItsLine, SpansLines, RunsOut } kind;
  std::size_t end = 0;  // just after the value, for OnItsLine
};

ValueEnd scan_value(std::string_view text, std::size_t i) {
  const char first = text[i];
  if (first != '{' && first != '[' && first != '"') {  // a number, literal or stray byte
    std::size_t end = i + 1;
    while (end < text.size() && !is_space(text[end]) &&
           std::string_view(",:{}[]\"").find(text[end]) == std::string_view::npos) {
      ++end;
    }
    return {end < text.size() ? ValueEnd::Kind::OnItsLine : ValueEnd::Kind::RunsOut, end};
  }
  int depth = 0;
  bool in_string = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (is_line_end(c)) return {ValueEnd::Kind::SpansLines};
    if (in_string) {
      if (c == '\\') {
        ++i;  // the escaped character, even a quote
      } else if (c == '"') {
        in_string = false;
        if (depth == 0) return {ValueEnd::Kind::OnItsLine, i + 1};
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth <= 0) {
      return {ValueEnd::Kind::OnItsLine, i + 1};
    }
  }
  return {ValueEnd::Kind::RunsOut};
}

}  // namespace

Framing detect_framing(std::string_view text, bool complete, bool lines_when_alone) {
  const Framing alone = lines_when_alone ? Framing::JsonLines : Framing::Json;
  const std::size_t start = skip_space(text, 0);
  if (start == text.size()) return complete ? alone : Framing::Undecided;
  const ValueEnd value = scan_value(text, start);
  if (value.kind == ValueEnd::Kind::SpansLines) return Framing::Json;
  if (value.kind == ValueEnd::Kind::RunsOut) return complete ? alone : Framing::Undecided;
  std::size_t next = value.end;
  while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
  if (next < text.size() && !is_line_end(text[next])) return Framing::JsonLines;  // more on its line
  if (lines_when_alone) return Framing::JsonLines;
  if (skip_space(text, next) < text.size()) return Framing::JsonLines;  // another value on a later line
  return complete ? Framing::Json : Framing::Undecided;
}

}  // namespace redflag::tools
