#include "runtime/cases/json_number.hpp"

namespace redflag::internal {
namespace {

// What ends a token outside a string: JSON's whitespace, its structural characters and a quote.
bool ends_token(char c) {
  switch (c) {
    case ' ': case '\t': case '\n': case '\r':
    case '[': case ']': case '{': case '}': case ':': case ',': case '"':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string zeroed_numbers(std::string_view json) {
  std::string out(json);
  for (std::size_t i = 0; i < out.size();) {
    if (out[i] == '"') {  // skip the string, escapes included
      for (++i; i < out.size() && out[i] != '"'; ++i) {
        if (out[i] == '\\') ++i;
      }
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < out.size() && !ends_token(out[end])) ++end;
    if (end == i) {
      ++i;
      continue;
    }
    const std::string_view token(out.data() + i, end - i);
    if (is_json_number(token)) out.replace(i, token.size(), "0" + std::string(token.size() - 1, ' '));
    i = end;
  }
  return out;
}

}  // namespace redflag::internal
