// `redflag test PATH...`: run a KB's test blocks, with coverage and JUnit XML for CI.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

#include "cli/diagnostics_output.hpp"
#include "cli/output_target.hpp"
#include "cli/standard_output.hpp"
#include "cli/verbs.hpp"
#include "tools/kb/kb_loader.hpp"
#include "tools/test/junit.hpp"
#include "tools/test/test_report.hpp"

namespace redflag::cli {
namespace {

struct TestOptions {
  std::vector<std::string> paths;
  bool coverage = false;
  bool require_coverage = false;
  std::string junit;
  DiagnosticsStyle diagnostics;
};

// Writes the JUnit report [xml] to [path] (`-` is standard output); false (said on stderr)
// when it could not.
bool write_junit(const std::string& path, const std::string& xml, const std::vector<SourceFile>& inputs) {
  const auto error = write_output(path, xml, inputs);
  if (!error.empty()) print_error(error);
  return error.empty();
}

int run_test(const TestOptions& options) {
  const auto kb = tools::compile_kb(options.paths);
  if (!report_load(kb, options.diagnostics)) {
    if (!options.junit.empty()) {
      write_junit(options.junit, tools::junit_load_error_xml(kb, options.paths),
                  kb.frontend ? kb.frontend->files : std::vector<SourceFile>{});
    }
    return 1;
  }
  const auto run = tools::run_kb_tests(*kb.frontend, *kb.image, options.coverage);
  const std::string report = tools::render_test_report(*kb.frontend, *kb.image, run);
  // With the JUnit XML on standard output, the report for people moves to standard error.
  if (!options.junit.empty() && is_standard_output(options.junit)) {
    std::fputs(report.c_str(), stderr);
  } else {
    print_output(report);
  }
  if (!options.junit.empty() &&
      !write_junit(options.junit, tools::junit_xml(*kb.frontend, *kb.image, run, options.require_coverage), kb.frontend->files)) {
    return 1;
  }
  if (run.failed > 0) return 1;
  if (options.require_coverage && !run.fully_covered) {
    print_error("some flags were not driven true, false and unknown by the tests");
    return 1;
  }
  return 0;
}

}  // namespace

void add_test_verb(CLI::App& root, int& exit_code) {
  auto options = std::make_shared<TestOptions>();
  auto* verb = root.add_subcommand("test", "Run a KB's test blocks");
  verb->footer(
      "Each test's facts are evaluated by the compiled bytecode, as `eval` would. Exit 0 when\n"
      "every test passes, 1 on a failure or a KB error (or, with --require-coverage, a flag\n"
      "the tests never made true, false and unknown).");
  verb->add_option("PATH", options->paths, "KB source files or directories")->required();
  verb->add_flag("--coverage", options->coverage,
                 "Report, per flag and per condition, whether tests made it true, false and unknown");
  verb->add_flag("--require-coverage", options->require_coverage,
                 "Fail unless every flag was true, false and unknown in some test (implies --coverage)");
  verb->add_option("--junit", options->junit, "Also write JUnit XML to this file (`-` for stdout; the report then goes to stderr)")
      ->type_name("FILE");
  add_diagnostics_options(*verb, options->diagnostics);
  verb->callback([options, &exit_code] {
    options->coverage = options->coverage || options->require_coverage;
    exit_code = run_test(*options);
  });
}

}  // namespace redflag::cli
