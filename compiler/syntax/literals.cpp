#include "compiler/syntax/literals.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <vector>

#include "runtime/number_text.hpp"

namespace redflag {

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
  const DecimalReading decimal = read_decimal(text);
  // A subnormal keeps fewer significant digits than the literal has, so it counts as too small.
  const bool subnormal = decimal.value != 0 && std::fabs(decimal.value) < DBL_MIN;
  if (decimal.range == DecimalReading::Range::Overflows) return {0, NumberReading::Fit::TooLarge};
  if (decimal.range == DecimalReading::Range::Underflows || subnormal) return {0, NumberReading::Fit::TooSmall};
  return {decimal.value, NumberReading::Fit::Fits};
}

}  // namespace redflag
