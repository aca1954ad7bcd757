// The version gate (tools/diff/version_check.hpp): the bump the changes need against the bump
// the version numbers show, on KBs compiled in process.
#include <catch2/catch.hpp>

#include "tests/tools/tools_fixture.hpp"
#include "tools/diff/diff_report.hpp"

namespace redflag {
namespace {

// A one-flag KB at [version] whose flag fires at [weeks] weeks or more, titled [title].
std::string kb_text(const std::string& version, int weeks = 4, const std::string& title = "Long") {
  return "kb gate\n  title \"Gate\"\n  version " + version +
         "\n  status draft\n\nlevels routine < urgent\n\nfact duration : time in wk\n\n"
         "flag long urgent\n  title \"" + title + "\"\n  when duration >= " + std::to_string(weeks) + " wk\n";
}

tools::VersionCheck gate(const std::string& old_text, const std::string& new_text) {
  const Image old_kb = test::compiled(old_text);
  const Image new_kb = test::compiled(new_text);
  return tools::diff_kbs(old_kb, new_kb, 0).version;
}

TEST_CASE("no change needs no bump, and any version order is then sufficient", "[tools][diff]") {
  const auto same = gate(kb_text("1.0.0"), kb_text("1.0.0"));
  CHECK(same.required == tools::Bump::None);
  CHECK(same.made == tools::Bump::None);
  CHECK(same.sufficient());
}

TEST_CASE("a text-only change needs a patch bump", "[tools][diff]") {
  CHECK_FALSE(gate(kb_text("1.0.0"), kb_text("1.0.0", 4, "Longer")).sufficient());
  const auto patched = gate(kb_text("1.0.0"), kb_text("1.0.1", 4, "Longer"));
  CHECK(patched.required == tools::Bump::Patch);
  CHECK(patched.made == tools::Bump::Patch);
  CHECK(patched.sufficient());
}

TEST_CASE("a flag that stops firing in some case needs a major bump; minor is too low", "[tools][diff]") {
  const auto minor = gate(kb_text("1.0.0"), kb_text("1.1.0", 6));
  CHECK(minor.required == tools::Bump::Major);
  CHECK(minor.reason == "a case's urgency falls");
  CHECK(minor.made == tools::Bump::Minor);
  CHECK_FALSE(minor.sufficient());
  CHECK(gate(kb_text("1.0.0"), kb_text("2.0.0", 6)).sufficient());
}

TEST_CASE("the highest component that changed decides the bump made", "[tools][diff]") {
  CHECK(gate(kb_text("1.9.9"), kb_text("2.0.0")).made == tools::Bump::Major);
  CHECK(gate(kb_text("1.2.9"), kb_text("1.3.0")).made == tools::Bump::Minor);
  // A downgrade is no bump at all, whatever the lower components do.
  CHECK(gate(kb_text("2.0.0"), kb_text("1.9.9")).made == tools::Bump::None);
  CHECK(gate(kb_text("1.3.0"), kb_text("1.2.9")).made == tools::Bump::None);
  CHECK_FALSE(gate(kb_text("2.0.0"), kb_text("1.9.9", 4, "Longer")).sufficient());
}

TEST_CASE("pre-release tags order no bump; numbers compare numerically", "[tools][diff]") {
  CHECK(gate(kb_text("1.0.0-rc1"), kb_text("1.0.0")).made == tools::Bump::None);
  CHECK(gate(kb_text("1.0.0"), kb_text("1.0.1-draft")).made == tools::Bump::Patch);
  CHECK(gate(kb_text("1.9.0"), kb_text("1.10.0")).made == tools::Bump::Minor);
  CHECK(gate(kb_text("1.0.0-rc1"), kb_text("1.0.0-rc2")).parsed);
}

}  // namespace
}  // namespace redflag
