// `redflag help [VERB]` and `redflag version`, and what a mistyped verb gets.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "cli/diagnostics_output.hpp"
#include "cli/standard_output.hpp"
#include "cli/verbs.hpp"
#include "redflag/version.hpp"
#include "runtime/suggest.hpp"

namespace redflag::cli {

void add_help_verb(CLI::App& root, int& exit_code) {
  auto verb_name = std::make_shared<std::string>();
  CLI::App* verb = root.add_subcommand("help", "Print the help of redflag, or of one verb (`redflag help lint`)");
  verb->add_option("VERB", *verb_name, "The verb to explain; all of them are listed without one");
  verb->callback([&root, verb_name, &exit_code] {
    if (verb_name->empty()) {
      // root.help() would describe the verb that is running, `help` itself.
      print_output(root.get_formatter()->make_help(&root, root.get_name(), CLI::AppFormatMode::Normal));
      exit_code = 0;
      return;
    }
    if (!known_verb(root, *verb_name)) {
      exit_code = report_unknown_verb(root, *verb_name);
      return;
    }
    print_output(root.get_subcommand(*verb_name)->help(root.get_name()));
    exit_code = 0;
  });
}

void add_version_verb(CLI::App& root, int& exit_code) {
  CLI::App* verb = root.add_subcommand("version", "Print redflag's version (as --version does)");
  verb->callback([&exit_code] {
    print_output(version_line() + "\n");
    exit_code = 0;
  });
}

std::string version_line() { return "redflag " + std::string(kRedflagVersion); }

bool known_verb(const CLI::App& root, const std::string& name) {
  for (const CLI::App* verb : root.get_subcommands({})) {
    if (verb->get_name() == name) return true;
  }
  return false;
}

int report_unknown_verb(const CLI::App& root, const std::string& name) {
  std::vector<std::string> names;
  for (const CLI::App* verb : root.get_subcommands({})) names.push_back(verb->get_name());
  const std::string suggestion = did_you_mean(name, std::vector<std::string_view>(names.begin(), names.end()));
  print_error(fmt::format("unknown verb {}{}", quoted_name(name),
                          suggestion.empty() ? "; `redflag help` lists the verbs" : suggestion));
  return 1;
}

}  // namespace redflag::cli
