#include "runtime/redflag.hpp"

#include <algorithm>

#include "runtime/fact_input.hpp"
#include "runtime/loader.hpp"
#include "runtime/number_text.hpp"
#include "runtime/sha256.hpp"
#include "runtime/units.hpp"

namespace redflag {
namespace {

std::shared_ptr<const Kb> from_result(LoadResult result, std::string& error) {
  if (!result.ok()) {
    error = std::move(result.error);
    return nullptr;
  }
  error.clear();
  return std::make_shared<const Kb>(std::move(*result.image));
}

// The facts of [reads] that [facts] lacks, ascending as [reads] is.
std::vector<std::uint32_t> absent(const std::vector<std::uint32_t>& reads, const FactValue* facts) {
  std::vector<std::uint32_t> needs;
  for (std::uint32_t fact : reads) {
    if (!facts[fact].known) needs.push_back(fact);
  }
  return needs;
}

// The exact values among the number slots [slots] in [evaluation].
std::vector<ComputedValue> computed_values(const Image& image, const Evaluation& evaluation,
                                           const std::vector<std::uint32_t>& slots) {
  std::vector<ComputedValue> computed;
  for (std::uint32_t slot : slots) {
    const Interval value = evaluation.numbers[slot];
    const ImageNumber& number = image.numbers[slot];
    if (value.is_exact()) computed.push_back({slot, number.name, value.lo, number.unit});
  }
  return computed;
}

void describe_scores(const Image& image, const Evaluation& evaluation, const FactValue* facts,
                     std::vector<ScoreResult>& scores) {
  scores.clear();
  for (std::uint32_t slot = 0; slot < image.numbers.size(); ++slot) {
    const ImageNumber& number = image.numbers[slot];
    if (number.kind != NumberKind::Score) continue;
    const Interval value = evaluation.numbers[slot];
    scores.push_back({slot, number.name, value.lo, value.hi, absent(number.facts, facts)});
  }
}

}  // namespace

std::shared_ptr<const Kb> Kb::open_file(const std::string& path, std::string& error) {
  return from_result(load_file(path), error);
}

std::shared_ptr<const Kb> Kb::open_bytes(const std::uint8_t* data, std::size_t size, std::string& error) {
  return from_result(load_image(data, size), error);
}

Kb::Kb(Image image) : image_(std::move(image)), program_(image_) {}

std::uint32_t Kb::fact_id(std::string_view name) const {
  for (std::size_t i = 0; i < image_.facts.size(); ++i) {
    if (image_.facts[i].name == name) return static_cast<std::uint32_t>(i);
  }
  return kNoIndex;
}

std::string Kb::hash() const { return to_hex(image_.content_hash); }

Case::Case(std::shared_ptr<const Kb> kb)
    : kb_(std::move(kb)), facts_(kb_->image().facts.size()), evaluation_(kb_->program()) {}

std::string Case::find(std::string_view name, std::uint32_t& fact_id) const {
  fact_id = kb_->fact_id(name);
  return fact_id == kNoIndex ? unknown_fact_error(name, kb_->image().facts) : std::string();
}

std::string Case::set_bool(std::string_view fact, bool value) {
  std::uint32_t id = 0;
  if (auto reason = find(fact, id); !reason.empty()) return reason;
  const ImageFact& info = kb_->image().facts[id];
  if (!setter_accepts(info.type, FactType::Bool)) return wrong_type_error(info, value ? "true" : "false");
  facts_[id] = FactValue{value ? 1.0 : 0.0, true};
  return {};
}

std::string Case::set_number(std::string_view fact, double value) {
  std::uint32_t id = 0;
  if (auto reason = find(fact, id); !reason.empty()) return reason;
  const ImageFact& info = kb_->image().facts[id];
  if (!setter_accepts(info.type, FactType::Number)) return wrong_type_error(info, shortest_text(value));
  return set_known(id, number_input(info, value, facts_[id].value));
}

std::string Case::set_quantity(std::string_view fact, double value, std::string_view unit) {
  std::uint32_t id = 0;
  if (auto reason = find(fact, id); !reason.empty()) return reason;
  const ImageFact& info = kb_->image().facts[id];
  if (!setter_accepts(info.type, FactType::Quantity)) {
    return wrong_type_error(info, quoted_text(shortest_text(value) + " " + std::string(unit)));
  }
  return set_known(id, quantity_input(info, find_unit(info.unit), value, unit, facts_[id].value));
}

std::string Case::set_enum(std::string_view fact, std::string_view value) {
  std::uint32_t id = 0;
  if (auto reason = find(fact, id); !reason.empty()) return reason;
  const ImageFact& info = kb_->image().facts[id];
  if (!setter_accepts(info.type, FactType::Enum)) return wrong_type_error(info, quoted_text(value));
  return set_known(id, enum_input(info, value, facts_[id].value));
}

std::string Case::set_text(std::string_view fact, std::string_view text) {
  std::uint32_t id = 0;
  if (auto reason = find(fact, id); !reason.empty()) return reason;
  const ImageFact& info = kb_->image().facts[id];
  if (!setter_accepts(info.type, FactType::Text)) return wrong_type_error(info, quoted_text(text));
  facts_[id] = FactValue{0, true};  // rules read only whether a text fact is known
  return {};
}

std::string Case::set_unknown(std::string_view fact) {
  std::uint32_t id = 0;
  if (auto reason = find(fact, id); !reason.empty()) return reason;
  facts_[id] = FactValue{};
  return {};
}

std::string Case::set_known(std::uint32_t fact_id, std::string reason) {
  if (reason.empty()) facts_[fact_id].known = true;
  return reason;
}

void Case::set(std::uint32_t fact_id, FactValue value) {
  if (fact_id < facts_.size()) facts_[fact_id] = value;
}

void Case::clear() { std::fill(facts_.begin(), facts_.end(), FactValue{}); }

const CaseResult& Case::evaluate() {
  redflag::evaluate(kb_->program(), facts_.data(), evaluation_);
  describe_case(kb_->image(), evaluation_, facts_.data(), result_);
  return result_;
}

void describe_case(const Image& image, const Evaluation& evaluation, const FactValue* facts,
                   CaseResult& result) {
  result.fired.clear();
  result.undetermined.clear();
  std::vector<bool> shown(image.topics.size(), false);
  for (std::size_t i = 0; i < image.topics.size(); ++i) shown[i] = evaluation.topics[i] == Tri::True;
  for (std::uint32_t id = 0; id < image.flags.size(); ++id) {
    const ImageFlag& flag = image.flags[id];
    if (evaluation.flags[id] == Tri::True) {
      FiredFlag fired{id, flag.name, image.levels[flag.level], {}, computed_values(image, evaluation, flag.numbers)};
      for (std::uint32_t fact : flag.facts) {
        if (facts[fact].known) fired.evidence.push_back({fact, image.facts[fact].name, facts[fact].value});
      }
      for (std::uint32_t topic : flag.see) shown[topic] = true;
      result.fired.push_back(std::move(fired));
    } else if (evaluation.flags[id] == Tri::Unknown) {
      result.undetermined.push_back({id, flag.name, absent(flag.facts, facts)});
    }
  }
  result.topics.clear();
  for (std::uint32_t i = 0; i < shown.size(); ++i) {
    if (shown[i]) result.topics.push_back(i);
  }
  describe_scores(image, evaluation, facts, result.scores);
  result.urgency = evaluation.urgency;
  result.urgency_name = image.levels[evaluation.urgency];
  result.complete = evaluation.complete;
}

}  // namespace redflag
