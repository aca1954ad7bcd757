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

TEST_CASE("no change needs no bump, and the same version is then sufficient", "[tools][diff]") {
  const auto same = gate(kb_text("1.0.0"), kb_text("1.0.0"));
  CHECK(same.required == tools::Bump::None);
  CHECK(same.made == tools::Bump::None);
  CHECK(same.downgrade == "");
  CHECK(same.sufficient());
  CHECK(gate(kb_text("1.0.0+a"), kb_text("1.0.0+b")).sufficient());  // build metadata orders nothing
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
  // A downgrade is no bump at all, whatever the lower components do, and never suffices.
  CHECK(gate(kb_text("2.0.0"), kb_text("1.9.9")).made == tools::Bump::None);
  CHECK(gate(kb_text("2.0.0"), kb_text("1.9.9")).downgrade == "major");
  CHECK(gate(kb_text("1.3.0"), kb_text("1.2.9")).made == tools::Bump::None);
  CHECK(gate(kb_text("1.3.0"), kb_text("1.2.9")).downgrade == "minor");
  CHECK(gate(kb_text("1.2.3"), kb_text("1.2.2")).downgrade == "patch");
  CHECK_FALSE(gate(kb_text("2.0.0"), kb_text("1.9.9", 4, "Longer")).sufficient());
  CHECK_FALSE(gate(kb_text("2.0.0"), kb_text("1.5.0")).sufficient());  // even when nothing else changed
}

TEST_CASE("versions of 2^64 and more compare exactly (F11)", "[tools][diff]") {
  // The new version adds a flag, which needs a minor bump.
  const std::string added = "\nflag other urgent\n  title \"Other\"\n  when duration >= 9 wk\n";
  const auto down = gate(kb_text("18446744073709551617.0.0"), kb_text("18446744073709551616.1.0") + added);
  CHECK(down.required == tools::Bump::Minor);
  CHECK(down.made == tools::Bump::None);
  CHECK(down.downgrade == "major");
  CHECK_FALSE(down.sufficient());
  const auto up = gate(kb_text("18446744073709551615.0.0"), kb_text("18446744073709551616.0.0") + added);
  CHECK(up.made == tools::Bump::Major);
  CHECK(up.sufficient());
  CHECK(gate(kb_text("1.99999999999999999999.0"), kb_text("1.100000000000000000000.0") + added).made ==
        tools::Bump::Minor);
}

TEST_CASE("pre-release tags order no bump, only a downgrade; numbers compare numerically", "[tools][diff]") {
  CHECK(gate(kb_text("1.0.0-rc1"), kb_text("1.0.0")).made == tools::Bump::None);
  CHECK(gate(kb_text("1.0.0-rc1"), kb_text("1.0.0")).sufficient());
  CHECK(gate(kb_text("1.0.0"), kb_text("1.0.1-draft")).made == tools::Bump::Patch);
  CHECK(gate(kb_text("1.9.0"), kb_text("1.10.0")).made == tools::Bump::Minor);
  CHECK(gate(kb_text("1.0.0-rc1"), kb_text("1.0.0-rc2")).parsed);
  // Semver section 11: a release is above its pre-releases, rc.11 above rc.2, alpha below beta.
  CHECK(gate(kb_text("1.0.0"), kb_text("1.0.0-rc.1")).downgrade == "pre-release");
  CHECK(gate(kb_text("1.0.0-rc.11"), kb_text("1.0.0-rc.2")).downgrade == "pre-release");
  CHECK(gate(kb_text("1.0.0-beta"), kb_text("1.0.0-alpha.1")).downgrade == "pre-release");
  CHECK(gate(kb_text("1.0.0-rc.2"), kb_text("1.0.0-rc.11")).sufficient());
}

TEST_CASE("a version that is not a semantic version is not compared, and says why", "[tools][diff]") {
  // The compiler refuses these (E056); a .rfb from elsewhere may still hold one.
  Image old_kb = test::compiled(kb_text("1.0.0"));
  const Image new_kb = test::compiled(kb_text("1.1.0"));
  for (const auto& [version, reason] : {std::pair{"01.0.0", "MAJOR `01` has a leading zero"},
                                        {"1.0.0-0123", "the pre-release identifier `0123` is numeric and has a leading zero"},
                                        {"1.0.0-.", "the pre-release has an empty identifier"},
                                        {"1.0", "expected MAJOR.MINOR.PATCH"}}) {
    old_kb.meta.version = version;
    const auto check = tools::diff_kbs(old_kb, new_kb, 0).version;
    CHECK_FALSE(check.parsed);
    CHECK(check.parse_error == std::string("the old version `") + version + "` is not a semantic version: " + reason);
    CHECK_FALSE(check.sufficient());
  }
}

}  // namespace
}  // namespace redflag
