// Entry point of `redflag`: parses the command line with CLI11 and runs one verb.
#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdio>
#include <new>
#include <sstream>
#include <string>

#include "cli/color_option.hpp"
#include "cli/diagnostics_output.hpp"
#include "cli/help_format.hpp"
#include "cli/standard_output.hpp"
#include "cli/verbs.hpp"

namespace {

// Every verb, in the order `redflag help` lists them.
constexpr redflag::cli::AddVerb kVerbs[] = {
    redflag::cli::add_check_verb, redflag::cli::add_build_verb, redflag::cli::add_eval_verb,
    redflag::cli::add_test_verb,  redflag::cli::add_lint_verb,  redflag::cli::add_fmt_verb,
    redflag::cli::add_doc_verb,   redflag::cli::add_show_verb,  redflag::cli::add_diff_verb,
    redflag::cli::add_disasm_verb, redflag::cli::add_explain_verb, redflag::cli::add_lsp_verb,
    redflag::cli::add_questionnaire_verb, redflag::cli::add_serve_verb, redflag::cli::add_help_verb,
    redflag::cli::add_version_verb, redflag::cli::add_completions_verb, redflag::cli::add_man_verb,
};

}  // namespace

int main(int argc, char** argv) {
  redflag::cli::reserve_standard_streams();
  // Write errors are reported, not signals: a closed pipe gives EPIPE, a file past `ulimit -f` EFBIG.
  std::signal(SIGPIPE, SIG_IGN);
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"redflag: compile clinical red-flag rules and evaluate patient cases"};
  app.require_subcommand(1);
  app.set_version_flag("-V,--version", redflag::cli::version_line());
  redflag::cli::add_root_color_option(app);
  int exit_code = 0;
  for (const redflag::cli::AddVerb add_verb : kVerbs) add_verb(app, exit_code);
  app.footer("`redflag help VERB` or `redflag VERB --help` describes one verb; docs/cli.md all of them.");
  redflag::cli::use_help_format(app);
  // The first argument names the verb, unless it is an option of redflag's own (`--help`).
  constexpr const char* kNoVerb = "no verb given; `redflag help` lists the verbs";
  if (argc < 2) {
    redflag::cli::print_error(kNoVerb);
    return 1;
  }
  const std::string first = argv[1];
  if (first[0] != '-' && !redflag::cli::known_verb(app, first)) return redflag::cli::report_unknown_verb(app, first);
  if (first.size() > 1 && first != "--" && first[0] == '-' && !redflag::cli::known_option(app, first)) {
    return redflag::cli::report_unknown_option(app, first);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ExtrasError& error) {
    // An unknown option gets a suggestion; an extra positional argument CLI11's message.
    const auto verbs = app.get_subcommands();
    const CLI::App& verb = verbs.empty() ? app : *verbs.front();
    const auto left = verb.remaining();
    if (!left.empty() && left.front().size() > 1 && left.front()[0] == '-') {
      return redflag::cli::report_unknown_option(verb, left.front());
    }
    std::fputs((error.what() + std::string("\nRun with --help for more information.\n")).c_str(), stderr);
    return 1;
  } catch (const CLI::ParseError& error) {
    // Only root options (`redflag --color never`): the same error as no arguments at all.
    if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr && app.get_subcommands().empty()) {
      redflag::cli::print_error(kNoVerb);
      return 1;
    }
    // --help and --version exit 0; every usage error exits 1, as docs/cli.md promises. The help
    // text goes through print_output, so that an error writing it is reported too.
    std::ostringstream help;
    std::ostringstream usage_error;
    const int code = app.exit(error, help, usage_error) == 0 ? 0 : 1;
    redflag::cli::print_output(help.str());
    std::fputs(usage_error.str().c_str(), stderr);
    return redflag::cli::finish_standard_output(code);
  } catch (const std::bad_alloc&) {
    // Any verb (`ulimit -v`): outputs are written whole or not at all, so stop with one line.
    redflag::cli::print_error("out of memory");
    return 1;
  }
  return redflag::cli::finish_standard_output(exit_code);
}
