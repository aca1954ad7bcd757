// `redflag test` in process (tools/test/test_report.hpp): outcomes, coverage per flag and per
// condition, and the report text.
#include <catch2/catch.hpp>

#include "compiler/compiler.hpp"
#include "tools/test/test_report.hpp"

namespace redflag {
namespace {

// Two flags; the tests drive `fever` true, false and unknown, but `heavy` only false and unknown.
constexpr const char* kSource = R"(kb cover
  title "Cover"
  version 1.0.0
  status draft

levels routine < urgent

fact fever : bool
fact weight : mass in kg

flag fever urgent
  title "Fever"
  when fever

flag heavy urgent
  title "Heavy"
  when weight >= 100 kg and not fever

test "fever"
  given fever = true
  expect flags fever

test "no fever, light"
  given fever = false, weight = 50 kg
  expect no flags

test "nothing known"
  expect no flags
)";

TEST_CASE("every test passes and coverage shows the value a flag never took", "[tools][test]") {
  auto compiled = compile_sources({{"cover.rf", kSource}});
  REQUIRE(compiled.ok());
  const auto run = tools::run_kb_tests(compiled.frontend, *compiled.image, true);
  CHECK(run.outcomes.size() == 3);
  CHECK(run.failed == 0);
  REQUIRE(run.coverage);
  REQUIRE(run.coverage->size() == 2);
  CHECK(tools::coverage_marks((*run.coverage)[0].coverage) == "T F U");
  CHECK(tools::coverage_marks((*run.coverage)[1].coverage) == "- F U");
  CHECK_FALSE(run.fully_covered);
  REQUIRE((*run.coverage)[1].conditions.size() == 2);
  CHECK(tools::condition_source_text(compiled.frontend, *(*run.coverage)[1].conditions[0].condition) ==
        "weight >= 100 kg");
  const std::string report = tools::render_test_report(compiled.frontend, *compiled.image, run);
  CHECK_THAT(report, Catch::Contains("test cover.rf:19 fever ... ok\n"));
  CHECK_THAT(report, Catch::Contains("flags fully covered: 1/2; conditions fully covered: 2/3\n"));
  CHECK_THAT(report, Catch::EndsWith("\ntest result: ok. 3 passed, 0 failed\n"));
}

TEST_CASE("a failed expectation is counted and listed under failures", "[tools][test]") {
  std::string source = kSource;
  source.replace(source.find("expect flags fever"), 18, "expect flags heavy");
  auto compiled = compile_sources({{"cover.rf", source}});
  REQUIRE(compiled.ok());
  const auto run = tools::run_kb_tests(compiled.frontend, *compiled.image, false);
  CHECK(run.failed == 1);
  CHECK_FALSE(run.coverage);
  CHECK(run.fully_covered);
  const std::string report = tools::render_test_report(compiled.frontend, *compiled.image, run);
  CHECK_THAT(report, Catch::Contains("test cover.rf:19 fever ... FAILED\n"));
  CHECK_THAT(report, Catch::Contains("\nfailures:\n  fever (cover.rf:19)\n"));
  CHECK_THAT(report, Catch::EndsWith("\ntest result: FAILED. 2 passed, 1 failed\n"));
}

}  // namespace
}  // namespace redflag
