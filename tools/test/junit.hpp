// JUnit XML for CI systems: one <testcase> per KB test, and one for coverage when it is required.
//
// The output validates against the Jenkins xUnit plugin's junit-10.xsd (tests/data/junit/), the
// schema CI servers most often check, which is the one pytest's default `xunit2` family writes:
// `<testsuites>` holding one `<testsuite>` named after the KB id with `tests`, `failures`,
// `errors` and `skipped` counts, and `<testcase classname=ID name=NAME>`. That schema has no
// `file` or `line` on a test case, so the test's `FILE:LINE` opens its failure text instead. A
// failing test has exactly one `<failure>` (JUnit's model; the Ant schema allows no more), whose
// `message` lists every failed expectation on one line and whose text holds them as the console
// prints them. A KB that does not compile gets a report too, as pytest writes one for a
// collection error: one case `compile` with an <error>. Text is escaped by tools/xml_text.hpp.
// docs/cli.md#redflag-test documents it.
#pragma once

#include <string>
#include <vector>

#include "runtime/image.hpp"
#include "tools/kb/kb_loader.hpp"
#include "tools/test/test_report.hpp"

namespace redflag::tools {

// [run] of [image]'s tests (compiled from [frontend]) as JUnit XML; a failure names its file as
// the user typed it, so CI annotations find it. With [coverage_required] (`--require-coverage`; [run]
// then holds coverage) a last test case, `coverage`, fails unless every flag was true, false
// and unknown in some test, so the report is red whenever the exit status is.
std::string junit_xml(const FrontendResult& frontend, const Image& image, const TestRun& run,
                      bool coverage_required);

// The report for [kb], from [paths], which could not be used: a suite named after the paths with
// one case, `compile`, whose <error type="compile"> has the summary line (`error: 2 errors in
// x.rf`, or the load error) as message and the diagnostics as text.
std::string junit_load_error_xml(const LoadedKb& kb, const std::vector<std::string>& paths);

}  // namespace redflag::tools
