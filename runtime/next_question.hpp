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
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/fact_value.hpp"
#include "runtime/image.hpp"
#include "runtime/vm.hpp"

namespace redflag {

// One unknown fact and what answering it could change.
struct Question {
  std::uint32_t fact_id = 0;
  std::uint32_t could_reach = 0;      // level index: the highest urgency some answer leads to
  std::vector<std::uint32_t> flags;  // the undetermined flags that read the fact, table order
  double narrows = 0;  // mean over the candidate answers of the total shrink of inexact scores' widths
};

// Ranks questions for cases of one KB; prepared once, then reused case after case.
class QuestionRanker {
 public:
  // [image] and [program] must outlive the ranker.
  QuestionRanker(const Image& image, const Program& program);

  // The questions for the case [facts] whose evaluation is [evaluation], best first; empty when
  // no flag is undetermined. The result stays valid until the next call.
  const std::vector<Question>& rank(const FactValue* facts, const Evaluation& evaluation);

 private:
  const Image& image_;
  const Program& program_;
  std::vector<std::vector<double>> candidates_;  // per fact
  std::vector<std::uint32_t> scores_;             // the number slots of the scores
  std::vector<FactValue> trial_;
  Evaluation scratch_;
  std::vector<Question> questions_;
};

}  // namespace redflag
