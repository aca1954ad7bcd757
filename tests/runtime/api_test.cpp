// The embedding APIs, C++ (runtime/redflag.hpp) and C (runtime/redflag.h), on the sample KB.
#include <catch2/catch.hpp>

#include <cmath>

#include "runtime/bytecode_writer.hpp"
#include "runtime/redflag.h"
#include "runtime/redflag.hpp"
#include "tests/runtime/test_images.hpp"

namespace redflag {
namespace {

std::shared_ptr<const Kb> sample_kb() {
  auto kb = test::open_kb(test::sample_image());
  REQUIRE(kb);
  return kb;
}

TEST_CASE("C++ API: fired flag with evidence, urgency, topics") {
  Case kase(sample_kb());
  CHECK(kase.set_bool("fever", true) == "");
  CHECK(kase.set_number("age", 61) == "");
  CHECK(kase.set_enum("cancer_type", "prostate") == "");
  const CaseResult& result = kase.evaluate();
  REQUIRE(result.fired.size() == 1);
  CHECK(result.fired[0].flag == "weight_loss_flag");
  CHECK(result.fired[0].level == "immediate");
  REQUIRE(result.fired[0].evidence.size() == 2);  // fever and age known, weight_loss not
  CHECK(result.fired[0].evidence[0].fact == "fever");
  CHECK(result.fired[0].evidence[1].fact == "age");
  CHECK(result.fired[0].evidence[1].value == 61);
  CHECK(result.undetermined.empty());
  CHECK(result.urgency_name == "immediate");
  CHECK(result.complete);
  CHECK(result.topics == std::vector<std::uint32_t>{0, 1});  // workup seen, escalation true
}

TEST_CASE("C++ API: undetermined flags name the facts they need") {
  Case kase(sample_kb());
  CHECK(kase.set_bool("fever", false) == "");
  const CaseResult& result = kase.evaluate();
  CHECK(result.fired.empty());
  REQUIRE(result.undetermined.size() == 2);
  CHECK(result.undetermined[0].flag == "weight_loss_flag");
  CHECK(result.undetermined[0].needs == std::vector<std::uint32_t>{1, 2});
  CHECK(result.undetermined[1].needs == std::vector<std::uint32_t>{3});
  CHECK(result.urgency_name == "routine");
  CHECK_FALSE(result.complete);
}

TEST_CASE("C++ API: quantities are converted to the fact's canonical unit") {
  Case kase(sample_kb());
  CHECK(kase.set_quantity("weight_loss", 4.5359237, "kg") == "");
  CHECK(kase.fact(2).value == 10);  // [lb_av]
  CHECK(kase.set_quantity("weight_loss", 12, "lbs") == "");
  CHECK(kase.fact(2).value == 12);
  CHECK(kase.set_number("weight_loss", 3) == "");  // canonical unit
  CHECK(kase.fact(2).value == 3);
}

TEST_CASE("C++ API: setters say why they refuse") {
  Case kase(sample_kb());
  CHECK(kase.set_bool("nope", true) == "unknown fact `nope`; did you mean `notes`?");
  CHECK(kase.set_bool("age", true) == "`age` expects a number, got true");
  CHECK(kase.set_number("fever", 1) == "`fever` expects true or false, got 1");
  CHECK(kase.set_number("fever", 0.1234567890123456) == "`fever` expects true or false, got 0.1234567890123456");
  CHECK(kase.set_quantity("age", 1, "kg") == "`age` expects a number, got \"1 kg\"");
  CHECK(kase.set_text("age", "old") == "`age` expects a number, got \"old\"");
  CHECK(kase.set_number("age", 131) == "`age` expects a number from 0 to 130, got 131");
  CHECK(kase.set_number("age", std::nan("")) == "`age` expects a finite number, got nan");
  CHECK(kase.set_number("age", 130.0000000000001) == "`age` expects a number from 0 to 130, got 130.0000000000001");
  CHECK(kase.set_number("age", HUGE_VAL) == "`age` expects a number from 0 to 130, got inf");
  CHECK(kase.set_quantity("weight_loss", 1, "furlong") == "unknown unit `furlong`");
  CHECK(kase.set_quantity("weight_loss", 1, "lbz") == "unknown unit `lbz`; did you mean `lb` or `lbs`?");
  CHECK(kase.set_quantity("weight_loss", 1, "weeks") == "`weight_loss` is a mass; `1 weeks` is a time");
  CHECK(kase.set_quantity("weight_loss", 12, "lb") == "");
  CHECK(kase.set_quantity("weight_loss", -20, "lb") == "`weight_loss` is a mass and cannot be negative, got -20 lb");
  CHECK(kase.set_number("weight_loss", -3) == "`weight_loss` is a mass and cannot be negative, got -3");
  CHECK(kase.fact(2).value == 12);  // a refused value leaves the last one set
  CHECK(kase.set_enum("cancer_type", "skin") ==
        "`cancer_type` expects one of \"breast\", \"lung\" or \"prostate\", got \"skin\"");
  CHECK(kase.set_text("notes", "seen in clinic") == "");
  CHECK(kase.fact(4).known);
  CHECK(kase.set_unknown("notes") == "");
  CHECK_FALSE(kase.fact(4).known);
  CHECK(kase.set_unknown("ages") == "unknown fact `ages`; did you mean `age`?");
}

TEST_CASE("C++ API: a bad file is an error, not a KB") {
  std::string error;
  CHECK_FALSE(Kb::open_file("missing.rfb", error));
  CHECK(error == "cannot read missing.rfb: No such file or directory");
  const std::uint8_t junk[] = {1, 2, 3};
  CHECK_FALSE(Kb::open_bytes(junk, sizeof junk, error));
  CHECK(error == "bad bytecode (bad magic)");
}

TEST_CASE("C API: an integer fact refuses a non-integer number") {
  Image image = test::sample_image();
  ImageFact gcs;
  gcs.name = "gcs";
  gcs.type = FactType::Integer;
  gcs.min = 3;
  gcs.max = 15;
  image.facts.push_back(gcs);
  const std::vector<std::uint8_t> bytes = write_image(image);
  char error[64] = "untouched";
  rf_kb* kb = nullptr;
  REQUIRE(rf_kb_open_bytes(bytes.data(), bytes.size(), &kb, error, sizeof error) == RF_OK);
  rf_case* kase = nullptr;
  REQUIRE(rf_case_new(kb, &kase) == RF_OK);
  rf_kb_free(kb);
  CHECK(rf_case_set_number(kase, "gcs", 14.5) == RF_ERROR_VALUE);
  CHECK(std::string(rf_case_error(kase)) == "`gcs` expects an integer, got 14.5");
  CHECK(rf_case_set_number(kase, "gcs", 2) == RF_ERROR_VALUE);
  CHECK(std::string(rf_case_error(kase)) == "`gcs` expects an integer from 3 to 15, got 2");
  CHECK(rf_case_set_bool(kase, "gcs", 1) == RF_ERROR_TYPE);
  CHECK(std::string(rf_case_error(kase)) == "`gcs` expects an integer, got true");
  CHECK(rf_case_set_number(kase, "gcs", 14.0) == RF_OK);
  CHECK(rf_case_set_number(kase, "gcs", 14) == RF_OK);
  rf_case_free(kase);
}

TEST_CASE("C API: load, set, evaluate, read results") {
  const std::vector<std::uint8_t> bytes = write_image(test::sample_image());
  char error[64] = "untouched";
  rf_kb* kb = nullptr;
  REQUIRE(rf_kb_open_bytes(bytes.data(), bytes.size(), &kb, error, sizeof error) == RF_OK);
  CHECK(std::string(rf_kb_hash(kb)).size() == 64);
  rf_case* kase = nullptr;
  REQUIRE(rf_case_new(kb, &kase) == RF_OK);
  rf_kb_free(kb);  // the case keeps the KB alive
  CHECK(rf_case_set_bool(kase, "fever", 1) == RF_OK);
  CHECK(rf_case_set_quantity(kase, "weight_loss", 5, "kg") == RF_OK);
  CHECK(rf_case_set_enum(kase, "cancer_type", "lung") == RF_OK);
  CHECK(rf_case_set_number(kase, "age", 200) == RF_ERROR_VALUE);
  CHECK(std::string(rf_case_error(kase)) == "`age` expects a number from 0 to 130, got 200");
  CHECK(rf_case_set_quantity(kase, "weight_loss", -20, "lb") == RF_ERROR_VALUE);
  CHECK(std::string(rf_case_error(kase)) == "`weight_loss` is a mass and cannot be negative, got -20 lb");
  CHECK(rf_case_set_quantity(kase, "weight_loss", 5, "kg") == RF_OK);
  CHECK(rf_case_set_text(kase, "notes", "x") == RF_OK);
  CHECK(std::string(rf_case_error(kase)) == "");
  REQUIRE(rf_case_evaluate(kase) == RF_OK);
  CHECK(std::string(rf_case_urgency(kase)) == "consult");
  CHECK(rf_case_complete(kase) == 0);
  REQUIRE(rf_case_fired_count(kase) == 1);
  CHECK(std::string(rf_case_fired_name(kase, 0)) == "cancer_history");
  CHECK(std::string(rf_case_fired_level(kase, 0)) == "consult");
  REQUIRE(rf_case_fired_evidence_count(kase, 0) == 1);
  CHECK(std::string(rf_case_fired_evidence_fact(kase, 0, 0)) == "cancer_type");
  CHECK(rf_case_fired_name(kase, 1) == nullptr);
  REQUIRE(rf_case_undetermined_count(kase) == 1);
  CHECK(std::string(rf_case_undetermined_name(kase, 0)) == "weight_loss_flag");
  REQUIRE(rf_case_undetermined_needs_count(kase, 0) == 1);
  CHECK(std::string(rf_case_undetermined_needs_fact(kase, 0, 0)) == "age");
  CHECK(rf_case_undetermined_needs_fact(kase, 0, 1) == nullptr);
  CHECK(rf_case_clear(kase) == RF_OK);
  CHECK(rf_case_set_unknown(kase, "fever") == RF_OK);
  REQUIRE(rf_case_evaluate(kase) == RF_OK);
  CHECK(rf_case_fired_count(kase) == 0);
  rf_case_free(kase);
}

TEST_CASE("C API: a quantity fact of any UCUM unit") {
  Image image = test::sample_image();
  image.facts[2].dimension = Dimension::Quantity;  // the sample's weight_loss, now in mg/dL
  image.facts[2].unit = "mg/dL";
  const std::vector<std::uint8_t> bytes = write_image(image);
  char error[64] = "";
  rf_kb* kb = nullptr;
  REQUIRE(rf_kb_open_bytes(bytes.data(), bytes.size(), &kb, error, sizeof error) == RF_OK);
  rf_case* kase = nullptr;
  REQUIRE(rf_case_new(kb, &kase) == RF_OK);
  rf_kb_free(kb);
  CHECK(rf_case_set_quantity(kase, "weight_loss", 0.1, "g/L") == RF_OK);
  CHECK(rf_case_set_quantity(kase, "weight_loss", 5.5, "mmol/L") == RF_ERROR_VALUE);
  CHECK(std::string(rf_case_error(kase)) ==
        "`weight_loss` is in `mg/dL`; cannot convert `mmol/L` to `mg/dL`: one is an amount of substance, the other a "
        "mass (m-3 against m-3.g); a molar mass would be needed");
  CHECK(rf_case_set_quantity(kase, "weight_loss", 1, "mg/dLz") == RF_ERROR_VALUE);
  CHECK(std::string(rf_case_error(kase)).rfind("unknown unit `mg/dLz`", 0) == 0);
  CHECK(rf_case_set_bool(kase, "fever", 0) == RF_OK);
  REQUIRE(rf_case_evaluate(kase) == RF_OK);
  // systemic is `fever or weight_loss >= 10` (mg/dL), true as 0.1 g/L is exactly 10, so the
  // flag waits only for age.
  REQUIRE(rf_case_undetermined_count(kase) == 2);
  CHECK(std::string(rf_case_undetermined_name(kase, 0)) == "weight_loss_flag");
  REQUIRE(rf_case_undetermined_needs_count(kase, 0) == 1);
  CHECK(std::string(rf_case_undetermined_needs_fact(kase, 0, 0)) == "age");
  rf_case_free(kase);
}

TEST_CASE("C API: load errors go to the caller's buffer, truncated") {
  char error[20];
  rf_kb* kb = nullptr;
  CHECK(rf_kb_open_file("missing.rfb", &kb, error, sizeof error) == RF_ERROR_IO);
  CHECK(kb == nullptr);
  CHECK(std::string(error) == "cannot read missing");
  const std::uint8_t junk[] = {0x89, 'R'};
  CHECK(rf_kb_open_bytes(junk, sizeof junk, &kb, nullptr, 0) == RF_ERROR_BYTECODE);
  CHECK(kb == nullptr);
}

}  // namespace
}  // namespace redflag
