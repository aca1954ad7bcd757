// Entry point of `redflag`: parses the command line with CLI11 and runs one verb.
#include <CLI/CLI.hpp>

#include <new>

#include "cli/diagnostics_output.hpp"
#include "cli/verbs.hpp"
#include "redflag/version.hpp"

int main(int argc, char** argv) {
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
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // --help and --version exit 0; every usage error exits 1, as docs/cli.md promises.
    return app.exit(error) == 0 ? 0 : 1;
  } catch (const std::bad_alloc&) {
    // Any verb (`ulimit -v`): outputs are written whole or not at all, so stop with one line.
    redflag::cli::print_error("out of memory");
    return 1;
  }
  return exit_code;
}
