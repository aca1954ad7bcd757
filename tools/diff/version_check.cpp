// The version check of `redflag diff` (docs/versioning.md): the bump the changes need against
// the bump the version numbers show.
#include <cstdio>

#include "tools/diff/version_check.hpp"

namespace redflag::tools {
namespace {

struct SemVer {
  unsigned long major = 0, minor = 0, patch = 0;
};

// MAJOR.MINOR.PATCH with an optional -prerelease (ignored: it orders no bump).
bool parse_version(const std::string& text, SemVer& out) {
  char rest = 0;
  const int read = std::sscanf(text.c_str(), "%lu.%lu.%lu%c", &out.major, &out.minor, &out.patch, &rest);
  return read == 3 || (read == 4 && rest == '-');
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
