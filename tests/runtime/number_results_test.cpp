// What the embedding APIs and the review tools make of numbers: CaseResult::scores and
// FiredFlag::computed (C++ and C), the candidate values of facts read through arithmetic, and
// the next-question ranking with scores.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "runtime/bytecode_writer.hpp"
#include "runtime/fact_candidates.hpp"
#include "runtime/next_question.hpp"
#include "runtime/redflag.h"
#include "runtime/redflag.hpp"
#include "tests/runtime/test_images.hpp"

namespace redflag {
namespace {

constexpr std::uint32_t kResp = 5;  // scored_image's resp_rate and sbp
constexpr std::uint32_t kSbp = 6;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::shared_ptr<const Kb> scored_kb() {
  auto kb = test::open_kb(test::scored_image());
  REQUIRE(kb);
  return kb;
}

TEST_CASE("C++ API: a fired flag shows the exact score it read, and every score its bounds") {
  Case kase(scored_kb());
  CHECK(kase.set_quantity("resp_rate", 25, "/min") == "");
  CHECK(kase.set_quantity("sbp", 90, "mm[Hg]") == "");
  const CaseResult& result = kase.evaluate();
  REQUIRE(result.fired.size() == 1);
  const FiredFlag& fired = result.fired[0];
  CHECK(fired.flag == "qsofa_high");
  REQUIRE(fired.computed.size() == 1);
  CHECK(fired.computed[0].slot == 2);
  CHECK(fired.computed[0].name == "qsofa");
  CHECK(fired.computed[0].value == 2);
  CHECK(fired.computed[0].unit == "1");
  REQUIRE(fired.evidence.size() == 2);
  CHECK(fired.evidence[0].fact == "resp_rate");
  REQUIRE(result.scores.size() == 1);  // items and the numeric define are not scores
  CHECK(result.scores[0].slot == 2);
  CHECK(result.scores[0].name == "qsofa");
  CHECK(result.scores[0].lo == 2);
  CHECK(result.scores[0].hi == 2);
  CHECK(result.scores[0].needs.empty());
}

TEST_CASE("C++ API: an inexact score has bounds and needs the facts it reads that are absent") {
  Case kase(scored_kb());
  CHECK(kase.set_quantity("sbp", 90, "mm[Hg]") == "");
  const CaseResult* result = &kase.evaluate();
  REQUIRE(result->scores.size() == 1);
  CHECK(result->scores[0].lo == 1);
  CHECK(result->scores[0].hi == 2);
  CHECK(result->scores[0].needs == std::vector<std::uint32_t>{kResp});
  CHECK(result->fired.empty());
  REQUIRE(result->undetermined.size() == 3);
  CHECK(result->undetermined[2].flag == "qsofa_high");
  CHECK(result->undetermined[2].needs == std::vector<std::uint32_t>{kResp});
  kase.clear();
  result = &kase.evaluate();
  CHECK(result->scores[0].lo == 0);
  CHECK(result->scores[0].hi == 2);
  CHECK(result->scores[0].needs == std::vector<std::uint32_t>{kResp, kSbp});
}

TEST_CASE("C++ API: a fired flag's computed values leave out the inexact ones") {
  Image image = test::scored_image();
  image.flags[2].numbers = {2, 3};  // qsofa and ratio, which divides by sbp
  auto kb = test::open_kb(image);
  REQUIRE(kb);
  Case kase(kb);
  kase.set(kResp, test::known(25));
  kase.set(kSbp, test::known(90));
  REQUIRE(kase.evaluate().fired.size() == 1);
  CHECK(kase.result().fired[0].computed.size() == 2);
  CHECK(kase.result().fired[0].computed[1].name == "ratio");
  CHECK(kase.result().fired[0].computed[1].value == 25.0 / 90);
  CHECK(kase.result().fired[0].computed[1].unit == "/min/mm[Hg]");
}

TEST_CASE("C API: scores and the computed values of fired flags") {
  const std::vector<std::uint8_t> bytes = write_image(test::scored_image());
  rf_kb* kb = nullptr;
  REQUIRE(rf_kb_open_bytes(bytes.data(), bytes.size(), &kb, nullptr, 0) == RF_OK);
  rf_case* kase = nullptr;
  REQUIRE(rf_case_new(kb, &kase) == RF_OK);
  rf_kb_free(kb);
  CHECK(rf_case_set_quantity(kase, "sbp", 90, "mm[Hg]") == RF_OK);
  REQUIRE(rf_case_evaluate(kase) == RF_OK);
  REQUIRE(rf_case_score_count(kase) == 1);
  CHECK(std::string(rf_case_score_name(kase, 0)) == "qsofa");
  CHECK(rf_case_score_low(kase, 0) == 1);
  CHECK(rf_case_score_high(kase, 0) == 2);
  REQUIRE(rf_case_score_needs_count(kase, 0) == 1);
  CHECK(std::string(rf_case_score_needs_fact(kase, 0, 0)) == "resp_rate");
  CHECK(rf_case_score_needs_fact(kase, 0, 1) == nullptr);
  CHECK(rf_case_score_name(kase, 1) == nullptr);
  CHECK(std::isnan(rf_case_score_low(kase, 1)));
  CHECK(std::isnan(rf_case_score_high(kase, 1)));
  CHECK(rf_case_score_needs_count(kase, 1) == 0);
  CHECK(rf_case_fired_computed_count(kase, 0) == 0);  // nothing fired
  CHECK(rf_case_set_quantity(kase, "resp_rate", 30, "/min") == RF_OK);
  REQUIRE(rf_case_evaluate(kase) == RF_OK);
  REQUIRE(rf_case_fired_count(kase) == 1);
  REQUIRE(rf_case_fired_computed_count(kase, 0) == 1);
  CHECK(std::string(rf_case_fired_computed_name(kase, 0, 0)) == "qsofa");
  CHECK(rf_case_fired_computed_value(kase, 0, 0) == 2);
  CHECK(std::string(rf_case_fired_computed_unit(kase, 0, 0)) == "1");
  CHECK(rf_case_fired_computed_name(kase, 0, 1) == nullptr);
  CHECK(std::isnan(rf_case_fired_computed_value(kase, 0, 1)));
  CHECK(rf_case_fired_computed_unit(kase, 1, 0) == nullptr);
  CHECK(rf_case_score_low(kase, 0) == 2);
  CHECK(rf_case_score_needs_count(kase, 0) == 0);
  rf_case_free(kase);
}

ImageFact ranged(double min, double max) {
  ImageFact fact;
  fact.type = FactType::Number;
  fact.min = min;
  fact.max = max;
  return fact;
}

TEST_CASE("numeric_spread: the bounds and midpoint, or 0, 1, 10, 100 and 1000 above the lower bound") {
  CHECK(numeric_spread(ranged(3, 15)) == std::vector<double>{3, 9, 15});
  CHECK(numeric_spread(ranged(40, kNaN)) == std::vector<double>{40, 41, 50, 140, 1040});
  CHECK(numeric_spread(ranged(kNaN, kNaN)) == std::vector<double>{0, 1, 10, 100, 1000});
  CHECK(numeric_spread(ranged(kNaN, 50)) == std::vector<double>{0, 1, 10, 100, 1000, 50});
}

// The flag `rate > 10`, through arithmetic only (NUM, NUMK, CMPN), reading rate.
Image rate_above_ten() {
  Image image = test::number_image({10}, {}, [](CodeBuilder& code) {
    test::emit_a(code, Op::Num, test::kRate);
    test::emit_numk(code, 0);
    test::emit_cmpn(code, CmpCode::Gt);
  });
  image.flags[0].facts = {test::kRate};
  return image;
}

TEST_CASE("a fact read only through arithmetic is read, with the spread as thresholds") {
  const Image image = rate_above_ten();
  const ConditionReads reads = condition_reads(image);
  CHECK(reads.read[test::kRate]);
  CHECK_FALSE(reads.read[test::kSbp]);
  CHECK(reads.thresholds[test::kRate] == std::vector<double>{0, 1, 10, 100, 1000});  // rate >= 0, open above
  const std::vector<double> candidates = candidate_values(image.facts[test::kRate], reads.thresholds[test::kRate]);
  CHECK(candidates == std::vector<double>{0, 0.5, 1, 5.5, 10, 55, 100, 550, 1000, 1001});
}

TEST_CASE("next question: a fact read only through arithmetic can reach the flag it settles") {
  const Image image = rate_above_ten();
  const Program program(image);
  QuestionRanker ranker(image, program);
  const std::vector<FactValue> facts(test::kNumberFactCount);
  Evaluation evaluation(program);
  evaluate(program, facts.data(), evaluation);
  REQUIRE(evaluation.flags[0] == Tri::Unknown);
  const std::vector<Question>& questions = ranker.rank(facts.data(), evaluation);
  REQUIRE(questions.size() == 1);
  CHECK(questions[0].fact_id == test::kRate);
  CHECK(questions[0].could_reach == 1);
}

TEST_CASE("next question: among equal questions, the one that narrows the undetermined score most comes first") {
  // score s = item on p (1 when p) + item on rate (0 below 10, 3 from 10); flag `s >= 4` on p and rate
  std::vector<ImageNumber> numbers(3);
  const char* names[] = {"s.on_p", "s.on_rate", "s"};
  for (std::uint32_t i = 0; i < 3; ++i) {
    numbers[i].name = names[i];
    numbers[i].unit = "1";
    numbers[i].kind = i < 2 ? NumberKind::Item : NumberKind::Score;
    numbers[i].score = i < 2 ? 2 : kNoIndex;
  }
  Image image = test::number_image({1, 10, 0, 3, 4}, numbers, [](CodeBuilder& code) {
    test::emit_a(code, Op::Fact, test::kP);
    test::emit_item(code, 0, 1, 1);
    test::emit_a(code, Op::NumSet, 0);
    test::emit_cmpk(code, test::kRate, CmpCode::Lt, 1);
    test::emit_cmpk(code, test::kRate, CmpCode::Ge, 1);
    test::emit_item(code, 2, 2, 0);
    test::emit_a(code, Op::NumSet, 1);
    test::emit_a(code, Op::NumGet, 0);
    test::emit_a(code, Op::NumGet, 1);
    code.emit(Op::Add);
    test::emit_a(code, Op::NumSet, 2);
    test::emit_a(code, Op::NumGet, 2);
    test::emit_numk(code, 4);
    test::emit_cmpn(code, CmpCode::Ge);
  });
  image.flags[0].facts = {test::kRate, test::kP};
  const Program program(image);
  QuestionRanker ranker(image, program);
  const std::vector<FactValue> facts(test::kNumberFactCount);
  Evaluation evaluation(program);
  evaluate(program, facts.data(), evaluation);
  REQUIRE(evaluation.numbers[2] == Interval{0, 4});
  const std::vector<Question>& questions = ranker.rank(facts.data(), evaluation);
  REQUIRE(questions.size() == 2);
  // Neither answer alone fires the flag, and one flag reads each: p (width 4 to 3) would come
  // first by name, but rate settles its item (4 to 1).
  CHECK(questions[0].fact_id == test::kRate);
  CHECK(questions[0].narrows == 3);
  CHECK(questions[1].fact_id == test::kP);
  CHECK(questions[1].narrows == 1);
  CHECK(questions[0].could_reach == questions[1].could_reach);
}

}  // namespace
}  // namespace redflag
