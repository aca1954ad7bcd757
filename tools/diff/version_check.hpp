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
  Bump made = Bump::None;   // old version -> new version
  bool parsed = true;       // both versions are MAJOR.MINOR.PATCH[-pre]
  bool sufficient() const { return parsed && made >= required; }
};

VersionCheck check_version(const Image& old_kb, const Image& new_kb, const std::vector<ItemChange>& items,
                           const BehaviourDiff& behaviour);

}  // namespace redflag::tools
