#include "cli/today.hpp"

#include <cstdlib>
#include <ctime>

namespace redflag::cli {

std::string today_from_environment() {
  if (const char* from_env = std::getenv("REDFLAG_TODAY")) return from_env;
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

}  // namespace redflag::cli
