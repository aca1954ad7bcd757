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
        Question question;
        question.fact_id = fact;
        question.could_reach = evaluation.urgency;
        questions_.push_back(std::move(question));
      }
      questions_[question_of[fact]].flags.push_back(flag);
    }
  }
  trial_.assign(facts, facts + image_.facts.size());
  for (Question& question : questions_) {
    FactValue& answer = trial_[question.fact_id];
    const std::vector<double>& values = candidates_[question.fact_id];
    std::vector<char> fires(question.flags.size()), rules_out(question.flags.size());
    for (const double value : values) {
      answer = {value, true};
      evaluate(program_, trial_.data(), scratch_);
      question.could_reach = std::max(question.could_reach, scratch_.urgency);
      for (const std::uint32_t slot : scores_) {
        question.narrows += shrink(width(evaluation.numbers[slot]), width(scratch_.numbers[slot]));
      }
      for (std::size_t i = 0; i < question.flags.size(); ++i) {
        fires[i] |= scratch_.flags[question.flags[i]] == Tri::True;
        rules_out[i] |= scratch_.flags[question.flags[i]] == Tri::False;
      }
    }
    if (!values.empty()) question.narrows /= static_cast<double>(values.size());
    answer = FactValue{};
    std::vector<std::uint32_t> needing;
    for (std::size_t i = 0; i < question.flags.size(); ++i) {
      (fires[i] ? question.fires_alone : needing).push_back(question.flags[i]);
      if (rules_out[i]) question.rules_out_alone.push_back(question.flags[i]);
    }
    find_partners(question, facts, std::move(needing));
  }
  std::sort(questions_.begin(), questions_.end(), [&](const Question& a, const Question& b) {
    if (a.could_reach != b.could_reach) return a.could_reach > b.could_reach;
    if (a.flags.size() != b.flags.size()) return a.flags.size() > b.flags.size();
    if (a.narrows != b.narrows) return a.narrows > b.narrows;
    return image_.facts[a.fact_id].name < image_.facts[b.fact_id].name;
  });
  return questions_;
}

void QuestionRanker::find_partners(Question& question, const FactValue* facts,
                                   std::vector<std::uint32_t> needing) {
  question.could_reach_together = question.could_reach;
  const auto others_of = [&](std::uint32_t flag) {
    std::vector<std::uint32_t> others;
    for (const std::uint32_t fact : image_.flags[flag].facts) {
      if (!facts[fact].known && fact != question.fact_id) others.push_back(fact);
    }
    return others;  // ascending, as the image lists them
  };
  std::vector<std::uint32_t> partners;
  for (const std::uint32_t flag : needing) {
    const auto others = others_of(flag);
    partners.insert(partners.end(), others.begin(), others.end());
  }
  std::sort(partners.begin(), partners.end());
  partners.erase(std::unique(partners.begin(), partners.end()), partners.end());
  std::vector<std::uint32_t> fired_with_one;
  for (const std::uint32_t partner : partners) {
    auto fired = fired_jointly({question.fact_id, partner}, needing);
    // A flag the partner fires alone owes nothing to this answer.
    const auto by_partner = fired_jointly({partner}, fired);
    fired.erase(std::remove_if(fired.begin(), fired.end(),
                               [&](std::uint32_t flag) {
                                 return std::find(by_partner.begin(), by_partner.end(), flag) != by_partner.end();
                               }),
                fired.end());
    if (fired.empty()) continue;
    fired_with_one.insert(fired_with_one.end(), fired.begin(), fired.end());
    question.together.push_back({{partner}, std::move(fired)});
  }
  for (const std::uint32_t flag : needing) {
    if (std::find(fired_with_one.begin(), fired_with_one.end(), flag) != fired_with_one.end()) continue;
    std::vector<std::uint32_t> group = others_of(flag);
    if (group.size() < 2) continue;  // a single other fact was tried above
    group.push_back(question.fact_id);
    std::size_t trials = 1;
    for (const std::uint32_t fact : group) {
      trials = std::min(trials * candidates_[fact].size(), kMaxJointTrials + 1);
    }
    if (trials > kMaxJointTrials || fired_jointly(group, {flag}).empty()) continue;
    group.pop_back();
    if (!fired_jointly(group, {flag}).empty()) continue;  // the others fire it without this answer
    if (!question.together.empty() && question.together.back().with == group) {
      question.together.back().fires.push_back(flag);
    } else {
      question.together.push_back({std::move(group), {flag}});
    }
  }
  for (const AnsweredTogether& together : question.together) {
    for (const std::uint32_t flag : together.fires) {
      question.could_reach_together = std::max(question.could_reach_together, image_.flags[flag].level);
    }
  }
}

std::vector<std::uint32_t> QuestionRanker::fired_jointly(const std::vector<std::uint32_t>& group,
                                                         const std::vector<std::uint32_t>& flags) {
  std::vector<char> fired(flags.size());
  std::vector<std::size_t> digit(group.size());  // an odometer over the candidates of [group]
  for (const std::uint32_t fact : group) {
    if (candidates_[fact].empty()) return {};
  }
  for (bool more = true; more;) {
    for (std::size_t i = 0; i < group.size(); ++i) trial_[group[i]] = {candidates_[group[i]][digit[i]], true};
    evaluate(program_, trial_.data(), scratch_);
    for (std::size_t i = 0; i < flags.size(); ++i) fired[i] |= scratch_.flags[flags[i]] == Tri::True;
    more = false;
    for (std::size_t i = 0; i < group.size() && !more; ++i) {
      more = ++digit[i] < candidates_[group[i]].size();
      if (!more) digit[i] = 0;
    }
  }
  for (const std::uint32_t fact : group) trial_[fact] = FactValue{};
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < flags.size(); ++i) {
    if (fired[i]) out.push_back(flags[i]);
  }
  return out;
}

}  // namespace redflag
