// How far a batch of cases has got, as `eval`'s progress line shows it on a terminal:
// `12,345 cases, 45,678 cases/s, 3 errors`, redrawn at most ten times a second. It only makes
// the text and decides when; the front end draws it (and clears it at the end).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace redflag::tools {

// `12,345 cases, 45,678 cases/s, 3 errors` for [cases] records, [errors] of them error
// records, in [seconds] (cases/s is left out before any time has passed).
std::string progress_text(std::uint64_t cases, std::uint64_t errors, double seconds);

class ProgressMeter {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::milliseconds kInterval{100};

  explicit ProgressMeter(Clock::time_point start) : start_(start) {}

  // The line to draw at [now], or nullopt when the last one was drawn less than kInterval ago.
  std::optional<std::string> update(std::uint64_t cases, std::uint64_t errors, Clock::time_point now);

 private:
  Clock::time_point start_;
  std::optional<Clock::time_point> last_drawn_;
};

}  // namespace redflag::tools
