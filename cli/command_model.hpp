// The command line as data, read from the CLI11 definition itself: the verbs, their options and
// positionals. Shell completions and the man page are generated from it (`redflag completions`,
// `redflag man`), so they can never list an option the binary lacks or miss one it has.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace redflag::cli {

struct OptionModel {
  std::vector<std::string> long_names;   // without `--`: "format"
  std::vector<std::string> short_names;  // without `-`: "o"
  std::string value;                     // what it takes: "text|json", "FILE", "N"; "" for a flag
  std::vector<std::string> choices;      // the names a choice option accepts, else empty
  std::string description;

  bool takes_file() const { return value == "FILE"; }
  // `-o, --output FILE`
  std::string synopsis() const;
};

struct PositionalModel {
  std::string name;  // "PATH"
  bool repeats = false;
  std::string description;
};

struct VerbModel {
  std::string name;
  std::string description;  // one line
  std::string footer;       // more text, possibly several lines; may be empty
  std::vector<OptionModel> options;  // --help included
  std::vector<PositionalModel> positionals;

  // `redflag lint [OPTIONS] PATH...`
  std::string usage() const;
};

// Every verb of [root], in the order `redflag help` lists them.
std::vector<VerbModel> describe_verbs(const CLI::App& root);

// The options of [root] itself (--help, --version).
std::vector<OptionModel> describe_root_options(const CLI::App& root);

}  // namespace redflag::cli
