// Fuzzes the UCUM parser and conversion: the bytes as one code, then split at the first
// newline into two codes converted into each other. Checked: a result is a unit or an error
// with a message and an offset inside the input; a parsed unit has a finite nonzero factor; a
// conversion gives a value or a message, never both or neither.
#include <cmath>
#include <cstdint>
#include <string_view>

#include "runtime/ucum/ucum.hpp"
#include "tests/fuzz/fuzz_require.hpp"

namespace {

using redflag::fuzz::require;

void parse_one(std::string_view code) {
  const redflag::ucum::ParseResult result = redflag::ucum::parse(code);
  if (result.unit) {
    require(std::isfinite(result.unit->factor) && result.unit->factor != 0, "a unit without a finite factor");
  } else {
    require(!result.error.message.empty(), "a refusal without a message");
    require(result.error.offset <= code.size(), "an error offset beyond the input");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  parse_one(input);
  const std::size_t newline = input.find('\n');
  if (newline != std::string_view::npos) {
    const redflag::ucum::ConvertResult result = redflag::ucum::convert(1.5, input.substr(0, newline), input.substr(newline + 1));
    require(result.value.has_value() != !result.error.empty(), "a conversion with both or neither of value and message");
  }
  return 0;
}
