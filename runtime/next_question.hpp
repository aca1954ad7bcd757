// The next question to ask: for an incomplete case, which unknown facts matter most.
//
// A fact is worth asking about when some undetermined flag reads it. Each such fact is tried
// at every candidate value (runtime/fact_candidates.hpp) with the other unknown facts left
// unknown; the highest urgency any of those evaluations reaches (fired flags only) is what its
// answer could lead to. Ranked by that urgency, highest first, then by how many undetermined
// flags read the fact, then by how much its answer narrows the scores that are not exact yet
// (the mean over its candidate answers of how much the widths hi - lo of those scores shrink in
// all), then by name. Three-valued logic is monotone, so a fired or cleared flag
// stays so whatever the answer: only undetermined flags can change. Runtime types only.
//
// What an answer does is said per flag, so that a fact needed for an emergency flag together
// with another unknown is never presented as one that cannot matter: the flags some answer
// alone fires or rules out, and for each flag no answer alone fires, the other unknown facts
// with which it can: each single other fact it reads (trying every pair of candidate answers),
// and failing that all of them at once when that is at most kMaxJointTrials evaluations. A
// partner that fires the flag without this answer is not named: the answer adds nothing.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/fact_value.hpp"
#include "runtime/image.hpp"
#include "runtime/vm.hpp"

namespace redflag {

// Flags that answers to the question's fact and to the facts [with] can fire together, and no
// answer to the question's fact alone can.
struct AnsweredTogether {
  std::vector<std::uint32_t> with;   // other unknown facts, all answered too; ascending
  std::vector<std::uint32_t> fires;  // flags, table order
};

// One unknown fact and what answering it could change.
struct Question {
  std::uint32_t fact_id = 0;
  std::uint32_t could_reach = 0;      // level index: the highest urgency some answer alone leads to
  std::vector<std::uint32_t> flags;  // the undetermined flags that read the fact, table order
  double narrows = 0;  // mean over the candidate answers of the total shrink of inexact scores' widths
  std::vector<std::uint32_t> fires_alone;      // flags some answer alone fires, table order
  std::vector<std::uint32_t> rules_out_alone;  // flags some answer alone clears, table order
  std::vector<AnsweredTogether> together;      // by [with], single facts first
  // The highest urgency some answer leads to alone or with the facts of [together].
  std::uint32_t could_reach_together = 0;
};

// Joint answers to one fact and all the other unknown facts of a flag are tried only up to
// this many evaluations per flag: candidates multiply, and --ask runs once per case.
inline constexpr std::size_t kMaxJointTrials = 4096;

// Ranks questions for cases of one KB; prepared once, then reused case after case.
class QuestionRanker {
 public:
  // [image] and [program] must outlive the ranker.
  QuestionRanker(const Image& image, const Program& program);

  // The questions for the case [facts] whose evaluation is [evaluation], best first; empty when
  // no flag is undetermined. The result stays valid until the next call.
  const std::vector<Question>& rank(const FactValue* facts, const Evaluation& evaluation);

 private:
  // Fills [question]'s together and could_reach_together for the flags of [needing], which no
  // answer to its fact alone fires; [facts] is the case.
  void find_partners(Question& question, const FactValue* facts, std::vector<std::uint32_t> needing);
  // The flags of [flags] that some joint answer to [group] (facts, each at every candidate)
  // fires, trial_ holding the case; leaves those facts unknown again.
  std::vector<std::uint32_t> fired_jointly(const std::vector<std::uint32_t>& group,
                                           const std::vector<std::uint32_t>& flags);

  const Image& image_;
  const Program& program_;
  std::vector<std::vector<double>> candidates_;  // per fact
  std::vector<std::uint32_t> scores_;             // the number slots of the scores
  std::vector<FactValue> trial_;
  Evaluation scratch_;
  std::vector<Question> questions_;
};

}  // namespace redflag
