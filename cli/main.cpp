// Entry point of `redflag`: parses the command line with CLI11 and runs one verb.
#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdio>
#include <new>
#include <sstream>

#include "cli/diagnostics_output.hpp"
#include "cli/standard_output.hpp"
#include "cli/verbs.hpp"
#include "redflag/version.hpp"

int main(int argc, char** argv) {
  redflag::cli::reserve_standard_streams();
  // Write errors are reported, not signals: a closed pipe gives EPIPE, a file past `ulimit -f` EFBIG.
  std::signal(SIGPIPE, SIG_IGN);
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"redflag: compile clinical red-flag rules and evaluate patient cases"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "redflag " + std::string(redflag::kRedflagVersion));
  int exit_code = 0;
  redflag::cli::add_check_verb(app, exit_code);
  redflag::cli::add_explain_verb(app, exit_code);
  redflag::cli::add_build_verb(app, exit_code);
  redflag::cli::add_eval_verb(app, exit_code);
  redflag::cli::add_show_verb(app, exit_code);
  redflag::cli::add_disasm_verb(app, exit_code);
  redflag::cli::add_test_verb(app, exit_code);
  redflag::cli::add_fmt_verb(app, exit_code);
  redflag::cli::add_doc_verb(app, exit_code);
  redflag::cli::add_lint_verb(app, exit_code);
  redflag::cli::add_diff_verb(app, exit_code);
  redflag::cli::add_questionnaire_verb(app, exit_code);
  redflag::cli::add_serve_verb(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
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
