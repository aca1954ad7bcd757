// Round trip of the decompiler (runtime/condition_text.hpp): the condition text it reads back
// from bytecode, pasted into a source as the `when` of the same flag, compiles without an
// error and behaves exactly as the original, on random KBs (tests/support/random_kb.hpp) and
// random cases.
//
// The decompiled text is canonical rather than the author's (quantities in the fact's canonical
// unit, `between` as two comparisons, defines by name, parentheses only where needed), and it
// is written in the source syntax, so it goes back verbatim. Three properties:
//   1. each flag's decompiled text as its `when`, with the original defines and topics,
//      compiles and gives every flag, topic, urgency and status the same value (VM), on random
//      cases and on cases that put a number or quantity fact exactly on each constant of the
//      KB (where a threshold printed with too few digits would show);
//   2. the same with every define, flag and topic condition decompiled;
//   3. text decompiled from a KB compiled from decompiled text is a fixed point. One round is
//      not: `not (kind not in {c})` decompiles to `not not kind in {c}`, which compiles (the
//      double `not` folded) to what decompiles as `kind in {c}`; the same behaviour, another
//      text. Defines are compared by name, since the image orders them by first use.
// Not covered by the random KBs, and pinned by the second test case below: a constant under
// 1e-4 or from 1e15 up decompiles with an exponent, which the grammar's NUMBER does not accept.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "compiler/compiler.hpp"
#include "compiler/diagnostics/diagnostic_render.hpp"
#include "runtime/condition_text.hpp"
#include "runtime/vm.hpp"
#include "tests/support/random_kb.hpp"

namespace {

using redflag::FactValue;
using redflag::test_support::RandomKb;

constexpr int kKbs = 150;
constexpr int kFlagsPerKb = 30;
constexpr int kCasesPerKb = 100;

// Compiles [source], failing the test with its diagnostics when it has errors.
redflag::CompileResult compile_clean(const std::string& source) {
  auto compiled = redflag::compile_sources({{"random.rf", source}});
  INFO(source);
  INFO(redflag::render_text(compiled.frontend.diagnostics, compiled.frontend.files));
  REQUIRE_FALSE(compiled.frontend.has_errors());
  REQUIRE(compiled.ok());
  return compiled;
}

// [kb] with every define, flag and topic condition replaced by its text in [texts], decompiled
// from [image] (a compile of a KB with the same names). The image holds only the defines some
// condition uses, in the order of first use; an unused define keeps its source.
RandomKb with_conditions(const RandomKb& kb, const redflag::Image& image, const redflag::ConditionTexts& texts) {
  RandomKb result = kb;
  for (std::size_t i = 0; i < image.defines.size(); ++i) {
    const std::string& name = image.defines[i].name;
    REQUIRE(name.size() > 1);
    REQUIRE(name[0] == 'd');
    result.defines.at(std::stoul(name.substr(1))) = texts.defines[i];
  }
  REQUIRE(texts.flags.size() == kb.flags.size());
  REQUIRE(texts.topics.size() == kb.topics.size());
  for (std::size_t i = 0; i < kb.flags.size(); ++i) result.flags[i].when = texts.flags[i];
  for (std::size_t i = 0; i < kb.topics.size(); ++i) result.topics[i].when = texts.topics[i];
  return result;
}

// The define texts of [image] by define name.
std::map<std::string, std::string> by_name(const redflag::Image& image, const redflag::ConditionTexts& texts) {
  std::map<std::string, std::string> result;
  for (std::size_t i = 0; i < image.defines.size(); ++i) result[image.defines[i].name] = texts.defines[i];
  return result;
}

}  // namespace

