// Differential test: the compiled bytecode on the VM, on the batch VM, and the reference AST
// evaluator must agree on every flag, topic, urgency and status, for random conditions over
// random cases with unknowns. 50 random KBs x 100 flags + 50 x 3 flags = 5,150 random
// conditions, each over 100 cases; and 40 KBs x 60 flags of arithmetic, scores and `at most` /
// `exactly` counts. The KBs and cases come from tests/support/random_kb.hpp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "compiler/eval/ast_eval.hpp"
#include "compiler/codegen/codegen.hpp"
#include "compiler/frontend.hpp"
#include "runtime/bytecode_writer.hpp"
#include "runtime/loader.hpp"
#include "runtime/vm.hpp"
#include "runtime/vm_batch.hpp"
#include "tests/support/random_kb.hpp"

namespace {

using redflag::FactValue;
using redflag::Tri;
using redflag::test_support::random_case;
using redflag::test_support::random_kb;
using redflag::test_support::random_numeric_case;
using redflag::test_support::random_numeric_kb;

constexpr int kKbs = 100;
constexpr int kFlagsPerKb = 100;
// Every other KB has this few flags, so that the urgency (the highest fired level) varies from
// case to case and the topics that compare it see every outcome.
constexpr int kFewFlags = 3;
constexpr int kCasesPerKb = 100;  // more than one batch of the batch evaluator
constexpr int kNumericKbs = 40;
constexpr int kNumericFlags = 60;

// A random KB's source, checked, compiled and loaded back as a file would be.
struct Compiled {
  redflag::FrontendResult frontend;
  redflag::Image image;
};

Compiled compiled(const std::string& source, const char* name) {
  auto frontend = redflag::check_sources({{name, source}});
  INFO(source);
  REQUIRE_FALSE(frontend.has_errors());
  const auto bytes = redflag::write_image(redflag::generate_image(frontend.kb));
  auto loaded = redflag::load_image(bytes.data(), bytes.size());
  INFO(loaded.error);
  REQUIRE(loaded.ok());
  return {std::move(frontend), std::move(*loaded.image)};
}

// [cases] through the batch evaluator, in batches of random sizes up to a full one.
std::vector<redflag::Evaluation> batch_evaluate(const redflag::Program& program,
                                                const std::vector<std::vector<FactValue>>& cases,
                                                std::mt19937& random) {
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
  return batched;
}

// Fails naming the first flag whose result in [vm] (called [name]) differs from [expected];
// returns how many flags were compared.
int compare_flags(const redflag::Evaluation& vm, const char* name, const redflag::AstEvaluation& expected,
                  const Compiled& kb, const std::string& source) {
  for (std::size_t flag = 0; flag < expected.flags.size(); ++flag) {
    if (vm.flags[flag] != expected.flags[flag]) {
      FAIL("flag f" << flag << ": " << name << " " << int(vm.flags[flag]) << ", reference "
                    << int(expected.flags[flag]) << "\ncondition: "
                    << source.substr(kb.frontend.kb.flags[flag].when_span.begin.offset, 200));
    }
  }
  return static_cast<int>(expected.flags.size());
}

}  // namespace

TEST_CASE("the VM, the batch VM and the reference evaluator agree on random conditions and cases", "[differential]") {
  std::mt19937 random(20261124);
  int compared = 0;
  for (int kb_index = 0; kb_index < kKbs; ++kb_index) {
    const std::string source = random_kb(random, kb_index % 2 ? kFlagsPerKb : kFewFlags);
    const Compiled kb = compiled(source, "random.rf");
    const redflag::Program program(kb.image);
    std::vector<std::vector<FactValue>> cases;
    for (int c = 0; c < kCasesPerKb; ++c) cases.push_back(random_case(random, kb.image));
    auto batched = batch_evaluate(program, cases, random);
    redflag::Evaluation evaluation(program);
    for (std::size_t c = 0; c < cases.size(); ++c) {
      redflag::evaluate(program, cases[c].data(), evaluation);
      redflag::AstEvaluator reference(kb.frontend.kb, cases[c]);
      const auto expected = reference.evaluate_all();
      for (const auto* vm : {&evaluation, &batched[c]}) {
        const char* const name = vm == &evaluation ? "VM" : "batch VM";
        const int flags = compare_flags(*vm, name, expected, kb, source);
        if (vm == &evaluation) compared += flags;
        INFO(name);
        REQUIRE(vm->topics == expected.topics);
        REQUIRE(vm->urgency == expected.urgency);
        REQUIRE(vm->complete == expected.complete);
      }
    }
  }
  CHECK(compared == kKbs / 2 * (kFlagsPerKb + kFewFlags) * kCasesPerKb);
}

TEST_CASE("the VMs and the reference evaluator agree on arithmetic, scores and counts", "[differential]") {
  std::mt19937 random(20261202);
  int compared = 0;
  for (int kb_index = 0; kb_index < kNumericKbs; ++kb_index) {
    const std::string source = random_numeric_kb(random, kNumericFlags);
    const Compiled kb = compiled(source, "numeric.rf");
    const redflag::Program program(kb.image);
    std::vector<std::uint32_t> score_slots;
    for (std::uint32_t slot = 0; slot < kb.image.numbers.size(); ++slot) {
      if (kb.image.numbers[slot].kind == redflag::NumberKind::Score) score_slots.push_back(slot);
    }
    REQUIRE(score_slots.size() == kb.frontend.kb.scores.size());
    std::vector<std::vector<FactValue>> cases;
    for (int c = 0; c < kCasesPerKb; ++c) cases.push_back(random_numeric_case(random, kb.image));
    auto batched = batch_evaluate(program, cases, random);
    redflag::Evaluation evaluation(program);
    for (std::size_t c = 0; c < cases.size(); ++c) {
      redflag::evaluate(program, cases[c].data(), evaluation);
      redflag::AstEvaluator reference(kb.frontend.kb, cases[c]);
      const auto expected = reference.evaluate_all();
      for (const auto* vm : {&evaluation, &batched[c]}) {
        const char* const name = vm == &evaluation ? "VM" : "batch VM";
        INFO(name << ", case " << c);
        const int flags = compare_flags(*vm, name, expected, kb, source);
        if (vm == &evaluation) compared += flags;
        for (std::size_t score = 0; score < score_slots.size(); ++score) {
          REQUIRE(vm->numbers[score_slots[score]].lo == expected.scores[score].lo);
          REQUIRE(vm->numbers[score_slots[score]].hi == expected.scores[score].hi);
        }
        REQUIRE(vm->urgency == expected.urgency);
        REQUIRE(vm->complete == expected.complete);
      }
    }
  }
  CHECK(compared == kNumericKbs * kNumericFlags * kCasesPerKb);
}
