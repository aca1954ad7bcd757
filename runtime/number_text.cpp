#include "runtime/number_text.hpp"

#include <charconv>
#include <cmath>

namespace redflag {
namespace {

// [value] as printf's "%.{precision}g" writes it in the "C" locale.
std::string general_text(double value, int precision) {
  char buffer[32];
  const auto printed = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, precision);
  return std::string(buffer, printed.ptr);
}

bool reads_back_as(const std::string& text, double value) {
  double read = 0;
  std::from_chars(text.data(), text.data() + text.size(), read);
  return read == value;
}

}  // namespace

std::string number_text(double value) { return general_text(value, 15); }

// The fewest "%g" digits that read back, rather than to_chars' shortest form, which differs from
// it at some powers of two and would change disasm output.
std::string shortest_text(double value) {
  const bool plain = std::fabs(value) >= 1e-4 && std::fabs(value) < 1e15;
  std::string text;
  for (int precision = 1; precision <= 17; ++precision) {
    text = general_text(value, precision);
    const bool exponent = text.find('e') != std::string::npos;
    if (reads_back_as(text, value) && !(plain && exponent)) break;
  }
  return text;
}

}  // namespace redflag
