// The version check of `redflag diff` (docs/versioning.md): the bump the changes need against
// the bump the version numbers show. Versions are compared as semver 2.0.0 orders them
// (runtime/semver.hpp), exactly at any size.
#include "tools/diff/version_check.hpp"

#include "runtime/semver.hpp"

namespace redflag::tools {
namespace {

// The bump from [a] to [b], by the first of MAJOR, MINOR and PATCH that differs ([b] ahead of
// [a]: that part's bump; behind: a downgrade of that part, set in [check]).
void compare_versions(const SemVer& a, const SemVer& b, VersionCheck& check) {
  const struct {
    const std::string& old_part;
    const std::string& new_part;
    Bump bump;
  } parts[] = {{a.major, b.major, Bump::Major}, {a.minor, b.minor, Bump::Minor}, {a.patch, b.patch, Bump::Patch}};
  for (const auto& part : parts) {
    const int order = compare_numeric(part.new_part, part.old_part);
    if (order > 0) check.made = part.bump;
    if (order < 0) check.downgrade = bump_name(part.bump);
    if (order != 0) return;
  }
  if (compare_precedence(b, a) < 0) check.downgrade = "pre-release";  // 1.0.0 -> 1.0.0-rc.1
}

// Reads [text], the [which] ("old", "new") KB's version, into [out]; false with [check]'s parse
// error set when it is not a semantic version.
bool read_version(const std::string& text, const char* which, SemVer& out, VersionCheck& check) {
  const std::string reason = parse_semver(text, out);
  if (reason.empty()) return true;
  check.parsed = false;
  check.parse_error = std::string("the ") + which + " version `" + text + "` is not a semantic version: " + reason;
  return false;
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
  if (read_version(old_kb.meta.version, "old", old_version, check) &&
      read_version(new_kb.meta.version, "new", new_version, check)) {
    compare_versions(old_version, new_version, check);
  }
  return check;
}

}  // namespace redflag::tools
