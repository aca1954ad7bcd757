#include "runtime/next_question.hpp"

#include <algorithm>

#include "runtime/fact_candidates.hpp"

namespace redflag {
namespace {

// How much a score's interval width went down from [before] to [after] (never up: an answer
// only narrows intervals); infinite widths that stay infinite shrink by 0, not NaN.
double shrink(double before, double after) { return before == after ? 0 : before - after; }

double width(Interval value) { return value.hi - value.lo; }

}  // namespace

QuestionRanker::QuestionRanker(const Image& image, const Program& program)
    : image_(image), program_(program), scratch_(program) {
  ConditionReads reads = condition_reads(image);
  candidates_.reserve(image.facts.size());
  for (std::size_t i = 0; i < image.facts.size(); ++i) {
    candidates_.push_back(candidate_values(image.facts[i], std::move(reads.thresholds[i])));
  }
  for (std::uint32_t slot = 0; slot < image.numbers.size(); ++slot) {
    if (image.numbers[slot].kind == NumberKind::Score) scores_.push_back(slot);
  }
}

const std::vector<Question>& QuestionRanker::rank(const FactValue* facts, const Evaluation& evaluation) {
  questions_.clear();
  std::vector<std::uint32_t> question_of(image_.facts.size(), kNoIndex);
  for (std::uint32_t flag = 0; flag < evaluation.flags.size(); ++flag) {
    if (evaluation.flags[flag] != Tri::Unknown) continue;
    for (const std::uint32_t fact : image_.flags[flag].facts) {
      if (facts[fact].known) continue;
      if (question_of[fact] == kNoIndex) {
        question_of[fact] = static_cast<std::uint32_t>(questions_.size());
        questions_.push_back({fact, evaluation.urgency, {}});
      }
      questions_[question_of[fact]].flags.push_back(flag);
    }
  }
  trial_.assign(facts, facts + image_.facts.size());
  for (Question& question : questions_) {
    FactValue& answer = trial_[question.fact_id];
    const std::vector<double>& values = candidates_[question.fact_id];
    for (const double value : values) {
      answer = {value, true};
      evaluate(program_, trial_.data(), scratch_);
      question.could_reach = std::max(question.could_reach, scratch_.urgency);
      for (const std::uint32_t slot : scores_) {
        question.narrows += shrink(width(evaluation.numbers[slot]), width(scratch_.numbers[slot]));
      }
    }
    if (!values.empty()) question.narrows /= static_cast<double>(values.size());
    answer = FactValue{};
  }
  std::sort(questions_.begin(), questions_.end(), [&](const Question& a, const Question& b) {
    if (a.could_reach != b.could_reach) return a.could_reach > b.could_reach;
    if (a.flags.size() != b.flags.size()) return a.flags.size() > b.flags.size();
    if (a.narrows != b.narrows) return a.narrows > b.narrows;
    return image_.facts[a.fact_id].name < image_.facts[b.fact_id].name;
  });
  return questions_;
}

}  // namespace redflag
