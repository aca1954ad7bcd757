// Differential test: the compiled bytecode on the VM, on the batch VM, and the reference AST
// evaluator must agree on every flag, topic, urgency and status, for random conditions over
// random cases with unknowns. 50 random KBs x 100 flags + 50 x 3 flags = 5,150 random
// conditions, each over 100 cases.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <random>
#include <string>

#include "compiler/eval/ast_eval.hpp"
#include "compiler/codegen/codegen.hpp"
#include "compiler/frontend.hpp"
#include "runtime/bytecode_writer.hpp"
#include "runtime/loader.hpp"
#include "runtime/vm.hpp"
#include "runtime/vm_batch.hpp"

namespace {

using redflag::FactValue;
using redflag::Tri;

constexpr int kKbs = 100;
constexpr int kFlagsPerKb = 100;
// Every other KB has this few flags, so that the urgency (the highest fired level) varies from
// case to case and the topics that compare it see every outcome.
constexpr int kFewFlags = 3;
constexpr int kCasesPerKb = 100;  // more than one batch of the batch evaluator

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

std::string random_kb(std::mt19937& random, int flags) {
  ConditionGenerator generator(random);
  std::string source = kHeader;
  source += "define d0 = " + generator.condition(2, 0) + "\n";
  source += "define d1 = " + generator.condition(2, 1) + "\n";
  const char* const levels[] = {"low", "mid", "high"};
  for (int i = 0; i < flags; ++i) {
    source += fmt::format("flag f{} {}\n  title \"f\"\n  when {}\n", i, levels[random() % 3],
                          generator.condition(3, 2));
  }
  const char* const topic_conditions[] = {"urgency = mid",         "urgency >= mid and b0", "urgency < high or d1",
                                          "not (urgency != low)",  "urgency <= mid",        "urgency > low",
                                          "urgency != high"};
  for (int i = 0; i < 7; ++i) {
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

TEST_CASE("the VM, the batch VM and the reference evaluator agree on random conditions and cases", "[differential]") {
  std::mt19937 random(20261124);
  int compared = 0;
  for (int kb_index = 0; kb_index < kKbs; ++kb_index) {
    const std::string source = random_kb(random, kb_index % 2 ? kFlagsPerKb : kFewFlags);
    const auto frontend = redflag::check_sources({{"random.rf", source}});
    INFO(source);
    REQUIRE_FALSE(frontend.has_errors());
    const auto bytes = redflag::write_image(redflag::generate_image(frontend.kb));
    auto loaded = redflag::load_image(bytes.data(), bytes.size());
    INFO(loaded.error);
    REQUIRE(loaded.ok());
    const redflag::Program program(*loaded.image);
    std::vector<std::vector<FactValue>> cases;
    for (int c = 0; c < kCasesPerKb; ++c) cases.push_back(random_case(random, *loaded.image));
    // The batch evaluator, in batches of random sizes up to a full one.
    redflag::BatchEvaluator batch(program);
    std::vector<redflag::Evaluation> batched(cases.size());
    for (std::size_t first = 0; first < cases.size();) {
      const std::size_t count = std::min<std::size_t>(cases.size() - first, 1 + random() % redflag::kBatchSize);
      std::vector<const FactValue*> facts;
      std::vector<redflag::Evaluation*> outs;
      for (std::size_t i = first; i < first + count; ++i) {
        facts.push_back(cases[i].data());
        outs.push_back(&batched[i]);
      }
      batch.evaluate(facts.data(), count, outs.data());
      first += count;
    }
    redflag::Evaluation evaluation(program);
    for (std::size_t c = 0; c < cases.size(); ++c) {
      redflag::evaluate(program, cases[c].data(), evaluation);
      redflag::AstEvaluator reference(frontend.kb, cases[c]);
      const auto expected = reference.evaluate_all();
      for (const auto* vm : {&evaluation, &batched[c]}) {
        const char* const name = vm == &evaluation ? "VM" : "batch VM";
        for (std::size_t flag = 0; flag < expected.flags.size(); ++flag) {
          if (vm->flags[flag] != expected.flags[flag]) {
            FAIL("flag f" << flag << ": " << name << " " << int(vm->flags[flag]) << ", reference "
                          << int(expected.flags[flag]) << "\ncondition: "
                          << source.substr(frontend.kb.flags[flag].when_span.begin.offset, 200));
          }
          compared += vm == &evaluation;
        }
        INFO(name);
        REQUIRE(vm->topics == expected.topics);
        REQUIRE(vm->urgency == expected.urgency);
        REQUIRE(vm->complete == expected.complete);
      }
    }
  }
  CHECK(compared == kKbs / 2 * (kFlagsPerKb + kFewFlags) * kCasesPerKb);
}
