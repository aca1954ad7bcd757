// Differential test: the compiled bytecode on the VM and the reference AST evaluator must agree
// on every flag, topic, urgency and status, for random conditions over random cases with
// unknowns. 100 random KBs x 100 flags = 10,000 random conditions, each over 40 cases.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <random>
#include <string>

#include "compiler/ast_eval.hpp"
#include "compiler/codegen.hpp"
#include "compiler/frontend.hpp"
#include "runtime/bytecode_writer.hpp"
#include "runtime/loader.hpp"
#include "runtime/vm.hpp"

namespace {

using redflag::FactValue;
using redflag::Tri;

constexpr int kKbs = 100;
constexpr int kFlagsPerKb = 100;
constexpr int kCasesPerKb = 40;

const char* const kHeader = R"(kb random
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

// Writes random conditions in the surface syntax, so the parser and checker are exercised too.
class ConditionGenerator {
 public:
  explicit ConditionGenerator(std::mt19937& random) : random_(random) {}

  std::string condition(int depth, int defines) {
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

 private:
  int pick(int bound) { return std::uniform_int_distribution<int>(0, bound - 1)(random_); }
  std::string cmp() { return std::vector<std::string>{"=", "!=", "<", "<=", ">", ">="}[pick(6)]; }
  std::string enum_value() { return std::string(1, static_cast<char>('a' + pick(4))); }
  std::string quantity(const std::vector<std::string>& units) {
    return fmt::format("{} {}", pick(12), units[pick(static_cast<int>(units.size()))]);
  }
  // A condition as an operand of `not`: parenthesised unless it is a simple one.
  std::string operand(int depth, int defines) { return "(" + condition(depth, defines) + ")"; }
  std::string junction(const char* word, int depth, int defines) {
    const int members = 2 + pick(2);
    std::string text;
    for (int i = 0; i < members; ++i) text += (i ? word : "") + operand(depth - 1, defines);
    return text;
  }

  std::mt19937& random_;
};

std::string random_kb(std::mt19937& random) {
  ConditionGenerator generator(random);
  std::string source = kHeader;
  source += "define d0 = " + generator.condition(2, 0) + "\n";
  source += "define d1 = " + generator.condition(2, 1) + "\n";
  const char* const levels[] = {"low", "mid", "high"};
  for (int i = 0; i < kFlagsPerKb; ++i) {
    source += fmt::format("flag f{} {}\n  title \"f\"\n  when {}\n", i, levels[random() % 3],
                          generator.condition(3, 2));
  }
  const char* const topic_conditions[] = {"urgency = mid", "urgency >= mid and b0", "urgency < high or d1",
                                          "not (urgency != low)"};
  for (int i = 0; i < 4; ++i) {
    source += fmt::format("topic t{} \"t\"\n  when {}\n  \"\"\"\n  text\n  \"\"\"\n", i, topic_conditions[i]);
  }
  return source;
}

std::vector<FactValue> random_case(std::mt19937& random, const redflag::Image& image) {
  std::vector<FactValue> facts(image.facts.size());
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (random() % 10 < 3) continue;  // unknown
    const auto& fact = image.facts[i];
    double value = 0;
    switch (fact.type) {
      case redflag::FactType::Bool: value = random() % 2; break;
      case redflag::FactType::Enum: value = random() % fact.values.size(); break;
      case redflag::FactType::Number: value = random() % 21; break;
      // Converted thresholds land on exact values too, so equality edges get exercised.
      case redflag::FactType::Quantity: value = (random() % 2) ? random() % 30 : random() % 12 * 2.20462262185; break;
      case redflag::FactType::Text: break;
    }
    facts[i] = {value, true};
  }
  return facts;
}

}  // namespace

TEST_CASE("the VM and the reference evaluator agree on random conditions and cases", "[differential]") {
  std::mt19937 random(20261124);
  int compared = 0;
  for (int kb_index = 0; kb_index < kKbs; ++kb_index) {
    const std::string source = random_kb(random);
    const auto frontend = redflag::load_sources({{"random.rf", source}});
    INFO(source);
    REQUIRE_FALSE(frontend.has_errors());
    const auto bytes = redflag::write_image(redflag::generate_image(frontend.kb));
    auto loaded = redflag::load_image(bytes.data(), bytes.size());
    INFO(loaded.error);
    REQUIRE(loaded.ok());
    const redflag::Program program(*loaded.image);
    redflag::Evaluation evaluation(program);
    for (int c = 0; c < kCasesPerKb; ++c) {
      const auto facts = random_case(random, *loaded.image);
      redflag::evaluate(program, facts.data(), evaluation);
      redflag::AstEvaluator reference(frontend.kb, facts);
      const auto expected = reference.evaluate_all();
      for (std::size_t flag = 0; flag < expected.flags.size(); ++flag) {
        if (evaluation.flags[flag] != expected.flags[flag]) {
          FAIL("flag f" << flag << ": VM " << int(evaluation.flags[flag]) << ", reference "
                        << int(expected.flags[flag]) << "\ncondition: "
                        << source.substr(frontend.kb.flags[flag].when_span.begin.offset, 200));
        }
        ++compared;
      }
      REQUIRE(evaluation.topics == expected.topics);
      REQUIRE(evaluation.urgency == expected.urgency);
      REQUIRE(evaluation.complete == expected.complete);
    }
  }
  CHECK(compared == kKbs * kFlagsPerKb * kCasesPerKb);
}
