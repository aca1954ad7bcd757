// JSON number tokens by RFC 8259's grammar, where simdjson cannot judge them.
//
// The case reader uses them for an `id` echoed as written, for a valid number simdjson will not
// convert (beyond a double, or with a long exponent: valid JSON, read by read_decimal in
// runtime/number_text.hpp rather than called invalid), and for the number in a quantity string
// such as "12 lb", which follows JSON's syntax. They only recognise; they do not convert.
#pragma once

#include <string>
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

// [json] with every number token that is_json_number accepts overwritten by `0` and spaces (the
// same length, so offsets stay), for simdjson's full parser, which calls a valid number it cannot
// convert a NUMBER_ERROR: [json] is valid JSON exactly when the result is. A token is a run of
// characters outside strings up to whitespace, a structural character or a quote.
std::string zeroed_numbers(std::string_view json);

}  // namespace redflag::internal
