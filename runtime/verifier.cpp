#include "runtime/verifier.hpp"

#include <cmath>

#include "runtime/format.hpp"
#include "runtime/number_text.hpp"
#include "runtime/suggest.hpp"

namespace redflag {
namespace {

std::string out_of_range(const std::string& what, std::uint64_t index, std::size_t count, const char* table) {
  return what + " " + std::to_string(index) + " out of range (" + std::to_string(count) + " " + table + ")";
}

std::string check_cites(const std::vector<ImageCitation>& cites, const std::string& owner, std::size_t sources) {
  for (const auto& cite : cites) {
    if (cite.source >= sources) return out_of_range(owner + " cites source", cite.source, sources, "sources");
  }
  return {};
}

std::string check_facts(const Image& image) {
  for (std::size_t i = 0; i < image.facts.size(); ++i) {
    const ImageFact& fact = image.facts[i];
    const std::size_t values = fact.values.size();
    const bool is_enum = fact.type == FactType::Enum;
    if (values > kMaxEnumValues || (is_enum && values == 0) || (!is_enum && values != 0)) {
      return "fact " + std::to_string(i) + " has " + std::to_string(values) + " enum values";
    }
    // A quantity's unit is read with UCUM here, once, so the case reader never meets an
    // unknown one; a named dimension must be the unit's.
    if (fact.type != FactType::Quantity) continue;
    const auto unit = find_unit(fact.unit);
    if (!unit) return "fact " + std::to_string(i) + " has the unknown unit " + quoted_name(fact.unit);
    if (is_named(fact.dimension) && unit->dimension != fact.dimension) {
      return "fact " + std::to_string(i) + " is a " + std::string(dimension_name(fact.dimension)) + " in " +
             quoted_name(fact.unit);
    }
  }
  return {};
}

// [values] (indices into a table of [count] [table]) are in range and strictly ascending.
std::string check_ascending(const std::vector<std::uint32_t>& values, std::size_t count, const std::string& owner,
                            const char* what, const char* table) {
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (values[k] >= count) return out_of_range(owner + " reads " + what, values[k], count, table);
    if (k > 0 && values[k] <= values[k - 1]) return owner + " " + table + " are not ascending";
  }
  return {};
}

std::string check_flags(const Image& image) {
  for (std::size_t i = 0; i < image.flags.size(); ++i) {
    const ImageFlag& flag = image.flags[i];
    const std::string owner = "flag " + std::to_string(i);
    if (flag.level >= image.levels.size()) return out_of_range(owner + " level", flag.level, image.levels.size(), "levels");
    if (auto reason = check_cites(flag.cites, owner, image.meta.sources.size()); !reason.empty()) return reason;
    for (std::uint32_t topic : flag.see) {
      if (topic >= image.topics.size()) return out_of_range(owner + " sees topic", topic, image.topics.size(), "topics");
    }
    if (auto reason = check_ascending(flag.facts, image.facts.size(), owner, "fact", "facts"); !reason.empty()) {
      return reason;
    }
    if (auto reason = check_ascending(flag.numbers, image.numbers.size(), owner, "number", "numbers"); !reason.empty()) {
      return reason;
    }
  }
  return {};
}

// Number [i]'s `score`: an item's is a score's slot; no other kind has one.
std::string check_score_of(const Image& image, std::size_t i, const std::string& owner) {
  const ImageNumber& number = image.numbers[i];
  if (number.kind != NumberKind::Item) {
    return number.score == kNoIndex ? std::string() : owner + " is not an item but has a score";
  }
  if (number.score >= image.numbers.size()) {
    return out_of_range(owner + " score", number.score, image.numbers.size(), "numbers");
  }
  if (image.numbers[number.score].kind == NumberKind::Score) return {};
  return owner + " is an item of number " + std::to_string(number.score) + ", which is not a score";
}

// Every number's score, fact, facts and citations.
std::string check_numbers(const Image& image) {
  for (std::size_t i = 0; i < image.numbers.size(); ++i) {
    const ImageNumber& number = image.numbers[i];
    const std::string owner = "number " + std::to_string(i);
    if (auto reason = check_score_of(image, i, owner); !reason.empty()) return reason;
    if (number.fact != kNoIndex && number.fact >= image.facts.size()) {
      return out_of_range(owner + " is on fact", number.fact, image.facts.size(), "facts");
    }
    if (auto reason = check_ascending(number.facts, image.facts.size(), owner, "fact", "facts"); !reason.empty()) {
      return reason;
    }
    if (auto reason = check_cites(number.cites, owner, image.meta.sources.size()); !reason.empty()) return reason;
  }
  return {};
}

std::string check_expectation(const ImageExpectation& expectation, const std::string& owner, const Image& image) {
  const auto& args = expectation.args;
  switch (expectation.kind) {
    case ExpectKind::Urgency:
      if (args.size() != 1) return owner + " urgency expectation has " + std::to_string(args.size()) + " arguments";
      if (args[0] >= image.levels.size()) return out_of_range(owner + " expects level", args[0], image.levels.size(), "levels");
      return {};
    case ExpectKind::Status:
      if (args.size() != 1 || args[0] > 1) return owner + " has a bad status expectation";
      return {};
    case ExpectKind::Score:
      if (args.size() != 1) return owner + " score expectation has " + std::to_string(args.size()) + " arguments";
      if (args[0] >= image.numbers.size()) {
        return out_of_range(owner + " expects number", args[0], image.numbers.size(), "numbers");
      }
      if (expectation.low <= expectation.high) return {};  // false for a NaN bound too
      return owner + " expects a score between " + number_text(expectation.low) + " and " +
             number_text(expectation.high);
    case ExpectKind::FlagsExactly:
    case ExpectKind::Fired:
    case ExpectKind::NotFired:
    case ExpectKind::Undetermined:
      for (std::uint32_t flag : args) {
        if (flag >= image.flags.size()) return out_of_range(owner + " expects flag", flag, image.flags.size(), "flags");
      }
      return {};
  }
  return {};
}

std::string check_tests(const Image& image) {
  for (std::size_t i = 0; i < image.tests.size(); ++i) {
    const ImageTest& test = image.tests[i];
    const std::string owner = "test " + std::to_string(i);
    for (const auto& given : test.givens) {
      if (given.fact >= image.facts.size()) return out_of_range(owner + " gives fact", given.fact, image.facts.size(), "facts");
      const ImageFact& fact = image.facts[given.fact];
      if (given.known && fact.type == FactType::Enum &&
          !(given.value >= 0 && given.value < static_cast<double>(fact.values.size()) &&
            given.value == std::floor(given.value))) {
        return owner + " gives fact " + std::to_string(given.fact) + " a value that is not one of its enum values";
      }
    }
    for (const auto& expectation : test.expectations) {
      if (auto reason = check_expectation(expectation, owner, image); !reason.empty()) return reason;
    }
  }
  return {};
}

std::string check_lines(const Image& image) {
  for (std::size_t i = 0; i < image.lines.size(); ++i) {
    const std::uint32_t offset = image.lines[i].code_offset;
    if (offset >= image.code.size()) return "line table entry " + std::to_string(i) + " is outside the code";
    if (i > 0 && offset < image.lines[i - 1].code_offset) return "line table offsets are not ascending";
  }
  return {};
}

// Whether a fact of [type] can take what a binding of [kind] yields (docs/fhir.md).
bool binding_fits(FhirKind kind, FactType type) {
  const bool number = type == FactType::Number || type == FactType::Integer;
  switch (kind) {
    case FhirKind::Observation: return number || type == FactType::Quantity;
    case FhirKind::Condition: return type == FactType::Bool || type == FactType::Enum;
    case FhirKind::PatientAge: return number;
    case FhirKind::Item: return true;
  }
  return false;
}

// Every binding's fact, type, codes, window and enum value; one indicator per level, or none.
std::string check_fhir(const Image& image) {
  if (!image.indicators.empty() && image.indicators.size() != image.levels.size()) {
    return std::to_string(image.indicators.size()) + " indicators for " + std::to_string(image.levels.size()) + " levels";
  }
  for (std::size_t i = 0; i < image.fhir.size(); ++i) {
    const ImageFhirBinding& binding = image.fhir[i];
    const std::string owner = "binding " + std::to_string(i);
    if (binding.fact >= image.facts.size()) return out_of_range(owner + " binds fact", binding.fact, image.facts.size(), "facts");
    const ImageFact& fact = image.facts[binding.fact];
    if (!binding_fits(binding.kind, fact.type)) return owner + " does not fit the type of fact " + std::to_string(binding.fact);
    const bool coded = binding.kind == FhirKind::Observation || binding.kind == FhirKind::Condition;
    if (coded && (binding.system.empty() || binding.code.empty())) return owner + " has no system or code";
    if (binding.kind == FhirKind::Item && binding.code.empty()) return owner + " has no linkId";
    const bool component = !binding.component_system.empty() || !binding.component_code.empty();
    if (component && (binding.kind != FhirKind::Observation || binding.component_system.empty() ||
                      binding.component_code.empty())) {
      return owner + " has a partial or misplaced component";
    }
    if (!(binding.within >= 0) || std::isinf(binding.within)) return owner + " has a look-back window of " + shortest_text(binding.within);
    const bool enum_condition = binding.kind == FhirKind::Condition && fact.type == FactType::Enum;
    if (enum_condition ? binding.value >= fact.values.size() : binding.value != kNoIndex) {
      return owner + " has the enum value " + std::to_string(binding.value) + " for fact " + std::to_string(binding.fact);
    }
    if (binding.current && binding.kind != FhirKind::Condition) return owner + " is `current` but not a condition";
  }
  return {};
}

}  // namespace

std::string verify_image(const Image& image) {
  if (image.levels.empty()) return "no levels";
  for (const auto& topic : image.topics) {
    if (auto reason = check_cites(topic.cites, "topic " + std::to_string(&topic - image.topics.data()), image.meta.sources.size()); !reason.empty()) {
      return reason;
    }
  }
  for (auto check : {check_facts, check_flags, check_numbers, check_tests, check_lines, check_fhir, verify_code}) {
    if (auto reason = check(image); !reason.empty()) return reason;
  }
  return {};
}

}  // namespace redflag
