#include "cli/color_option.hpp"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "cli/choice_option.hpp"

namespace redflag::cli {
namespace {

const std::vector<std::pair<std::string, ColorWhen>> kChoices = {
    {"auto", ColorWhen::Auto}, {"always", ColorWhen::Always}, {"never", ColorWhen::Never}};
constexpr const char* kDescription =
    "Colour text output with ANSI escapes: auto (default: on a terminal, unless NO_COLOR is set or TERM "
    "is dumb), always or never";

}  // namespace

void add_color_option(CLI::App& verb, ColorWhen& when) { add_choice_option(verb, "--color", when, kDescription, kChoices); }

void add_root_color_option(CLI::App& root) {
  std::vector<std::string> names;
  for (const auto& choice : kChoices) names.push_back(choice.first);
  // CLI11 runs the root's option callbacks before the verb's, so the verb's own `--color`, when
  // given too, is already counted and keeps its value.
  const auto give_to_verb = [&root](const std::string& given) {
    for (CLI::App* verb : root.get_subcommands()) {
      CLI::Option* option = verb->get_option_no_throw("--color");
      if (option != nullptr && option->count() == 0) option->add_result(given);
    }
  };
  root.add_option_function<std::string>("--color", give_to_verb,
                                        std::string(kDescription) + "; before the verb, it applies to the verb")
      ->type_name(CLI::detail::join(names, "|"))
      ->check(one_of_names(names));
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
