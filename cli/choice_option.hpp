// Options that take one of a few names (`--format text|json`): the help lists them as
// `text|json`, and a bad name is a usage error that lists the accepted ones, e.g.
// "--format: xml not in {text,json}". Only the names are accepted (no numbers, no other case).
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <utility>
#include <vector>

namespace redflag::cli {

// The check that a value is one of [names]: "xml not in {text,json}" when it is not.
inline CLI::Validator one_of_names(const std::vector<std::string>& names) {
  return CLI::Validator(
      [names](const std::string& given) {
        for (const auto& choice_name : names) {
          if (choice_name == given) return std::string();
        }
        return given + " not in {" + CLI::detail::join(names, ",") + "}";
      },
      "");
}

// Adds option [name] to [verb]; the value named on the command line is stored in [target].
template <typename Target, typename Value>
CLI::Option* add_choice_option(CLI::App& verb, const std::string& name, Target& target,
                               const std::string& description,
                               const std::vector<std::pair<std::string, Value>>& choices) {
  std::vector<std::string> names;
  for (const auto& choice : choices) names.push_back(choice.first);
  return verb
      .add_option_function<std::string>(
          name,
          [&target, choices](const std::string& given) {
            for (const auto& [choice_name, value] : choices) {
              if (choice_name == given) target = value;
            }
          },
          description)
      ->type_name(CLI::detail::join(names, "|"))
      ->check(one_of_names(names));
}

}  // namespace redflag::cli
