// The behavioural diff's translation between versions (tools/diff/behaviour_diff.hpp): a case
// is one set of facts, read by each version in its own units, enums and types.
#include <catch2/catch.hpp>

#include "tests/tools/tools_fixture.hpp"
#include "tools/diff/behaviour_diff.hpp"

namespace redflag {
namespace {

// A KB at [version] with the declaration [fact] and the flag condition [when].
std::string kb_text(const std::string& fact, const std::string& when, const std::string& version = "1.0.0") {
  return "kb translate\n  title \"Translate\"\n  version " + version +
         "\n  status draft\n\nlevels routine < urgent\n\n" + fact + "\n\nflag f urgent\n  title \"F\"\n  when " + when +
         "\n";
}

tools::BehaviourDiff diff(const std::string& old_text, const std::string& new_text) {
  const Image old_kb = test::compiled(old_text);
  const Image new_kb = test::compiled(new_text);
  return tools::behaviour_diff(old_kb, new_kb);
}

TEST_CASE("the same threshold in another unit is no change in behaviour", "[tools][diff]") {
  const auto result = diff(kb_text("fact d : time in wk", "d >= 2 wk"), kb_text("fact d : time in d", "d >= 14 d"));
  CHECK(result.cases > 0);
  CHECK(result.changes.empty());
}

TEST_CASE("a threshold moved across units shows the cases between the two", "[tools][diff]") {
  const auto result = diff(kb_text("fact d : time in wk", "d >= 2 wk"), kb_text("fact d : time in d", "d >= 15 d"));
  REQUIRE_FALSE(result.changes.empty());
  for (const auto& change : result.changes) {
    CHECK(change.flag_stops);
    CHECK(change.old_outcome.fired == std::vector<std::string>{"f"});
    CHECK(change.new_outcome.fired.empty());
  }
}

TEST_CASE("an enum value only one version has is unknown in the other", "[tools][diff]") {
  const auto result = diff(kb_text("fact site : one of neck, back", "site in {neck}"),
                           kb_text("fact site : one of neck, back, hip", "site in {neck, hip}"));
  REQUIRE(result.changes.size() >= 1);
  bool saw_hip = false;
  for (const auto& change : result.changes) {
    for (const auto& [name, value] : change.facts) saw_hip = saw_hip || (name == "site" && value == "hip");
    // The old version cannot read `hip`: its flag is undetermined, not false.
    if (saw_hip) CHECK_FALSE(change.old_outcome.complete);
  }
  CHECK(saw_hip);
}

TEST_CASE("a fact whose type changed is unknown in the version of the other type", "[tools][diff]") {
  const auto result = diff(kb_text("fact x : bool", "x"), kb_text("fact x : number", "x >= 1"));
  REQUIRE_FALSE(result.changes.empty());
  for (const auto& change : result.changes) {
    CHECK(change.old_outcome.complete != change.new_outcome.complete);
  }
}

}  // namespace
}  // namespace redflag
