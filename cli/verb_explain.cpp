// `redflag explain CODE`: prints the long description of a diagnostic code.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/standard_output.hpp"
#include "cli/verbs.hpp"
#include "compiler/diagnostics/diagnostic_docs.hpp"

namespace redflag::cli {

void add_explain_verb(CLI::App& root, int& exit_code) {
  auto code = std::make_shared<std::string>();
  CLI::App* verb = root.add_subcommand(
      "explain",
      "Explain a diagnostic code such as E012: what it means, an example that triggers it and\n"
      "how to fix it (the same text as docs/diagnostics.md). Exit status 1 for an unknown code.");
  verb->add_option("CODE", *code, "a diagnostic code as printed in brackets, e.g. `E012`")
      ->required();
  verb->callback([code, &exit_code] {
    std::string wanted = *code;
    std::transform(wanted.begin(), wanted.end(), wanted.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (const auto text = explain_code(wanted)) {
      print_output(*text);
      exit_code = 0;
      return;
    }
    std::fputs(fmt::format("error: unknown diagnostic code `{}`; codes look like `E012`, and "
                           "docs/diagnostics.md lists them all\n",
                           *code)
                   .c_str(),
               stderr);
    exit_code = 1;
  });
}

}  // namespace redflag::cli
