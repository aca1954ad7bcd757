#include "cli/color_option.hpp"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "cli/choice_option.hpp"

namespace redflag::cli {

void add_color_option(CLI::App& verb, ColorWhen& when) {
  add_choice_option(verb, "--color", when,
                    "Colour text output with ANSI escapes: auto (default: on a terminal, unless NO_COLOR "
                    "is set or TERM is dumb), always or never",
                    std::vector<std::pair<std::string, ColorWhen>>{
                        {"auto", ColorWhen::Auto}, {"always", ColorWhen::Always}, {"never", ColorWhen::Never}});
}

bool use_color(ColorWhen when, int fd) {
  if (when != ColorWhen::Auto) return when == ColorWhen::Always;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::strcmp(term, "dumb") == 0) return false;
  return isatty(fd) == 1;
}

}  // namespace redflag::cli
