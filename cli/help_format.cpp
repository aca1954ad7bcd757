#include "cli/help_format.hpp"

#include <memory>
#include <string>

namespace redflag::cli {
namespace {

class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter() {
    label("SUBCOMMAND", "VERB");
    column_width(30);
  }

  // After the option's name: the name of its value, or nothing for a flag; a positional that
  // takes several values is already written `PATH...` in the usage line, and `PATH ...` here.
  std::string make_option_opts(const CLI::Option* option) const override {
    if (option->get_type_size() == 0) return "";
    if (!option->nonpositional()) return option->get_expected_max() > 1 ? " ..." : "";
    const std::string type = option->get_type_name();
    return " " + type.substr(0, type.find(':'));
  }
};

}  // namespace

void use_help_format(CLI::App& root) {
  root.name("redflag");
  const auto formatter = std::make_shared<HelpFormatter>();
  root.formatter(formatter);
  for (CLI::App* verb : root.get_subcommands({})) {
    verb->formatter(formatter);
    verb->group("Verbs");
  }
}

}  // namespace redflag::cli
