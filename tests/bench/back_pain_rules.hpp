// kb/back_pain's rules written by hand as C++ `if`s: the benchmark's practical limit.
//
// The same three-valued semantics as the compiled KB (runtime/tri.hpp's Kleene logic, the
// urgency interval of docs/bytecode.md), over the VM's fact encoding (runtime/fact_value.hpp),
// with no bytecode, no stack and no loops. check_layout() proves at start-up that the KB's
// fact, flag, topic and level tables are in the order the indices below assume, so a changed
// KB stops the benchmark instead of skewing it. Benchmark code only: never part of redflag.
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "runtime/fact_value.hpp"
#include "runtime/image.hpp"
#include "runtime/tri.hpp"

namespace bench {

using redflag::FactValue;
using redflag::Tri;

// Fact indices, in kb/back_pain/facts.rf order.
enum Fact : std::uint32_t {
  kAge, kPainDuration, kImproving, kWorseAtNight, kWakesFromSleep, kRelievedByRest,
  kChangesWithPosition, kCancerHistory, kCancerType, kWeightLoss, kFever, kNightSweats,
  kNewWeakness, kNewNumbness, kBowelBladder, kRadiatingLegPain, kRecentStrain, kFactCount
};
constexpr std::array<std::string_view, kFactCount> kFactNames = {
    "age", "pain_duration", "improving", "worse_at_night", "wakes_from_sleep", "relieved_by_rest",
    "changes_with_position", "cancer_history", "cancer_type", "weight_loss", "fever", "night_sweats",
    "new_weakness", "new_numbness", "bowel_bladder_dysfunction", "radiating_leg_pain", "recent_strain"};

constexpr std::size_t kFlagCount = 7;
constexpr std::size_t kTopicCount = 12;
constexpr std::array<std::string_view, kFlagCount> kFlagNames = {
    "weight_loss", "systemic", "neuro_deficit", "cancer_history", "night_pain", "rest_pain", "no_improvement"};
constexpr std::array<std::uint32_t, kFlagCount> kFlagLevels = {3, 3, 3, 2, 2, 2, 1};
constexpr std::array<std::string_view, kTopicCount> kTopicNames = {
    "prevalence", "mechanical_pain", "muscle_strain", "spondylosis", "sciatica", "metastasis",
    "bone_destruction", "cord_compression", "inflammatory_pain", "red_flags", "seek_care", "workup"};
constexpr std::uint32_t kConsult = 1;
constexpr std::uint32_t kPrompt = 2;

struct Result {
  std::array<Tri, kFlagCount> flags;
  std::array<Tri, kTopicCount> topics;
  std::uint32_t urgency;
  bool complete;
};

inline Tri truth(const FactValue& fact) { return fact.known ? redflag::tri_of(fact.value != 0) : Tri::Unknown; }
inline Tri at_least(const FactValue& fact, double limit) {
  return fact.known ? redflag::tri_of(fact.value >= limit) : Tri::Unknown;
}

// kb/back_pain evaluated by hand: the same flags, topics, urgency and status as its bytecode.
inline void evaluate(const FactValue* f, Result& r) {
  using redflag::tri_and;
  using redflag::tri_not;
  using redflag::tri_or;
  r.flags[0] = at_least(f[kWeightLoss], 10);  // [lb_av]
  r.flags[1] = tri_or(truth(f[kFever]), truth(f[kNightSweats]));
  r.flags[2] = tri_or(tri_or(truth(f[kNewWeakness]), truth(f[kNewNumbness])), truth(f[kBowelBladder]));
  r.flags[3] = truth(f[kCancerHistory]);
  r.flags[4] = tri_or(truth(f[kWorseAtNight]), truth(f[kWakesFromSleep]));
  r.flags[5] = tri_and(tri_not(truth(f[kRelievedByRest])), tri_not(truth(f[kChangesWithPosition])));
  r.flags[6] = tri_and(at_least(f[kPainDuration], 4), tri_not(truth(f[kImproving])));  // wk
  std::uint32_t low = 0;   // the highest fired level
  std::uint32_t high = 0;  // the highest fired or undetermined level
  bool complete = true;
  for (std::size_t i = 0; i < kFlagCount; ++i) {
    if (r.flags[i] == Tri::True && kFlagLevels[i] > low) low = kFlagLevels[i];
    if (r.flags[i] != Tri::False && kFlagLevels[i] > high) high = kFlagLevels[i];
    complete = complete && r.flags[i] != Tri::Unknown;
  }
  const Tri routine = low > 0 ? Tri::False : (high == 0 ? Tri::True : Tri::Unknown);
  const auto urgency_at_least = [&](std::uint32_t level) {
    return low >= level ? Tri::True : (high < level ? Tri::False : Tri::Unknown);
  };
  const FactValue& type = f[kCancerType];  // breast, lung, prostate, kidney are 0..3
  const Tri listed_type = type.known ? redflag::tri_of(type.value >= 0 && type.value < 4) : Tri::Unknown;
  r.topics[0] = routine;
  r.topics[1] = tri_or(routine, tri_and(truth(f[kChangesWithPosition]), truth(f[kRelievedByRest])));
  r.topics[2] = truth(f[kRecentStrain]);
  r.topics[3] = routine;
  r.topics[4] = truth(f[kRadiatingLegPain]);
  r.topics[5] = tri_or(truth(f[kCancerHistory]), listed_type);
  r.topics[6] = Tri::False;
  r.topics[7] = tri_and(truth(f[kRadiatingLegPain]), truth(f[kCancerHistory]));
  r.topics[8] = Tri::False;
  r.topics[9] = urgency_at_least(kPrompt);
  r.topics[10] = Tri::True;
  r.topics[11] = urgency_at_least(kConsult);
  r.urgency = low;
  r.complete = complete;
}

// Stops the program unless [image] is kb/back_pain with the tables this file assumes.
inline void check_layout(const redflag::Image& image) {
  bool same = image.facts.size() == kFactCount && image.flags.size() == kFlagCount &&
              image.topics.size() == kTopicCount && image.levels.size() == 4;
  for (std::size_t i = 0; same && i < kFactCount; ++i) same = image.facts[i].name == kFactNames[i];
  for (std::size_t i = 0; same && i < kFlagCount; ++i) {
    same = image.flags[i].name == kFlagNames[i] && image.flags[i].level == kFlagLevels[i];
  }
  for (std::size_t i = 0; same && i < kTopicCount; ++i) same = image.topics[i].name == kTopicNames[i];
  if (!same) {
    std::fputs("the KB is not kb/back_pain as tests/bench/back_pain_rules.hpp codes it\n", stderr);
    std::exit(1);
  }
}

}  // namespace bench
