// The version check of `redflag diff` (docs/versioning.md): the bump the changes need against
// the bump the version numbers show.
#include <charconv>
#include <string_view>
#include <system_error>

#include "tools/diff/version_check.hpp"

namespace redflag::tools {
namespace {

struct SemVer {
  unsigned long major = 0, minor = 0, patch = 0;
};

// MAJOR.MINOR.PATCH with an optional -prerelease (ignored: it orders no bump).
bool parse_version(std::string_view text, SemVer& out) {
  const char* at = text.data();
  const char* const end = text.data() + text.size();
  unsigned long* const parts[] = {&out.major, &out.minor, &out.patch};
  for (std::size_t i = 0; i < 3; ++i) {
    if (i > 0 && (at == end || *at++ != '.')) return false;
    const auto [next, error] = std::from_chars(at, end, *parts[i]);
    if (error != std::errc()) return false;
    at = next;
  }
  return at == end || *at == '-';
}

Bump made_bump(const SemVer& a, const SemVer& b) {
  if (b.major != a.major) return b.major > a.major ? Bump::Major : Bump::None;
  if (b.minor != a.minor) return b.minor > a.minor ? Bump::Minor : Bump::None;
  return b.patch > a.patch ? Bump::Patch : Bump::None;
}

}  // namespace

VersionCheck check_version(const Image& old_kb, const Image& new_kb, const std::vector<ItemChange>& items,
                           const BehaviourDiff& behaviour) {
  VersionCheck check;
  const auto need = [&](Bump bump, const std::string& reason) {
    if (bump <= check.required) return;
    check.required = bump;
    check.reason = reason;
  };
  // Behaviour first: among equal bumps, a case a reviewer can check is the better reason.
  for (const auto& change : behaviour.changes) {
    if (change.urgency_falls) need(Bump::Major, "a case's urgency falls");
    if (change.flag_stops) need(Bump::Major, "a flag stops firing in some case");
    need(Bump::Minor, "behaviour changed");
  }
  for (const auto& item : items) need(item.bump, item.why);
  SemVer old_version, new_version;
  check.parsed = parse_version(old_kb.meta.version, old_version) && parse_version(new_kb.meta.version, new_version);
  if (check.parsed) check.made = made_bump(old_version, new_version);
  return check;
}

}  // namespace redflag::tools
