// The fact table the case reader tests read against: one fact of every type and dimension,
// with closed, one-sided and open ranges (open ones get the physical defaults). Built here, not compiled: runtime tests never use the
// compiler.
#pragma once

#include <vector>

#include "runtime/image.hpp"

namespace redflag::test {

enum CaseFact : std::uint32_t { kFever, kAge, kWeightLoss, kPainDuration, kTemperature, kHeight, kCancerType, kNotes, kScore, kColour,
               kBirthWeight, kCoreTemperature };

inline std::vector<ImageFact> case_facts() {
  const auto fact = [](const char* name, FactType type) {
    ImageFact result;
    result.name = name;
    result.type = type;
    return result;
  };
  const auto quantity = [&](const char* name, Dimension dimension, const char* unit, double min, double max) {
    ImageFact result = fact(name, FactType::Quantity);
    result.dimension = dimension;
    result.unit = unit;
    result.min = min;
    result.max = max;
    return result;
  };
  constexpr double kOpen = std::numeric_limits<double>::quiet_NaN();
  std::vector<ImageFact> facts = {
      fact("fever", FactType::Bool),
      fact("age", FactType::Number),
      quantity("weight_loss", Dimension::Mass, "[lb_av]", 0, 300),
      quantity("pain_duration", Dimension::Time, "d", 0, kOpen),
      quantity("temperature", Dimension::Temperature, "Cel", 30, 45),
      quantity("height", Dimension::Length, "cm", kOpen, kOpen),
      fact("cancer_type", FactType::Enum),
      fact("notes", FactType::Text),
      fact("score", FactType::Number),
      fact("colour", FactType::Enum),
      quantity("birth_weight", Dimension::Mass, "kg", kOpen, kOpen),
      quantity("core_temperature", Dimension::Temperature, "[degF]", kOpen, kOpen),
  };
  facts[kAge].min = 0;
  facts[kAge].max = 130;
  facts[kScore].max = 10;
  facts[kCancerType].values = {"breast", "lung", "prostate"};
  facts[kColour].values = {"red", "orange", "yellow", "green", "blue", "indigo", "violet",
                           "black", "white", "grey", "pink", "brown"};
  return facts;
}

}  // namespace redflag::test
