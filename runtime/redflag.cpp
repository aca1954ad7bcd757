#include "runtime/redflag.hpp"

#include <cmath>
#include <cstdio>

#include "runtime/loader.hpp"
#include "runtime/sha256.hpp"
#include "runtime/units.hpp"

namespace redflag {
namespace {

constexpr std::string_view kTypeNames[] = {"bool", "number", "quantity", "enum", "text"};

std::string_view type_name(FactType type) { return kTypeNames[static_cast<std::size_t>(type)]; }

std::string quoted(std::string_view name) { return "`" + std::string(name) + "`"; }

std::string shortest(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

std::shared_ptr<const Kb> from_result(LoadResult result, std::string& error) {
  if (!result.ok()) {
    error = std::move(result.error);
    return nullptr;
  }
  error.clear();
  return std::make_shared<const Kb>(std::move(*result.image));
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

std::string Case::find(std::string_view name, FactType type, std::uint32_t& fact_id) const {
  fact_id = kb_->fact_id(name);
  if (fact_id == kNoIndex) return "unknown fact " + quoted(name);
  const FactType actual = kb_->image().facts[fact_id].type;
  const bool fits = actual == type || (type == FactType::Number && actual == FactType::Quantity);
  if (!fits) {
    return "fact " + quoted(name) + " is a " + std::string(type_name(actual)) + ", not a " +
           std::string(type_name(type));
  }
  return {};
}

// Sets a number or quantity after checking the fact's inclusive range.
std::string Case::set_checked(std::uint32_t fact_id, double value) {
  const ImageFact& fact = kb_->image().facts[fact_id];
  const bool below = !std::isnan(fact.min) && !(value >= fact.min);
  const bool above = !std::isnan(fact.max) && !(value <= fact.max);
  if (std::isnan(value) || below || above) {
    return "value " + shortest(value) + " is outside the range of fact " + quoted(fact.name) + " (" +
           shortest(fact.min) + " to " + shortest(fact.max) + ")";
  }
  facts_[fact_id] = FactValue{value, true};
  return {};
}

std::string Case::set_bool(std::string_view fact, bool value) {
  std::uint32_t id = 0;
  if (auto reason = find(fact, FactType::Bool, id); !reason.empty()) return reason;
  facts_[id] = FactValue{value ? 1.0 : 0.0, true};
  return {};
}

std::string Case::set_number(std::string_view fact, double value) {
  std::uint32_t id = 0;
  if (auto reason = find(fact, FactType::Number, id); !reason.empty()) return reason;
  return set_checked(id, value);
}

std::string Case::set_quantity(std::string_view fact, double value, std::string_view unit) {
  std::uint32_t id = 0;
  if (auto reason = find(fact, FactType::Quantity, id); !reason.empty()) return reason;
  const ImageFact& info = kb_->image().facts[id];
  const auto from = find_unit(unit);
  if (!from) return "unknown unit " + quoted(unit);
  const auto to = find_unit(info.unit);
  if (!to || from->dimension != to->dimension) {
    return "unit " + quoted(unit) + " is a " + std::string(dimension_name(from->dimension)) + ", fact " +
           quoted(fact) + " is a " + std::string(dimension_name(info.dimension));
  }
  return set_checked(id, convert(value, *from, *to));
}

std::string Case::set_enum(std::string_view fact, std::string_view value) {
  std::uint32_t id = 0;
  if (auto reason = find(fact, FactType::Enum, id); !reason.empty()) return reason;
  const auto& values = kb_->image().facts[id].values;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i] == value) {
      facts_[id] = FactValue{static_cast<double>(i), true};
      return {};
    }
  }
  return quoted(value) + " is not a value of fact " + quoted(fact);
}

std::string Case::set_text(std::string_view fact, std::string_view text) {
  static_cast<void>(text);  // rules read only whether a text fact is known
  std::uint32_t id = 0;
  if (auto reason = find(fact, FactType::Text, id); !reason.empty()) return reason;
  facts_[id] = FactValue{0, true};
  return {};
}

std::string Case::set_unknown(std::string_view fact) {
  const std::uint32_t id = kb_->fact_id(fact);
  if (id == kNoIndex) return "unknown fact " + quoted(fact);
  facts_[id] = FactValue{};
  return {};
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
      FiredFlag fired{id, flag.name, image.levels[flag.level], {}};
      for (std::uint32_t fact : flag.facts) {
        if (facts[fact].known) fired.evidence.push_back({fact, image.facts[fact].name, facts[fact].value});
      }
      for (std::uint32_t topic : flag.see) shown[topic] = true;
      result.fired.push_back(std::move(fired));
    } else if (evaluation.flags[id] == Tri::Unknown) {
      UndeterminedFlag undetermined{id, flag.name, {}};
      for (std::uint32_t fact : flag.facts) {
        if (!facts[fact].known) undetermined.needs.push_back(fact);
      }
      result.undetermined.push_back(std::move(undetermined));
    }
  }
  result.topics.clear();
  for (std::uint32_t i = 0; i < shown.size(); ++i) {
    if (shown[i]) result.topics.push_back(i);
  }
  result.urgency = evaluation.urgency;
  result.urgency_name = image.levels[evaluation.urgency];
  result.complete = evaluation.complete;
}

}  // namespace redflag
