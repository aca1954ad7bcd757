#include "runtime/number_text.hpp"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <system_error>

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

// The power of ten of the first non-zero digit of [text], a decimal number with one (`0.05e3` is
// 1), so that a number out of range can be told too large (above 0) from too small. An exponent
// too long for a `long` counts as far out in its direction.
long decimal_magnitude(std::string_view text) {
  const auto e = std::min(text.find_first_of("eE"), text.size());
  const std::string_view mantissa = text.substr(0, e);
  long exponent = 0;
  if (e < text.size()) {
    std::string_view digits = text.substr(e + 1);
    if (digits.front() == '+') digits.remove_prefix(1);
    if (std::from_chars(digits.data(), digits.data() + digits.size(), exponent).ec != std::errc()) {
      exponent = digits.front() == '-' ? LONG_MIN / 2 : LONG_MAX / 2;
    }
  }
  const auto point = std::min(mantissa.find('.'), mantissa.size());
  const auto first = mantissa.find_first_of("123456789");
  const long position = first < point ? static_cast<long>(point - first - 1) : -static_cast<long>(first - point);
  return exponent + position;
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

DecimalReading read_decimal(std::string_view text) {
  DecimalReading reading;
  // from_chars reports a result that rounds to 0 or to infinity as out of range, and leaves
  // the value alone.
  if (std::from_chars(text.data(), text.data() + text.size(), reading.value).ec != std::errc::result_out_of_range) {
    return reading;
  }
  const double sign = text.front() == '-' ? -1.0 : 1.0;
  const bool overflows = decimal_magnitude(text) > 0;
  reading.range = overflows ? DecimalReading::Range::Overflows : DecimalReading::Range::Underflows;
  reading.value = overflows ? sign * HUGE_VAL : sign * 0.0;
  return reading;
}

}  // namespace redflag
