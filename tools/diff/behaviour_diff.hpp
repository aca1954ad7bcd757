// `redflag diff`, in behaviour: the cases whose outcome differs between two versions of a KB.
//
// Both versions are evaluated on the same generated cases (behaviour_diff.cpp documents the
// generation and its bound).
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "runtime/image.hpp"

namespace redflag::tools {

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

}  // namespace redflag::tools
