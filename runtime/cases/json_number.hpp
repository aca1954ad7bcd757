// Whether text is one JSON number token, by RFC 8259's grammar.
//
// The case reader uses it where simdjson cannot say: an `id` echoed as written, a number too
// large for a double (valid JSON, so a range error rather than invalid JSON), and the number in
// a quantity string such as "12 lb", which follows JSON's syntax. It only recognises; it does not
// convert.
#pragma once

#include <string_view>

namespace redflag::internal {

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? and nothing else.
inline bool is_json_number(std::string_view text) {
  std::size_t i = 0;
  const auto digit = [&](std::size_t at) { return at < text.size() && text[at] >= '0' && text[at] <= '9'; };
  const auto digits = [&] {
    const std::size_t start = i;
    while (digit(i)) ++i;
    return i > start;
  };
  if (i < text.size() && text[i] == '-') ++i;
  if (digit(i) && text[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == text.size();
}

}  // namespace redflag::internal