TEST_CASE("decompiled conditions compile back to the same behaviour", "[differential][decompile]") {
  std::mt19937 random(20260402);
  int compared = 0, edge_cases = 0;
  for (int kb_index = 0; kb_index < kKbs; ++kb_index) {
    const RandomKb kb = redflag::test_support::make_random_kb(random, {kb_index % 3 == 0 ? 3 : kFlagsPerKb});
    const std::string source = kb.source();
    INFO("KB " << kb_index << ":\n" << source);
    const auto original = compile_clean(source);
    const redflag::Image& image = *original.image;
    const auto texts = redflag::decompile_conditions(image);

    RandomKb flags_only = kb;  // property 1
    for (std::size_t i = 0; i < kb.flags.size(); ++i) flags_only.flags[i].when = texts.flags[i];
    const RandomKb everything = with_conditions(flags_only, image, texts);  // property 2

    const auto first = compile_clean(flags_only.source());
    const auto second = compile_clean(everything.source());
    // Property 3: a third round gives the second round's text.
    const auto second_texts = redflag::decompile_conditions(*second.image);
    const auto third = compile_clean(with_conditions(everything, *second.image, second_texts).source());
    const auto third_texts = redflag::decompile_conditions(*third.image);
    CHECK(third_texts.flags == second_texts.flags);
    CHECK(third_texts.topics == second_texts.topics);
    CHECK(by_name(*third.image, third_texts) == by_name(*second.image, second_texts));

    const redflag::Program program(image), first_program(*first.image), second_program(*second.image);
    redflag::Evaluation expected(program), first_result(first_program), second_result(second_program);
    std::vector<std::vector<FactValue>> cases;
    for (int c = 0; c < kCasesPerKb; ++c) cases.push_back(redflag::test_support::random_case(random, image));
    // Each constant given to each number and quantity fact, the other facts as in a random case.
    for (const double constant : image.constants) {
      for (std::uint32_t fact = 0; fact < image.facts.size(); ++fact) {
        const auto type = image.facts[fact].type;
        if (type != redflag::FactType::Number && type != redflag::FactType::Quantity) continue;
        cases.push_back(redflag::test_support::random_case(random, image));
        cases.back()[fact] = {constant, true};
        ++edge_cases;
      }
    }
    for (std::size_t c = 0; c < cases.size(); ++c) {
      const std::vector<FactValue>& facts = cases[c];
      redflag::evaluate(program, facts.data(), expected);
      redflag::evaluate(first_program, facts.data(), first_result);
      redflag::evaluate(second_program, facts.data(), second_result);
      for (const auto* result : {&first_result, &second_result}) {
        INFO((result == &first_result ? "flags decompiled" : "everything decompiled") << ", case " << c
                                                                      << (c >= kCasesPerKb ? " (on a constant)" : ""));
        for (std::size_t flag = 0; flag < kb.flags.size(); ++flag) {
          if (result->flags[flag] != expected.flags[flag]) {
            FAIL("flag f" << flag << ": " << int(result->flags[flag]) << " after the round trip, "
                          << int(expected.flags[flag]) << " before\noriginal: " << kb.flags[flag].when
                          << "\ndecompiled: " << texts.flags[flag]);
          }
          ++compared;
        }
        REQUIRE(result->topics == expected.topics);
        REQUIRE(result->urgency == expected.urgency);
        REQUIRE(result->complete == expected.complete);
      }
    }
  }
  INFO(compared << " flag results compared, " << edge_cases << " cases on a constant");
  CHECK(compared > 2 * (kKbs / 3 * 3 + (kKbs - kKbs / 3) * kFlagsPerKb) * kCasesPerKb);
  CHECK(edge_cases > kKbs * 50);
}

// What the random KBs do not reach: a threshold of 10 mg in a fact in [lb_av] is 2.2e-05, which
// runtime/disasm.cpp `number` prints with an exponent (shortest_text keeps one below 1e-4 and
// from 1e15), and which NUMBER reads back since numbers may have exponents.
TEST_CASE("a decompiled threshold under 1e-4 compiles back", "[decompile]") {
  const std::string source = std::string(redflag::test_support::kRandomKbHeader) +
                             "flag f0 low\n  title \"f\"\n  when weight > 10 mg\n";
  const auto original = compile_clean(source);
  const auto texts = redflag::decompile_conditions(*original.image);
  REQUIRE(texts.flags.size() == 1);
  INFO("decompiled: " << texts.flags[0]);
  const auto again = redflag::compile_sources(
      {{"random.rf", std::string(redflag::test_support::kRandomKbHeader) + "flag f0 low\n  title \"f\"\n  when " +
                         texts.flags[0] + "\n"}});
  INFO(redflag::render_text(again.frontend.diagnostics, again.frontend.files));
  REQUIRE(again.ok());
}
