#include "tests/support/random_kb.hpp"

#include <fmt/format.h>

namespace redflag::test_support {

const char* const kRandomKbHeader = R"(kb random
  title "random"
  version 1.0.0
  status draft
levels low < mid < high
fact b0 : bool
fact b1 : bool
fact b2 : bool
fact b3 : bool
fact n0 : number between 0 and 20
fact n1 : number
fact weight : mass in [lb_av]
fact span : time in wk
fact kind : one of a, b, c, d
fact note : text
)";

std::string ConditionGenerator::condition(int depth, int defines) {
  const int choice = pick(depth <= 0 ? 9 : 15);
  switch (choice) {
    case 0: return fmt::format("b{}", pick(4));
    case 1: return fmt::format("n{} {} {}", pick(2), cmp(), pick(21));
    case 2: return fmt::format("weight {} {}", cmp(), quantity({"lb", "kg", "g", "[oz_av]"}));
    case 3: return fmt::format("span {} {}", cmp(), quantity({"wk", "d", "mo", "h"}));
    case 4: return fmt::format("kind {} {}", pick(2) ? "=" : "!=", enum_value());
    case 5: return fmt::format("kind {}in {{{}, {}}}", pick(2) ? "not " : "", enum_value(), enum_value());
    case 6: return fmt::format("known({})", std::vector<std::string>{"b0", "n0", "weight", "kind", "note"}[pick(5)]);
    case 7: return std::vector<std::string>{"true", "false", "unknown"}[pick(3)];
    case 8: return defines > 0 ? fmt::format("d{}", pick(defines)) : fmt::format("b{} = {}", pick(4), pick(2) ? "true" : "false");
    case 9: return "not " + operand(depth - 1, defines);
    case 10:
    case 11: return junction(pick(2) ? " and " : " or ", depth, defines);
    case 12: {
      const int low = pick(10);
      return fmt::format("n0 between {} and {}", low, low + pick(10));
    }
    case 13: return fmt::format("n0 {} n1", cmp());
    default: {
      const int members = 1 + pick(4);
      std::string list;
      for (int i = 0; i < members; ++i) list += (i ? ", " : "") + condition(depth - 1, defines);
      return fmt::format("at least {} of ({})", 1 + pick(members), list);
    }
  }
}

int ConditionGenerator::pick(int bound) { return std::uniform_int_distribution<int>(0, bound - 1)(random_); }

std::string ConditionGenerator::cmp() { return std::vector<std::string>{"=", "!=", "<", "<=", ">", ">="}[pick(6)]; }

std::string ConditionGenerator::enum_value() { return std::string(1, static_cast<char>('a' + pick(4))); }

std::string ConditionGenerator::quantity(const std::vector<std::string>& units) {
  return fmt::format("{} {}", pick(12), units[pick(static_cast<int>(units.size()))]);
}

std::string ConditionGenerator::operand(int depth, int defines) { return "(" + condition(depth, defines) + ")"; }

std::string ConditionGenerator::junction(const char* word, int depth, int defines) {
  const int members = 2 + pick(2);
  std::string text;
  for (int i = 0; i < members; ++i) text += (i ? word : "") + operand(depth - 1, defines);
  return text;
}

std::string RandomKb::source() const {
  std::string source = kRandomKbHeader;
  for (std::size_t i = 0; i < defines.size(); ++i) source += fmt::format("define d{} = {}\n", i, defines[i]);
  for (const auto& flag : flags) {
    source += fmt::format("flag {} {}\n  title \"f\"\n  when {}\n", flag.name, flag.level, flag.when);
    if (!flag.see.empty()) source += fmt::format("  see {}\n", fmt::join(flag.see, ", "));
  }
  for (const auto& topic : topics) {
    source += fmt::format("topic {} \"t\"\n", topic.name);
    if (!topic.when.empty()) source += fmt::format("  when {}\n", topic.when);
    source += "  \"\"\"\n  text\n  \"\"\"\n";
  }
  return source;
}

RandomKb make_random_kb(std::mt19937& random, const RandomKbOptions& options) {
  ConditionGenerator generator(random);
  RandomKb kb;
  kb.defines.push_back(generator.condition(2, 0));
  kb.defines.push_back(generator.condition(2, 1));
  const char* const levels[] = {"low", "mid", "high"};
  constexpr int kTopics = 9;  // t0..t6 with conditions, t7 and t8 (links only) without
  for (int i = 0; i < options.flags; ++i) {
    RandomKb::Flag flag;
    flag.name = fmt::format("f{}", i);
    // The condition before the level: the order in which GCC evaluated the arguments of the
    // one format call that drew both when this generator lived in differential_test.cpp.
    flag.when = generator.condition(3, 2);
    flag.level = levels[random() % 3];
    if (options.links && random() % 2) {
      const auto first = random() % kTopics;
      flag.see.push_back(fmt::format("t{}", first));
      const auto second = random() % kTopics;
      if (random() % 2 && second != first) flag.see.push_back(fmt::format("t{}", second));
    }
    kb.flags.push_back(std::move(flag));
  }
  const char* const topic_conditions[] = {"urgency = mid",         "urgency >= mid and b0", "urgency < high or d1",
                                          "not (urgency != low)",  "urgency <= mid",        "urgency > low",
                                          "urgency != high"};
  for (int i = 0; i < 7; ++i) kb.topics.push_back({fmt::format("t{}", i), topic_conditions[i]});
  if (options.links) {
    for (int i = 7; i < kTopics; ++i) kb.topics.push_back({fmt::format("t{}", i), ""});
  }
  return kb;
}

