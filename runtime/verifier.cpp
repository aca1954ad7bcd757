#include "runtime/verifier.hpp"

#include <cmath>

#include "runtime/format.hpp"
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

std::string check_flags(const Image& image) {
  for (std::size_t i = 0; i < image.flags.size(); ++i) {
    const ImageFlag& flag = image.flags[i];
    const std::string owner = "flag " + std::to_string(i);
    if (flag.level >= image.levels.size()) return out_of_range(owner + " level", flag.level, image.levels.size(), "levels");
    if (auto reason = check_cites(flag.cites, owner, image.meta.sources.size()); !reason.empty()) return reason;
    for (std::uint32_t topic : flag.see) {
      if (topic >= image.topics.size()) return out_of_range(owner + " sees topic", topic, image.topics.size(), "topics");
    }
    for (std::size_t k = 0; k < flag.facts.size(); ++k) {
      if (flag.facts[k] >= image.facts.size()) {
        return out_of_range(owner + " reads fact", flag.facts[k], image.facts.size(), "facts");
      }
      if (k > 0 && flag.facts[k] <= flag.facts[k - 1]) return owner + " facts are not ascending";
    }
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

}  // namespace

std::string verify_image(const Image& image) {
  if (image.levels.empty()) return "no levels";
  for (const auto& topic : image.topics) {
    if (auto reason = check_cites(topic.cites, "topic " + std::to_string(&topic - image.topics.data()), image.meta.sources.size()); !reason.empty()) {
      return reason;
    }
  }
  for (auto check : {check_facts, check_flags, check_tests, check_lines, verify_code}) {
    if (auto reason = check(image); !reason.empty()) return reason;
  }
  return {};
}

}  // namespace redflag
