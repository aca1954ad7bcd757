// eval's progress line (tools/eval/progress_meter.hpp): its text, and at most one line per 100 ms.
#include <catch2/catch.hpp>

#include "tools/eval/progress_meter.hpp"

namespace redflag {
namespace {

using tools::ProgressMeter;
using namespace std::chrono_literals;

TEST_CASE("the progress text counts cases, their rate and errors, grouped by thousands", "[tools][eval]") {
  CHECK(tools::progress_text(0, 0, 0) == "0 cases, 0 errors");
  CHECK(tools::progress_text(1, 1, 0.5) == "1 case, 2 cases/s, 1 error");
  CHECK(tools::progress_text(1234567, 12, 2.0) == "1,234,567 cases, 617,283 cases/s, 12 errors");
  CHECK(tools::progress_text(999, 1000, 1.0) == "999 cases, 999 cases/s, 1,000 errors");
}

TEST_CASE("the progress line is redrawn at most ten times a second", "[tools][eval]") {
  const auto start = ProgressMeter::Clock::time_point{} + 1h;
  ProgressMeter meter(start);
  CHECK(meter.update(10, 0, start + 10ms) == "10 cases, 1,000 cases/s, 0 errors");
  CHECK_FALSE(meter.update(20, 0, start + 60ms));
  CHECK_FALSE(meter.update(30, 0, start + 109ms));
  CHECK(meter.update(40, 1, start + 110ms) == "40 cases, 363 cases/s, 1 error");
  CHECK(meter.update(50, 1, start + 1s) == "50 cases, 50 cases/s, 1 error");
}

}  // namespace
}  // namespace redflag
