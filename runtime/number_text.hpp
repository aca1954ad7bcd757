// Numbers as text, the same bytes in every locale.
//
// std::to_chars and std::from_chars never consult the C locale, unlike printf and strtod: a host
// that calls setlocale (Python, an editor) cannot turn 38.5 into "38,5" or a threshold into 38.
// Standard library only.
#pragma once

#include <string>

namespace redflag {

// [value] in at most 15 significant digits, as printf's "%.15g" writes it ("12", "4.5359237", "nan").
std::string number_text(double value);

// The shortest text that reads back as [value], without an exponent for clinical-sized values
// (10, not 1e+01; 1e-05 and 1e+20 keep theirs).
std::string shortest_text(double value);

}  // namespace redflag
