// Quantities of any UCUM unit in case files: vital signs and laboratory values through the
// JSON case reader, with aliases, conversions, the molar-mass refusal and suggestions.
#include <catch2/catch.hpp>

#include <string>

#include "runtime/cases/case_reader.hpp"

namespace redflag {
namespace {

enum VitalFact : std::uint32_t { kSbp, kRespRate, kSpo2, kGlucose, kTemperature, kWeight };

std::vector<ImageFact> vital_facts() {
  const auto quantity = [](const char* name, Dimension dimension, const char* unit) {
    ImageFact fact;
    fact.name = name;
    fact.type = FactType::Quantity;
    fact.dimension = dimension;
    fact.unit = unit;
    return fact;
  };
  return {quantity("sbp", Dimension::Quantity, "mm[Hg]"),     quantity("resp_rate", Dimension::Quantity, "/min"),
          quantity("spo2", Dimension::Quantity, "%"),          quantity("glucose", Dimension::Quantity, "mg/dL"),
          quantity("temperature", Dimension::Temperature, "Cel"), quantity("weight", Dimension::Mass, "kg")};
}

struct Outcome {
  bool ok = false;
  std::vector<FactValue> facts;
  CaseError error;
};

Outcome read(CaseReader& reader, std::string_view json) {
  Outcome outcome;
  std::string id;
  outcome.ok = reader.read(json, outcome.facts, id, outcome.error);
  return outcome;
}

TEST_CASE("case units: vital signs and laboratory values in UCUM codes and aliases") {
  CaseReader reader(vital_facts());
  const Outcome outcome = read(reader, R"({"sbp": "120 mmHg", "resp_rate": "22 /min", "spo2": "92 %",
      "glucose": "1 g/L", "temperature": "101 [degF]", "weight": "10 lb"})");
  INFO(outcome.error.message);
  REQUIRE(outcome.ok);
  CHECK(outcome.facts[kSbp].value == 120);
  CHECK(outcome.facts[kRespRate].value == 22);
  CHECK(outcome.facts[kSpo2].value == 92);
  CHECK(outcome.facts[kGlucose].value == 100);
  CHECK(outcome.facts[kTemperature].value == Approx(38.3333333333).epsilon(1e-12));
  CHECK(outcome.facts[kWeight].value == 4.5359237);

  const Outcome other = read(reader, R"({"sbp": {"value": 16, "unit": "kPa"}, "resp_rate": "0.5 /s",
      "spo2": "0.92 1", "temperature": "38.5 °C"})");
  INFO(other.error.message);
  REQUIRE(other.ok);
  CHECK(other.facts[kSbp].value == Approx(120.0102).epsilon(1e-6));
  CHECK(other.facts[kRespRate].value == 30);
  CHECK(other.facts[kSpo2].value == 92);
  CHECK(other.facts[kTemperature].value == 38.5);
}

TEST_CASE("case units: mmol/L into a mg/dL fact needs a molar mass") {
  CaseReader reader(vital_facts());
  const Outcome outcome = read(reader, R"({"glucose": "5.5 mmol/L"})");
  CHECK_FALSE(outcome.ok);
  CHECK(outcome.error.field == "glucose");
  CHECK(outcome.error.message ==
        "`glucose` is in `mg/dL`; cannot convert `mmol/L` to `mg/dL`: one is an amount of substance, the other a mass "
        "(m-3 against m-3.g); a molar mass would be needed");
}

TEST_CASE("case units: a unit of another dimension names both units") {
  CaseReader reader(vital_facts());
  const Outcome outcome = read(reader, R"({"sbp": "22 /min"})");
  CHECK_FALSE(outcome.ok);
  CHECK(outcome.error.field == "sbp");
  CHECK(outcome.error.message ==
        "`sbp` is in `mm[Hg]`; cannot convert `/min` to `mm[Hg]`: different dimensions (s-1 against m-1.s-2.g)");
  // Two named dimensions keep the older wording.
  CHECK(read(reader, R"({"weight": "12 s"})").error.message == "`weight` is a mass; `12 s` is a time");
}

TEST_CASE("case units: suggestions are the clinically likely units") {
  CaseReader reader(vital_facts());
  CHECK(read(reader, R"({"temperature": "101 F"})").error.message ==
        "`temperature` is in `Cel`; cannot convert `F` to `Cel`: different dimensions (m-2.s2.g-1.C2 against K); did you "
        "mean `[degF]`?");
  CHECK(read(reader, R"({"temperature": "38 C"})").error.message.find("did you mean `Cel`?") != std::string::npos);
  CHECK(read(reader, R"({"weight": "10 LB"})").error.message == "unknown unit `LB`; did you mean `[lb_av]`?");
  CHECK(read(reader, R"({"sbp": "120 mmhg"})").error.message == "unknown unit `mmhg`; did you mean `mm[Hg]`?");
}

TEST_CASE("case units: the wrong type names what a quantity fact expects") {
  CaseReader reader(vital_facts());
  CHECK(read(reader, R"({"sbp": true})").error.message == "`sbp` expects a quantity such as \"12 mm[Hg]\", got true");
}

}  // namespace
}  // namespace redflag
