#include "runtime/fact_candidates.hpp"

#include <algorithm>
#include <cmath>

#include "runtime/instruction.hpp"

namespace redflag {
namespace {

// The fact's inclusive range, NaN bounds read as unbounded.
bool in_range(const ImageFact& fact, double value) {
  return !(value < fact.min) && !(value > fact.max);
}

// [value] moved into the fact's range.
double clamp_to_range(const ImageFact& fact, double value) {
  if (value < fact.min) return fact.min;
  if (value > fact.max) return fact.max;
  return value;
}

std::vector<double> numeric_candidates(const ImageFact& fact, std::vector<double> thresholds) {
  thresholds.erase(std::remove_if(thresholds.begin(), thresholds.end(),
                                  [&](double value) { return !in_range(fact, value); }),
                   thresholds.end());
  std::sort(thresholds.begin(), thresholds.end());
  thresholds.erase(std::unique(thresholds.begin(), thresholds.end()), thresholds.end());
  if (thresholds.empty()) return {clamp_to_range(fact, 0)};
  std::vector<double> values;
  // One canonical unit beyond each end: 3 and 5 wk around a 4 wk threshold.
  values.push_back(clamp_to_range(fact, thresholds.front() - 1));
  for (std::size_t i = 0; i < thresholds.size(); ++i) {
    if (i > 0) values.push_back((thresholds[i - 1] + thresholds[i]) / 2);
    values.push_back(thresholds[i]);
  }
  values.push_back(clamp_to_range(fact, thresholds.back() + 1));
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

// [values] of an integer fact as the whole numbers either side of each: a midpoint 4.5 between
// thresholds 4 and 5 has no integer strictly inside and becomes the thresholds themselves, a
// threshold 4.5 from a number fact compared with it gives 4 and 5. The range's bounds are whole.
std::vector<double> whole_candidates(const ImageFact& fact, const std::vector<double>& values) {
  std::vector<double> whole;
  for (const double value : values) {
    whole.push_back(clamp_to_range(fact, std::floor(value)));
    whole.push_back(clamp_to_range(fact, std::ceil(value)));
  }
  std::sort(whole.begin(), whole.end());
  whole.erase(std::unique(whole.begin(), whole.end()), whole.end());
  return whole;
}

}  // namespace

std::vector<double> numeric_spread(const ImageFact& fact) {
  const bool has_min = !std::isnan(fact.min);
  const bool has_max = !std::isnan(fact.max);
  if (has_min && has_max) return {fact.min, (fact.min + fact.max) / 2, fact.max};
  const double low = has_min ? fact.min : 0;
  std::vector<double> spread = {low, low + 1, low + 10, low + 100, low + 1000};
  if (has_max) spread.push_back(fact.max);
  return spread;
}

ConditionReads condition_reads(const Image& image) {
  ConditionReads reads;
  reads.read.assign(image.facts.size(), false);
  reads.thresholds.resize(image.facts.size());
  std::vector<std::pair<std::uint64_t, std::uint64_t>> compared_facts;
  std::vector<bool> computed(image.facts.size(), false);  // read by NUM
  Instruction in;
  for (std::uint32_t pc = 0; pc < image.code.size(); pc = in.end()) {
    if (decode_instruction(image.code, pc, in) != DecodeStatus::Ok) break;
    switch (in.op) {
      case Op::Fact:
      case Op::Known:
      case Op::InSet: reads.read[in.a] = true; break;
      case Op::CmpConst:
        reads.read[in.a] = true;
        reads.thresholds[in.a].push_back(image.constants[in.b]);
        break;
      case Op::CmpFact:
        reads.read[in.a] = reads.read[in.b] = true;
        compared_facts.emplace_back(in.a, in.b);
        break;
      case Op::Num: reads.read[in.a] = computed[in.a] = true; break;
      default: break;
    }
  }
  const auto own = reads.thresholds;
  for (const auto& [a, b] : compared_facts) {
    reads.thresholds[a].insert(reads.thresholds[a].end(), own[b].begin(), own[b].end());
    reads.thresholds[b].insert(reads.thresholds[b].end(), own[a].begin(), own[a].end());
  }
  for (std::size_t fact = 0; fact < computed.size(); ++fact) {
    if (!computed[fact]) continue;
    const std::vector<double> spread = numeric_spread(image.facts[fact]);
    reads.thresholds[fact].insert(reads.thresholds[fact].end(), spread.begin(), spread.end());
  }
  return reads;
}

std::vector<double> candidate_values(const ImageFact& fact, std::vector<double> thresholds) {
  switch (fact.type) {
    case FactType::Bool: return {0, 1};
    case FactType::Text: return {0};
    case FactType::Enum: {
      std::vector<double> values;
      for (std::size_t i = 0; i < fact.values.size(); ++i) values.push_back(static_cast<double>(i));
      return values;
    }
    case FactType::Integer:
      return whole_candidates(fact, numeric_candidates(fact, std::move(thresholds)));
    case FactType::Number:
    case FactType::Quantity: break;
  }
  return numeric_candidates(fact, std::move(thresholds));
}

}  // namespace redflag
