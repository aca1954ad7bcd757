// The values worth trying for each fact: read from the comparisons in a KB's conditions.
//
// Every condition compares a fact with constants (CMPK), with another fact (CMPF), with enum
// sets (INSET), or reads a bool or `known(x)`. Between two neighbouring constants every value
// behaves the same, so a fact's behaviour under one variation is covered by the constants
// themselves, one value in each gap between them and one beyond each end. A fact read through
// arithmetic (NUM) has no such constants of its own: what matters is where the whole
// expression lands, so it takes a spread over its range as thresholds instead (numeric_spread).
// `redflag diff` generates cases from these and `eval --ask` tries them; neither enumerates
// anything else.
#pragma once

#include <vector>

#include "runtime/image.hpp"

namespace redflag {

// What the conditions of an Image read, per fact.
struct ConditionReads {
  std::vector<bool> read;                   // some condition reads the fact
  std::vector<std::vector<double>> thresholds;  // constants it is compared with (canonical unit)
};

// Scans the code of [image], which must have been verified. A fact compared with another fact
// (CMPF) also takes the other's constants, so that both orders of the two can be tried. A fact
// read by NUM also takes numeric_spread's values.
ConditionReads condition_reads(const Image& image);

// The thresholds of a fact read through arithmetic: its declared bounds and their midpoint when
// both are declared; with an open upper side, the lower bound (0 when that is open too) and 1,
// 10, 100 and 1000 above it, which spans the clinical magnitudes of a canonical unit; the
// upper bound when declared. Values outside the range are left to candidate_values to drop.
std::vector<double> numeric_spread(const ImageFact& fact);

// The values to try for [fact] (its encoding: canonical unit, bool 0/1, enum index), unknown
// not included: both bools; every enum value; text as one known value; for numbers and
// quantities every threshold of [thresholds] inside the fact's range, the midpoint between
// neighbouring thresholds, and one unit below the lowest and above the highest (kept inside
// the range). A number with no threshold gets one value: 0, or the range's nearest bound.
// An integer's values are whole: each of those values' neighbouring integers (floor and ceil).
std::vector<double> candidate_values(const ImageFact& fact, std::vector<double> thresholds);

}  // namespace redflag
