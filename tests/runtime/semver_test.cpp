// Semantic versions (runtime/semver.hpp): semver 2.0.0's grammar read strictly, with the exact
// reason for each refusal, and §11 precedence at any size.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "runtime/semver.hpp"

namespace redflag {
namespace {

// Why [text] is not a semantic version ("" when it is one).
std::string refusal(const std::string& text) {
  SemVer version;
  return parse_semver(text, version);
}

SemVer version(const std::string& text) {
  SemVer parsed;
  INFO(text);
  REQUIRE(parse_semver(text, parsed) == "");
  return parsed;
}

int order(const std::string& a, const std::string& b) {
  const int result = compare_precedence(version(a), version(b));
  return result < 0 ? -1 : result > 0 ? 1 : 0;
}

TEST_CASE("semver: valid versions are read into their parts") {
  const SemVer full = version("1.20.300-rc.1.x-y+build.5-a");
  CHECK(full.major == "1");
  CHECK(full.minor == "20");
  CHECK(full.patch == "300");
  CHECK(full.prerelease == std::vector<std::string>{"rc", "1", "x-y"});
  CHECK(full.build == "build.5-a");
  CHECK(version("0.0.0").prerelease.empty());
  CHECK(version("99999999999999999999999.0.0").major == "99999999999999999999999");
  CHECK(version("1.0.0-0").prerelease == std::vector<std::string>{"0"});
  CHECK(version("1.0.0-0a.-.00a").prerelease == std::vector<std::string>{"0a", "-", "00a"});  // not numeric
  CHECK(version("1.0.0+001").build == "001");  // build identifiers may have leading zeros
}

TEST_CASE("semver: what semver 2.0.0 forbids is refused with the reason") {
  CHECK(refusal("01.0.0") == "MAJOR `01` has a leading zero");
  CHECK(refusal("1.00.0") == "MINOR `00` has a leading zero");
  CHECK(refusal("1.0.09") == "PATCH `09` has a leading zero");
  CHECK(refusal("1.0.0-0123") == "the pre-release identifier `0123` is numeric and has a leading zero");
  CHECK(refusal("1.0.0-rc.01") == "the pre-release identifier `01` is numeric and has a leading zero");
  CHECK(refusal("1.0.0-.") == "the pre-release has an empty identifier");
  CHECK(refusal("1.0.0-") == "the pre-release has an empty identifier");
  CHECK(refusal("1.0.0-a..b") == "the pre-release has an empty identifier");
  CHECK(refusal("1.0.0-rc.") == "the pre-release has an empty identifier");
  CHECK(refusal("1.0.0+") == "the build metadata has an empty identifier");
  CHECK(refusal("1.0.0+a..b") == "the build metadata has an empty identifier");
  CHECK(refusal("1.0.0-rc_1") == "`_` is not allowed in the pre-release (only 0-9, A-Z, a-z and `-`)");
  CHECK(refusal("1.0.0+b+c") == "`+` is not allowed in the build metadata (only 0-9, A-Z, a-z and `-`)");
  for (const char* shape : {"", "1", "1.0", "1.0.0.0", "1..0", ".1.0", "1.0.", "a.b.c", "1.0.x", "-1.0.0", "v1.0.0",
                            "1.0.0 "}) {
    INFO('"' << shape << '"');
    CHECK(refusal(shape) == "expected MAJOR.MINOR.PATCH");
  }
}

TEST_CASE("semver: precedence by section 11") {
  // The specification's own example, in increasing order.
  const std::vector<std::string> ordered = {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                                            "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0"};
  for (std::size_t i = 0; i < ordered.size(); ++i) {
    for (std::size_t j = 0; j < ordered.size(); ++j) {
      INFO(ordered[i] << " vs " << ordered[j]);
      CHECK(order(ordered[i], ordered[j]) == (i < j ? -1 : i > j ? 1 : 0));
    }
  }
  CHECK(order("1.9.0", "1.10.0") == -1);
  CHECK(order("2.0.0", "1.99.99") == 1);
  CHECK(order("1.0.0+a", "1.0.0+b") == 0);  // build metadata is no part of precedence
  CHECK(order("1.0.0-1", "1.0.0-a") == -1);  // numeric below alphanumeric
  CHECK(order("1.0.0-B", "1.0.0-a") == -1);  // ASCII order
}

TEST_CASE("semver: numbers compare exactly at any size, never saturating at 2^64") {
  CHECK(order("18446744073709551617.0.0", "18446744073709551616.1.0") == 1);
  CHECK(order("18446744073709551615.0.0", "18446744073709551616.0.0") == -1);
  CHECK(order("1.0.0-18446744073709551617", "1.0.0-18446744073709551616") == 1);
  CHECK(order("99999999999999999999999.0.0", "100000000000000000000000.0.0") == -1);
  CHECK(compare_numeric("10", "9") > 0);
  CHECK(compare_numeric("123", "123") == 0);
}

}  // namespace
}  // namespace redflag