std::string random_kb(std::mt19937& random, int flags) { return make_random_kb(random, {flags, false}).source(); }

std::vector<FactValue> random_case(std::mt19937& random, const Image& image, int unknown_in_ten) {
  std::vector<FactValue> facts(image.facts.size());
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (random() % 10 < static_cast<unsigned>(unknown_in_ten)) continue;  // unknown
    const auto& fact = image.facts[i];
    double value = 0;
    switch (fact.type) {
      case FactType::Bool: value = random() % 2; break;
      case FactType::Enum: value = random() % fact.values.size(); break;
      case FactType::Number:
      case FactType::Integer: value = random() % 21; break;
      // Converted thresholds land on exact values too, so equality edges get exercised.
      case FactType::Quantity: value = (random() % 2) ? random() % 30 : random() % 12 * 2.20462262185; break;
      case FactType::Text: break;
    }
    facts[i] = {value, true};
  }
  return facts;
}

namespace {

const char* const kNumericKbHeader = R"(kb numeric
  title "numeric"
  version 1.0.0
  status draft
levels low < mid < high
fact b0 : bool
fact b1 : bool
fact n0 : number between 0 and 20
fact n1 : number
fact sbp : quantity in mm[Hg] between 0 mm[Hg] and 300 mm[Hg]
fact dbp : quantity in mm[Hg]
fact pulse : quantity in /min
fact w : mass in kg
fact w2 : mass in [lb_av]
fact kind : one of a, b, c, d
define map = (sbp + 2 * dbp) / 3
define shock = pulse / sbp
define total = w + w2
score s0
  item c0 2 when b0
  item c1 1 when n0 > 10
  item bp on sbp
    3 below 90 mm[Hg]
    1 from 90 mm[Hg] below 110 mm[Hg]
    0 from 110 mm[Hg]
  item k on kind
    when b1
      0 for a, b
      2 for c
      3 for d
  item flagged on b1
    1 for true
    0 for false
)";

// A numeric value and a constant of its unit to compare it with.
std::string numeric_comparison(std::mt19937& random) {
  const auto pick = [&random](int bound) { return static_cast<int>(random() % static_cast<unsigned>(bound)); };
  const std::string cmp = std::vector<std::string>{"=", "!=", "<", "<=", ">", ">="}[pick(6)];
  switch (pick(13)) {
    case 0: return fmt::format("map {} {} mm[Hg]", cmp, 50 + pick(60));
    case 1: return fmt::format("shock {} {}", cmp, pick(3) * 0.5);
    case 2: return fmt::format("total {} {} {}", cmp, pick(80), pick(2) ? "kg" : "lb");
    case 3: return fmt::format("s0 {} {}", cmp, pick(10));
    case 4: return fmt::format("s0.bp {} {}", cmp, pick(4));
    case 5: return fmt::format("s0.k + s0.c0 {} {}", cmp, pick(6));
    case 6: return fmt::format("n0 * n1 {} {}", cmp, pick(100));
    case 7: return fmt::format("n1 - n0 {} {}", cmp, pick(20) - 10);
    case 8: return fmt::format("n0 / n1 {} {}", cmp, pick(5));
    case 9: return fmt::format("sbp - dbp {} {} mm[Hg]", cmp, pick(80));
    case 10: return fmt::format("(n0 + n1) * 2 {} n0 + {}", cmp, pick(20));
    case 11: return fmt::format("s0 between {} and {}", pick(4), 3 + pick(6));
    default: return fmt::format("w * 2 + w2 {} {} kg", cmp, pick(150));
  }
}

}  // namespace

std::string random_numeric_kb(std::mt19937& random, int flags) {
  ConditionGenerator generator(random);
  std::string source = kNumericKbHeader;
  const char* const levels[] = {"low", "mid", "high"};
  for (int i = 0; i < flags; ++i) {
    std::string when;
    switch (random() % 4) {
      case 0: when = numeric_comparison(random); break;
      case 1: when = fmt::format("{} {} b{}", numeric_comparison(random), random() % 2 ? "and" : "or", random() % 2); break;
      default: {
        const int members = 1 + static_cast<int>(random() % 4);
        std::string list;
        for (int m = 0; m < members; ++m) {
          list += (m ? ", " : "") + (random() % 2 ? numeric_comparison(random) : fmt::format("b{}", random() % 2));
        }
        const unsigned count = random() % static_cast<unsigned>(members);
        when = fmt::format("{} {} of ({})", random() % 2 ? "at most" : "exactly", count, list);
      }
    }
    source += fmt::format("flag f{} {}\n  title \"f\"\n  when {}\n", i, levels[random() % 3], when);
  }
  return source;
}

std::vector<FactValue> random_numeric_case(std::mt19937& random, const Image& image) {
  std::vector<FactValue> facts(image.facts.size());
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (random() % 10 < 3) continue;  // unknown
    const ImageFact& fact = image.facts[i];
    double value = 0;
    if (fact.type == FactType::Bool) {
      value = random() % 2;
    } else if (fact.type == FactType::Enum) {
      value = random() % fact.values.size();
    } else if (fact.name == "n0") {
      value = random() % 21;
    } else if (fact.name == "n1") {
      value = static_cast<double>(random() % 26) - 5;
    } else if (fact.name == "sbp") {
      value = random() % 8 == 0 ? 0 : 80 + random() % 40;
    } else {
      value = random() % 120;
    }
    facts[i] = {value, true};
  }
  return facts;
}

}  // namespace redflag::test_support
