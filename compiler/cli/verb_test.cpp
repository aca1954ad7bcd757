// `redflag test PATH...`: run a KB's test blocks, with coverage and JUnit XML for CI.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "compiler/cli/atomic_file.hpp"
#include "compiler/cli/coverage.hpp"
#include "compiler/cli/fact_display.hpp"
#include "compiler/cli/junit.hpp"
#include "compiler/cli/kb_input.hpp"
#include "compiler/cli/test_runner.hpp"
#include "compiler/cli/verbs.hpp"

namespace redflag::cli {
namespace {

struct TestOptions {
  std::vector<std::string> paths;
  bool coverage = false;
  bool require_coverage = false;
  std::string junit;
  DiagnosticsFormat diagnostics_format = DiagnosticsFormat::Text;
};

// `T F U` with `-` for each value never reached.
std::string coverage_marks(const Coverage& coverage) {
  return fmt::format("{} {} {}", coverage.seen[1] ? "T" : "-", coverage.seen[0] ? "F" : "-",
                     coverage.seen[2] ? "U" : "-");
}

// The condition's source text on one line, whitespace runs folded.
std::string condition_text(const FrontendResult& frontend, const ast::Expr& expr) {
  const auto& span = expr.span;
  const auto& text = frontend.files.at(span.begin.file_id).text;
  std::string folded;
  for (const char c : text.substr(span.begin.offset, span.length)) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space && (folded.empty() || folded.back() == ' ')) continue;
    folded += space ? ' ' : c;
  }
  return folded;
}

// Prints the coverage table; returns whether every flag was true, false and unknown.
bool print_coverage(const CompiledKb& compiled) {
  const auto flags = measure_coverage(compiled.frontend.kb, compiled.image);
  std::size_t full_flags = 0, conditions = 0, full_conditions = 0;
  fmt::print("\ncoverage (T true, F false, U unknown in some test; - never):\n");
  for (std::size_t i = 0; i < flags.size(); ++i) {
    fmt::print("  {:<48} {}\n", "flag " + compiled.image.flags[i].name, coverage_marks(flags[i].coverage));
    full_flags += flags[i].coverage.full();
    for (const auto& condition : flags[i].conditions) {
      fmt::print("    {:<46} {}\n", condition_text(compiled.frontend, *condition.condition),
                 coverage_marks(condition.coverage));
      ++conditions;
      full_conditions += condition.coverage.full();
    }
  }
  fmt::print("flags fully covered: {}/{}; conditions fully covered: {}/{}\n", full_flags,
             flags.size(), full_conditions, conditions);
  return full_flags == flags.size();
}

int run_test(const TestOptions& options) {
  const auto compiled = compile_kb(options.paths, options.diagnostics_format);
  if (!compiled) return 1;
  const Image& image = compiled->image;
  const Program program(image);
  const auto outcomes = run_tests(image, program);
  std::size_t failed = 0;
  for (const auto& outcome : outcomes) {
    const auto& test = image.tests[outcome.test];
    fmt::print("test {}:{} {} ... {}\n", test.file, test.line, test.name,
               outcome.passed() ? "ok" : "FAILED");
    failed += !outcome.passed();
  }
  if (failed > 0) fmt::print("\nfailures:\n");
  for (const auto& outcome : outcomes) {
    if (outcome.passed()) continue;
    const auto& test = image.tests[outcome.test];
    fmt::print("  {} ({}:{})\n", test.name, test.file, test.line);
    for (const auto& failure : outcome.failures) {
      fmt::print("    {}\n", indent_continuation(failure, "    "));
    }
  }
  const bool covered = !options.coverage || print_coverage(*compiled);
  fmt::print("\ntest result: {}. {} passed, {} failed\n", failed == 0 ? "ok" : "FAILED",
             outcomes.size() - failed, failed);
  if (!options.junit.empty()) {
    if (const auto error = write_file_atomically(options.junit, junit_xml(image, outcomes));
        !error.empty()) {
      fmt::print(stderr, "error: {}\n", error);
      return 1;
    }
  }
  if (failed > 0) return 1;
  if (options.require_coverage && !covered) {
    fmt::print(stderr, "error: some flags were not driven true, false and unknown by the tests\n");
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
  verb->add_option("--junit", options->junit, "Also write JUnit XML to this file");
  add_diagnostics_format_option(*verb, options->diagnostics_format);
  verb->callback([options, &exit_code] {
    options->coverage = options->coverage || options->require_coverage;
    exit_code = run_test(*options);
  });
}

}  // namespace redflag::cli
