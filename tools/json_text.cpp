#include "tools/json_text.hpp"

#include <cmath>
#include <iterator>

#include <fmt/compile.h>

namespace redflag::tools {

void append_json_string(fmt::memory_buffer& out, std::string_view text) {
  out.push_back('"');
  std::size_t run_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + run_start, text.data() + i);
    run_start = i + 1;
    switch (c) {
      case '"': out.append(std::string_view("\\\"")); break;
      case '\\': out.append(std::string_view("\\\\")); break;
      case '\n': out.append(std::string_view("\\n")); break;
      case '\r': out.append(std::string_view("\\r")); break;
      case '\t': out.append(std::string_view("\\t")); break;
      default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
    }
  }
  out.append(text.data() + run_start, text.data() + text.size());
  out.push_back('"');
}

void append_json_number(fmt::memory_buffer& out, double value) {
  // Case values are finite (the case reader rejects NaN and infinities); an integral value
  // prints without a fraction, as JSON readers expect of counts and years.
  // Both paths skip format-string parsing: this runs for every number of every record.
  if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 1e15) {
    const fmt::format_int digits(static_cast<long long>(value));
    out.append(digits.data(), digits.data() + digits.size());
  } else {
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}"), value);
  }
}

}  // namespace redflag::tools
