// `redflag explain CODE|LINT`: prints the long description of a diagnostic code or a lint.
#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include "cli/color_option.hpp"
#include "cli/diagnostics_output.hpp"
#include "cli/standard_output.hpp"
#include "cli/verbs.hpp"
#include "compiler/diagnostics/diagnostic_docs.hpp"
#include "compiler/lint/lint.hpp"
#include "runtime/suggest.hpp"

namespace redflag::cli {
namespace {

struct ExplainOptions {
  std::string name;
  ColorWhen color = ColorWhen::Auto;
};

// The docs section for [name]: a lint id as lint prints it (`unused-fact`), else a code in any
// letter case (`e012`).
std::optional<std::string> explanation(const std::string& name) {
  if (auto lint_section = explain_lint(name)) return lint_section;
  std::string code = name;
  std::transform(code.begin(), code.end(), code.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return explain_code(code);
}

// The lint ids, for "did you mean" (a code one digit away is another code, not a typo).
std::vector<std::string_view> lint_ids() {
  std::vector<std::string_view> ids;
  for (const auto& info : lint::lint_catalog()) ids.push_back(info.id);
  return ids;
}

int run_explain(const ExplainOptions& options) {
  if (auto text = explanation(options.name)) {
    // The heading line in bold on a terminal.
    if (use_color(options.color, STDOUT_FILENO)) {
      text->insert(text->find('\n'), "\x1b[0m");
      text->insert(0, "\x1b[1m");
    }
    print_output(*text);
    return 0;
  }
  const std::string suggestion = did_you_mean(options.name, lint_ids());
  print_error(fmt::format("unknown diagnostic code or lint {}{}", quoted_name(options.name),
                          suggestion.empty() ? "; codes look like `E012` (docs/diagnostics.md), lints like "
                                               "`unused-fact` (docs/lints.md)"
                                             : suggestion));
  return 1;
}

}  // namespace

void add_explain_verb(CLI::App& root, int& exit_code) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* verb = root.add_subcommand("explain", "Explain a diagnostic code such as E012 or a lint such as unused-fact");
  verb->footer(
      "Prints what it means, an example that triggers it and how to fix it: the section of\n"
      "docs/diagnostics.md or docs/lints.md. Exit status 1 for an unknown name.");
  verb->add_option("NAME", options->name,
                   "a code or lint id as printed in brackets, e.g. `E012` or `unused-fact`")
      ->required();
  add_color_option(*verb, options->color);
  verb->callback([options, &exit_code] { exit_code = run_explain(*options); });
}

}  // namespace redflag::cli
