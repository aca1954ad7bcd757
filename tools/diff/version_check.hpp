// The version gate of `redflag diff --check-version`: the bump the changes need against the one
// the version numbers show (docs/versioning.md).
#pragma once

#include <string>
#include <vector>

#include "runtime/image.hpp"
#include "tools/diff/behaviour_diff.hpp"
#include "tools/diff/structural_diff.hpp"

namespace redflag::tools {

// The version check: the bump the changes need against the one the version numbers show.
struct VersionCheck {
  Bump required = Bump::None;
  std::string reason;       // why `required`, empty when none
  Bump made = Bump::None;   // old version -> new version, read from MAJOR.MINOR.PATCH
  // "major", "minor", "patch" or "pre-release": the part that went down when the new version
  // precedes the old one (semver §11), else empty. A downgrade never suffices.
  std::string downgrade;
  bool parsed = true;       // both versions are semantic versions (semver 2.0.0)
  std::string parse_error;  // why not, naming the version, when not parsed
  bool sufficient() const { return parsed && downgrade.empty() && made >= required; }
};

VersionCheck check_version(const Image& old_kb, const Image& new_kb, const std::vector<ItemChange>& items,
                           const BehaviourDiff& behaviour);

}  // namespace redflag::tools
