#include "cli/command_model.hpp"

#include <CLI/CLI.hpp>

namespace redflag::cli {
namespace {

std::vector<std::string> split_choices(const std::string& value) {
  std::vector<std::string> choices;
  if (value.find('|') == std::string::npos) return choices;
  std::size_t start = 0;
  for (std::size_t bar = value.find('|'); bar != std::string::npos; bar = value.find('|', start)) {
    choices.push_back(value.substr(start, bar - start));
    start = bar + 1;
  }
  choices.push_back(value.substr(start));
  return choices;
}

OptionModel option_model(const CLI::Option& option) {
  OptionModel model;
  model.long_names = option.get_lnames();
  model.short_names = option.get_snames();
  if (option.get_type_size() != 0) {
    const std::string type = option.get_type_name();
    model.value = type.substr(0, type.find(':'));  // as help_format.cpp shows it
  }
  model.choices = split_choices(model.value);
  model.description = option.get_description();
  return model;
}

std::vector<OptionModel> named_options(const CLI::App& app) {
  std::vector<OptionModel> options;
  for (const CLI::Option* option : app.get_options()) {
    if (option->nonpositional()) options.push_back(option_model(*option));
  }
  return options;
}

}  // namespace

std::string OptionModel::synopsis() const {
  std::string text;
  for (const auto& name : short_names) text += (text.empty() ? "-" : ", -") + name;
  for (const auto& name : long_names) text += (text.empty() ? "--" : ", --") + name;
  return value.empty() ? text : text + " " + value;
}

std::string VerbModel::usage() const {
  std::string text = "redflag " + name + " [OPTIONS]";
  for (const auto& positional : positionals) text += " " + positional.name + (positional.repeats ? "..." : "");
  return text;
}

std::vector<VerbModel> describe_verbs(const CLI::App& root) {
  std::vector<VerbModel> verbs;
  for (const CLI::App* app : root.get_subcommands({})) {
    VerbModel verb;
    verb.name = app->get_name();
    verb.description = app->get_description();
    verb.footer = app->get_footer();
    verb.options = named_options(*app);
    for (const CLI::Option* option : app->get_options()) {
      if (option->nonpositional()) continue;
      verb.positionals.push_back({option->get_name(), option->get_expected_max() > 1, option->get_description()});
    }
    verbs.push_back(std::move(verb));
  }
  return verbs;
}

std::vector<OptionModel> describe_root_options(const CLI::App& root) { return named_options(root); }

}  // namespace redflag::cli
