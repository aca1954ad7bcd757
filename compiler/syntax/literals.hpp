// The lexical rules that the parser and the formatter share: the text a string literal or a
// text block stands for, and the double a number stands for (docs/language.md, "Lexical
// structure").
#pragma once

#include <string>
#include <string_view>

namespace redflag {

// [body] of a string literal (without quotes) with its escapes replaced.
std::string unescape(std::string_view body);

// [body] of a text block: the first and last blank lines and the common indentation removed.
std::string dedent(std::string_view body);

// What a NUMBER reads as: its double, or why it has none. A number whose magnitude is past the
// largest double is too large; a non-zero one below the smallest normal double (about 2.2e-308)
// is too small, because it would be read as 0 or as a subnormal with fewer significant digits.
struct NumberReading {
  enum class Fit { Fits, TooLarge, TooSmall };
  double value = 0;  // 0 unless it fits
  Fit fit = Fit::Fits;
};

// Reads [text], a match of the grammar's `number` (`-?digits[.digits][(e|E)[+|-]digits]`), with
// std::from_chars, so in every locale.
NumberReading read_number(std::string_view text);

}  // namespace redflag
