// Decimal numbers read as doubles (runtime/number_text.hpp read_decimal): the nearest double at
// any length of digits or exponent, and the two ways a number can lie beyond the doubles.
#include <catch2/catch.hpp>

#include <cfloat>
#include <cmath>

#include "runtime/number_text.hpp"

namespace redflag {
namespace {

using Range = DecimalReading::Range;

TEST_CASE("read_decimal: numbers that fit are the nearest double") {
  CHECK(read_decimal("130.0000000000001").value == 130.0000000000001);
  CHECK(read_decimal("123456789012345678901234567890").value == 1.2345678901234568e29);
  CHECK(read_decimal("-9223372036854775809").value == -9223372036854775808.0);
  CHECK(read_decimal("1e0000000000000000000000000001").value == 10);
  CHECK(read_decimal("0e99999999999999999999").value == 0);
  CHECK(read_decimal("1.7976931348623157e308").value == DBL_MAX);
  CHECK(read_decimal("4.9e-324").value == 4.9e-324);  // the smallest subnormal
  CHECK(read_decimal("2.5e-324").value == 4.9e-324);  // nearer it than 0
  CHECK(read_decimal("1e-320").range == Range::Fits);
}

TEST_CASE("read_decimal: beyond the largest double is an infinity of the number's sign") {
  for (const char* text : {"1e999", "1.7976931348623159e308", "1e99999999999999999999999", "0.01e311"}) {
    INFO(text);
    const DecimalReading reading = read_decimal(text);
    CHECK(reading.range == Range::Overflows);
    CHECK(reading.value == HUGE_VAL);
  }
  const DecimalReading negative = read_decimal("-1e400");
  CHECK(negative.range == Range::Overflows);
  CHECK(negative.value == -HUGE_VAL);
}

TEST_CASE("read_decimal: nearer 0 than any double is a zero of the number's sign") {
  for (const char* text : {"1e-400", "2.4e-324", "1e-99999999999999999999999", "0.000001e-320"}) {
    INFO(text);
    const DecimalReading reading = read_decimal(text);
    CHECK(reading.range == Range::Underflows);
    CHECK(reading.value == 0);
    CHECK_FALSE(std::signbit(reading.value));
  }
  CHECK(std::signbit(read_decimal("-1e-400").value));
  CHECK(read_decimal("0e-99999").range == Range::Fits);  // zero itself is no underflow
}

}  // namespace
}  // namespace redflag
