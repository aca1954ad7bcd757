// `redflag test` as one call: run a KB's tests, optionally measure coverage, and render the
// report that the CLI prints and that an editor's "run tests" lens or CI can show as is.
//
// The report lists `test FILE:LINE NAME ... ok|FAILED` per test, then the failures, then (with
// coverage) the table of which values the tests drove each flag and condition to, then
// `test result: ok. N passed, M failed` (docs/cli.md#redflag-test).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "compiler/frontend.hpp"
#include "runtime/image.hpp"
#include "tools/test/coverage.hpp"
#include "tools/test/test_runner.hpp"

namespace redflag::tools {

struct TestRun {
  std::vector<TestOutcome> outcomes;                // in test order
  std::size_t failed = 0;                           // outcomes that did not pass
  std::optional<std::vector<FlagCoverage>> coverage;  // per flag, when asked for
  // Every flag was true, false and unknown in some test (true when coverage was not measured).
  bool fully_covered = true;
};

// Runs the tests of [image], compiled from [frontend]; with [with_coverage] also coverage.
TestRun run_kb_tests(const FrontendResult& frontend, const Image& image, bool with_coverage);

// The path the user typed for the file the image names [name] (KB-relative,
// docs/bytecode.md "Source names"), so a report points where a diagnostic would; [name] itself
// when no file of [frontend] has that name.
std::string_view typed_path(const FrontendResult& frontend, std::string_view name);

// The report of [run] for [image] (compiled from [frontend]), ending with a newline; with
// [color], each test's `ok` green and `FAILED` red, and the result line's too (ANSI).
std::string render_test_report(const FrontendResult& frontend, const Image& image, const TestRun& run,
                               bool color = false);

// A coverage as `T F U`, with `-` for each value never reached.
std::string coverage_marks(const Coverage& coverage);

// The source text of [expr] on one line, whitespace runs folded: how the report names a condition.
std::string condition_source_text(const FrontendResult& frontend, const ast::Expr& expr);

}  // namespace redflag::tools
