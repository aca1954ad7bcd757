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

TEST_CASE("the VMs and the reference evaluator agree on arithmetic, scores and counts", "[differential]") {
  std::mt19937 random(20261202);
  constexpr int kNumericKbs = 40;
  int compared = 0;
  for (int kb_index = 0; kb_index < kNumericKbs; ++kb_index) {
    const std::string source = random_numeric_kb(random, 60);
    const auto frontend = redflag::check_sources({{"numeric.rf", source}});
    INFO(source);
    REQUIRE_FALSE(frontend.has_errors());
    const auto bytes = redflag::write_image(redflag::generate_image(frontend.kb));
    auto loaded = redflag::load_image(bytes.data(), bytes.size());
    INFO(loaded.error);
    REQUIRE(loaded.ok());
    const redflag::Image& image = *loaded.image;
    const redflag::Program program(image);
    std::vector<std::uint32_t> score_slots;
    for (std::uint32_t slot = 0; slot < image.numbers.size(); ++slot) {
      if (image.numbers[slot].kind == redflag::NumberKind::Score) score_slots.push_back(slot);
    }
    REQUIRE(score_slots.size() == frontend.kb.scores.size());
    std::vector<std::vector<FactValue>> cases;
    for (int c = 0; c < kCasesPerKb; ++c) cases.push_back(random_numeric_case(random, image));
    redflag::BatchEvaluator batch(program);
    std::vector<redflag::Evaluation> batched(cases.size());
    for (std::size_t first = 0; first < cases.size(); first += redflag::kBatchSize) {
      const std::size_t count = std::min<std::size_t>(cases.size() - first, redflag::kBatchSize);
      std::vector<const FactValue*> facts;
      std::vector<redflag::Evaluation*> outs;
      for (std::size_t i = first; i < first + count; ++i) {
        facts.push_back(cases[i].data());
        outs.push_back(&batched[i]);
      }
      batch.evaluate(facts.data(), count, outs.data());
    }
    redflag::Evaluation evaluation(program);
    for (std::size_t c = 0; c < cases.size(); ++c) {
      redflag::evaluate(program, cases[c].data(), evaluation);
      redflag::AstEvaluator reference(frontend.kb, cases[c]);
      const auto expected = reference.evaluate_all();
      for (const auto* vm : {&evaluation, &batched[c]}) {
        const char* const name = vm == &evaluation ? "VM" : "batch VM";
        INFO(name << ", case " << c);
        for (std::size_t flag = 0; flag < expected.flags.size(); ++flag) {
          if (vm->flags[flag] != expected.flags[flag]) {
            FAIL("flag f" << flag << ": " << name << " " << int(vm->flags[flag]) << ", reference "
                          << int(expected.flags[flag]) << "\ncondition: "
                          << source.substr(frontend.kb.flags[flag].when_span.begin.offset, 200));
          }
          compared += vm == &evaluation;
        }
        for (std::size_t score = 0; score < score_slots.size(); ++score) {
          REQUIRE(vm->numbers[score_slots[score]].lo == expected.scores[score].lo);
          REQUIRE(vm->numbers[score_slots[score]].hi == expected.scores[score].hi);
        }
        REQUIRE(vm->urgency == expected.urgency);
        REQUIRE(vm->complete == expected.complete);
      }
    }
  }
  CHECK(compared == kNumericKbs * 60 * kCasesPerKb);
}
