// The lexical rules that the parser and the formatter share: the text a string literal or a
// text block stands for (docs/language.md, "Lexical structure").
#pragma once

#include <string>
#include <string_view>

namespace redflag {

// [body] of a string literal (without quotes) with its escapes replaced.
std::string unescape(std::string_view body);

// [body] of a text block: the first and last blank lines and the common indentation removed.
std::string dedent(std::string_view body);

}  // namespace redflag
