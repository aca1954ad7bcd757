#include "tools/eval/progress_meter.hpp"

#include <fmt/format.h>

namespace redflag::tools {
namespace {

// [n] with a comma between groups of three digits: 1,234,567.
std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
  return digits;
}

std::string counted(std::uint64_t n, const char* one, const char* many) {
  return grouped(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string progress_text(std::uint64_t cases, std::uint64_t errors, double seconds) {
  std::string text = counted(cases, "case", "cases");
  if (seconds > 0) text += ", " + grouped(static_cast<std::uint64_t>(static_cast<double>(cases) / seconds)) + " cases/s";
  return text + ", " + counted(errors, "error", "errors");
}

std::optional<std::string> ProgressMeter::update(std::uint64_t cases, std::uint64_t errors, Clock::time_point now) {
  if (last_drawn_ && now - *last_drawn_ < kInterval) return std::nullopt;
  last_drawn_ = now;
  return progress_text(cases, errors, std::chrono::duration<double>(now - start_).count());
}

}  // namespace redflag::tools
