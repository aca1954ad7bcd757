// Semantic versions (semver 2.0.0, https://semver.org): a KB's `version`, read strictly and
// ordered exactly.
//
// The compiler refuses a `version` that is not one (E056) and `redflag diff --check-version`
// compares two. Numbers are kept as digit strings, so versions of any size compare exactly
// (18446744073709551617 is more than 18446744073709551616; nothing saturates at 2^64).
// Standard library only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace redflag {

// MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD], each part as written.
struct SemVer {
  std::string major, minor, patch;      // digits, no leading zero (except 0 itself)
  std::vector<std::string> prerelease;  // the dot-separated identifiers after `-`, if any
  std::string build;                    // after `+`; no part of precedence
};

// Reads [text] into [out] by semver 2.0.0's grammar: "" when it is a version, else why not:
// "MAJOR `01` has a leading zero", "the pre-release identifier `0123` is numeric and has a
// leading zero", "the pre-release has an empty identifier", "`_` is not allowed in the
// pre-release (only 0-9, A-Z, a-z and `-`)", "expected MAJOR.MINOR.PATCH".
[[nodiscard]] std::string parse_semver(std::string_view text, SemVer& out);

// Orders numeric identifiers [a] and [b] (digit strings without leading zeros) by value at any
// length: negative, 0 or positive.
int compare_numeric(std::string_view a, std::string_view b);

// Orders [a] and [b] by semver's precedence (§11): MAJOR, MINOR and PATCH numerically; then a
// pre-release below the same version without one; pre-releases identifier by identifier
// (numeric ones numerically and below alphanumeric ones, which compare in ASCII order), a
// shorter list below a longer one it begins. Build metadata is ignored. Negative, 0 or positive.
int compare_precedence(const SemVer& a, const SemVer& b);

}  // namespace redflag
