// Numbers as text, the same bytes in every locale, both ways.
//
// std::to_chars and std::from_chars never consult the C locale, unlike printf and strtod: a host
// that calls setlocale (Python, an editor) cannot turn 38.5 into "38,5" or a threshold into 38.
// Standard library only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace redflag {

// [value] in at most 15 significant digits, as printf's "%.15g" writes it ("12", "4.5359237", "nan").
std::string number_text(double value);

// The shortest text that reads back as [value], without an exponent for clinical-sized values
// (10, not 1e+01; 1e-05 and 1e+20 keep theirs).
std::string shortest_text(double value);

// What a decimal number reads as: the nearest double, as std::from_chars (and strtod) round it,
// and whether the number lies beyond the doubles. Past the largest double (about 1.8e308) it
// overflows and reads as an infinity of its sign; a non-zero number nearer to 0 than half the
// smallest subnormal (about 2.5e-324) underflows and reads as a zero of its sign. Numbers in
// between, subnormals included, fit.
struct DecimalReading {
  enum class Range : std::uint8_t { Fits, Overflows, Underflows };
  double value = 0;
  Range range = Range::Fits;
};

// Reads [text], which must be `-?digits[.digits][(e|E)[+|-]digits]`: JSON's number syntax and the
// source grammar's. Any number of digits and any exponent are read at their value (a
// 30-digit integer, `1e0000000000000000000000000001` = 10).
DecimalReading read_decimal(std::string_view text);

}  // namespace redflag
