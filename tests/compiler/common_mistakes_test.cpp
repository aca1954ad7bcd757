// The fixes of the common-mistake diagnostics (E090-E095) do what they say: applied to the golden
// file, they leave a KB that checks cleanly, with the same declarations.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "compiler/diagnostics/diagnostic_render.hpp"
#include "compiler/frontend.hpp"

namespace {

std::string read_golden(const std::string& name) {
  std::ifstream stream(std::string(REDFLAG_GOLDEN_DIR) + "/" + name);
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  return buffer.str();
}

}  // namespace

TEST_CASE("applying the fixes of the common mistakes leaves a clean KB") {
  for (const char* name : {"fail_foreign_operator.rf", "fail_typographic_character.rf", "fail_foreign_comment.rf",
                           "fail_decimal_comma.rf", "fail_upper_case_keyword.rf", "fail_missing_comma.rf"}) {
    INFO(name);
    const std::string text = read_golden(name);
    const auto broken = redflag::check_sources({{name, text}});
    REQUIRE(broken.has_errors());
    std::vector<const redflag::Fix*> fixes;
    for (const auto& diagnostic : broken.diagnostics) {
      CHECK(diagnostic.fixes.size() == 1);
      for (const auto& fix : diagnostic.fixes) fixes.push_back(&fix);
    }
    std::size_t skipped = 0;
    const std::string fixed = redflag::apply_fixes(text, 0, fixes, &skipped);
    CHECK(skipped == 0);
    const auto result = redflag::check_sources({{name, fixed}});
    INFO(fixed << redflag::render_text(result.diagnostics, result.files));
    CHECK(result.diagnostics.empty());
    CHECK(result.kb.flags.size() + result.kb.tests.size() > 0);
  }
}

TEST_CASE("the fix for `&&` keeps the operands apart") {
  const std::string text = "kb t title \"T\" version 0.1.0 status draft\nlevels low < high\nfact a : bool\n"
                           "fact b : bool\nflag f high title \"F\" when a&&b\nflag g high title \"G\" when !(a or b)\n";
  const auto broken = redflag::check_sources({{"x.rf", text}});
  REQUIRE(broken.diagnostics.size() == 2);
  const std::string fixed =
      redflag::apply_fixes(text, 0, {&broken.diagnostics[0].fixes.at(0), &broken.diagnostics[1].fixes.at(0)});
  CHECK(fixed.find("when a and b\n") != std::string::npos);
  CHECK(fixed.find("when not (a or b)\n") != std::string::npos);
  CHECK(redflag::check_sources({{"x.rf", fixed}}).diagnostics.empty());
}
