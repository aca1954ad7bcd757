// The version bump a change to a KB needs, or that a version change made (docs/versioning.md).
#pragma once

#include <cstdint>
#include <string_view>

namespace redflag::tools {

// The version bump a change needs, or a version change made: none < patch < minor < major.
enum class Bump : std::uint8_t { None, Patch, Minor, Major };

std::string_view bump_name(Bump bump);

}  // namespace redflag::tools
