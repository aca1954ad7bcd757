// `redflag diff`: what changed between two versions of a KB, in structure and in behaviour,
// and whether the version number was bumped enough for it (docs/versioning.md).
//
// The structural diff compares the two Images table by table, matching entries by name;
// conditions are compared as decompiled text (runtime/condition_text.hpp), so sources and
// `.rfb` files compare alike and layout-only edits are not changes. The behavioural diff
// evaluates both versions on the same generated cases (behaviour_diff.cpp documents the
// generation and its bound). Both work on Images only: no AST, no source text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "runtime/image.hpp"

namespace redflag::cli {

// The version bump a change needs, or a version change made: none < patch < minor < major.
enum class Bump : std::uint8_t { None, Patch, Minor, Major };

std::string_view bump_name(Bump bump);

// One field of an item that differs: old and new rendered as text ("" for a list element
// that was added or removed).
struct FieldChange {
  std::string field, old_value, new_value;
};

enum class ItemChangeKind : std::uint8_t { Added, Removed, Changed };

// One kb header, level, fact, define, flag, topic, source or test that was added, removed or changed.
struct ItemChange {
  std::string kind;  // "kb", "level", "fact", "define", "flag", "topic", "source", "test"
  std::string name;
  ItemChangeKind change = ItemChangeKind::Changed;
  std::vector<FieldChange> fields;  // Changed only
  Bump bump = Bump::None;           // what this change alone requires
  std::string why;                  // why it requires that bump
};

// Compares [old_kb] with [new_kb], item kind by kind, in table order.
std::vector<ItemChange> structural_diff(const Image& old_kb, const Image& new_kb);

// What one case did in one version.
struct CaseOutcome {
  std::string urgency;
  bool complete = true;
  std::vector<std::string> fired;  // flag names, table order
  bool operator==(const CaseOutcome& other) const {
    return urgency == other.urgency && complete == other.complete && fired == other.fired;
  }
};

// A case whose outcome differs between the versions.
struct CaseChange {
  std::vector<std::pair<std::string, std::string>> facts;  // the known facts: name, value as text
  bool from_test = false;  // exactly the givens of a test of either version
  CaseOutcome old_outcome, new_outcome;
  bool urgency_falls = false;  // the new urgency is lower
  bool flag_stops = false;     // some flag fired in the old version and not in the new
};

// The most cases behaviour_diff evaluates (each in both versions): a bound on its run time.
inline constexpr std::size_t kMaxDiffCases = 200000;

struct BehaviourDiff {
  std::vector<CaseChange> changes;  // smallest cases first (fewest known facts)
  std::size_t cases = 0;            // cases evaluated
  bool truncated = false;           // generation stopped at kMaxDiffCases
};

// Evaluates both versions on the generated cases.
BehaviourDiff behaviour_diff(const Image& old_kb, const Image& new_kb);

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

}  // namespace redflag::cli
