#include "compiler/syntax/literals.hpp"

#include <algorithm>
#include <cfloat>
#include <charconv>
#include <climits>
#include <cmath>
#include <system_error>
#include <vector>

namespace redflag {
namespace {

// The power of ten of the first non-zero digit of [text], a number with one (`0.05e3` is 1), so an
// out-of-range number can be told too large (above 0) from too small. An exponent too long for a
// `long` counts as far out in its direction.
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
  const long position = first < point ? static_cast<long>(point - first - 1)
                                      : -static_cast<long>(first - point);
  return exponent + position;
}

}  // namespace

std::string unescape(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\') {
      out += body[i];
      continue;
    }
    const char code = body[++i];  // the grammar guarantees a valid escape code follows
    out += code == 'n' ? '\n' : code == 't' ? '\t' : code;
  }
  return out;
}

std::string dedent(std::string_view body) {
  std::vector<std::string> lines;
  for (std::size_t start = 0;;) {
    const auto end = body.find('\n', start);
    std::string line(body.substr(start, end == std::string_view::npos ? end : end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  const auto blank = [](const std::string& line) {
    return line.find_first_not_of(" \t") == std::string::npos;
  };
  if (!lines.empty() && blank(lines.front())) lines.erase(lines.begin());
  if (!lines.empty() && blank(lines.back())) lines.pop_back();
  std::size_t indent = std::string::npos;
  for (const auto& line : lines) {
    if (!blank(line)) indent = std::min(indent, line.find_first_not_of(" \t"));
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    if (!blank(lines[i])) out += lines[i].substr(indent);
  }
  return out;
}

NumberReading read_number(std::string_view text) {
  NumberReading reading;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), reading.value);
  if (result.ec == std::errc::result_out_of_range) {
    reading.value = 0;
    reading.fit = decimal_magnitude(text) > 0 ? NumberReading::Fit::TooLarge
                                              : NumberReading::Fit::TooSmall;
  } else if (reading.value != 0 && std::fabs(reading.value) < DBL_MIN) {
    reading.value = 0;
    reading.fit = NumberReading::Fit::TooSmall;
  }
  return reading;
}

}  // namespace redflag
