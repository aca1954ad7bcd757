// The JSON case reader (runtime/cases/case_reader.hpp): every value form, every error with its exact
// message and field, hostile JSON, and reuse without allocation.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "runtime/cases/case_reader.hpp"
#include "tests/runtime/case_facts.hpp"

namespace redflag {
namespace {

using test::CaseFact;

struct Outcome {
  bool ok = false;
  std::vector<FactValue> facts;
  std::string id;
  CaseError error;
};

Outcome read(std::string_view json) {
  CaseReader reader(test::case_facts());
  Outcome outcome;
  outcome.ok = reader.read(json, outcome.facts, outcome.id, outcome.error);
  CHECK(outcome.facts.size() == test::case_facts().size());
  return outcome;
}

// The value [json] gives [fact]; the read must succeed and the fact be known.
double value_of(std::string_view json, CaseFact fact) {
  const Outcome outcome = read(json);
  INFO(json << " -> " << outcome.error.message);
  REQUIRE(outcome.ok);
  REQUIRE(outcome.facts[fact].known);
  return outcome.facts[fact].value;
}

// The message [json] is refused with; [field] must be the key named.
std::string error_of(std::string_view json, std::string_view field) {
  const Outcome outcome = read(json);
  UNSCOPED_INFO(json << " -> " << outcome.error.message);
  CHECK_FALSE(outcome.ok);
  CHECK(outcome.error.field == field);
  return outcome.error.message;
}

// Whether [json] is refused as invalid JSON (about no field).
bool invalid_json(std::string_view json) { return error_of(json, "").rfind("invalid JSON", 0) == 0; }

TEST_CASE("case reader: one value of every type") {
  const Outcome outcome = read(
      R"({"id": "p1", "fever": true, "age": 61, "weight_loss": "12 lb", "cancer_type": "lung",
          "notes": "seen in clinic", "score": 2.5})");
  REQUIRE(outcome.ok);
  CHECK(outcome.id == "p1");
  CHECK(outcome.facts[test::kFever].known);
  CHECK(outcome.facts[test::kFever].value == 1);
  CHECK(outcome.facts[test::kAge].value == 61);
  CHECK(outcome.facts[test::kWeightLoss].value == 12);
  CHECK(outcome.facts[test::kCancerType].value == 1);
  CHECK(outcome.facts[test::kNotes].known);
  CHECK(outcome.facts[test::kScore].value == 2.5);
  CHECK_FALSE(outcome.facts[test::kPainDuration].known);  // absent: unknown
  CHECK(value_of(R"({"fever": false})", test::kFever) == 0);
  CHECK(value_of(R"({"cancer_type": "breast"})", test::kCancerType) == 0);
  CHECK(value_of(R"({"fe\u0076er": true})", test::kFever) == 1);  // keys are unescaped
  CHECK(value_of(R"({"notes": ""})", test::kNotes) == 0);
  CHECK(read("{}").ok);
  CHECK(read(" \t\r\n{ } \n").ok);
}

TEST_CASE("case reader: null and absent facts are unknown, and every read starts afresh") {
  CaseReader reader(test::case_facts());
  std::vector<FactValue> facts;
  std::string id;
  CaseError error;
  REQUIRE(reader.read(R"({"id": "a", "fever": true, "age": 40})", facts, id, error));
  CHECK(facts[test::kFever].known);
  REQUIRE(reader.read(R"({"fever": null, "weight_loss": null, "cancer_type": null, "notes": null})", facts, id, error));
  CHECK(id == "");
  for (const FactValue& fact : facts) CHECK_FALSE(fact.known);
  // The same fact in consecutive cases is no duplicate.
  REQUIRE(reader.read(R"({"fever": true})", facts, id, error));
  REQUIRE(reader.read(R"({"fever": false})", facts, id, error));
  CHECK(facts[test::kFever].known);
}

TEST_CASE("case reader: a key is read right whatever the keys of the previous case were") {
  // The reader guesses each key from the key that followed the previous key last time
  // (runtime/cases/key_order.hpp); most cases here follow one that sets up a wrong guess.
  CaseReader reader(test::case_facts());
  std::vector<FactValue> facts;
  std::string id;
  CaseError error;
  const auto known = [&](std::string_view json) {
    INFO(json << " -> " << error.message);
    REQUIRE(reader.read(json, facts, id, error));
  };
  const auto refused = [&](std::string_view json) {
    CHECK_FALSE(reader.read(json, facts, id, error));
    return error.message + " [" + error.field + "]";
  };
  known(R"({"id": "a", "fever": true, "age": 40})");
  known(R"({"id": "b", "fever": false, "age": 41})");  // every guess right
  CHECK((id == "b" && facts[test::kFever].value == 0 && facts[test::kAge].value == 41));
  known(R"({"id": "b2", "age": 40})");  // a fact left out: one wrong guess
  CHECK((id == "b2" && !facts[test::kFever].known && facts[test::kAge].value == 40));
  known(R"({"id": "b3", "fever": true, "age": 39})");
  CHECK((facts[test::kFever].value == 1 && facts[test::kAge].value == 39));
  known(R"({"age": 42, "id": "c", "fever": true})");  // every guess wrong
  CHECK((id == "c" && facts[test::kFever].value == 1 && facts[test::kAge].value == 42));
  known(R"({"a\u0067e": 43})");  // the guessed name, escaped
  CHECK(facts[test::kAge].value == 43);
  CHECK(refused(R"({"ag": 1})") == "unknown fact `ag`; did you mean `age`? [ag]");  // a prefix of the guess
  known(R"({"age": 44})");
  CHECK(refused(R"({"ages": 1})") == "unknown fact `ages`; did you mean `age`? [ages]");  // the guess, and more
  known(R"({"weight_loss": "1 kg", "fever": true})");
  CHECK(refused(R"({"weight_lost": "1 kg"})") ==  // differs from the guess in its last word only
        "unknown fact `weight_lost`; did you mean `weight_loss`? [weight_lost]");
  known(R"({"weight_loss": "1 kg", "fever": true})");
  CHECK(refused(R"({"weight_loss": "1 kg", "weight_loss": "2 kg"})") == "duplicate key `weight_loss` [weight_loss]");
  CHECK(refused(R"({"fever": true, "fever": true})") == "duplicate key `fever` [fever]");
  CHECK(refused(R"({"id": "d", "id": "e"})") == "duplicate key `id` [id]");
  known(R"({"weight_loss": "2 kg", "fever": false})");
  CHECK((facts[test::kWeightLoss].known && !facts[test::kAge].known && facts[test::kFever].value == 0));
}

TEST_CASE("case reader: quantities in every form are converted to the canonical unit") {
  CHECK(value_of(R"({"weight_loss": "4.5359237 kg"})", test::kWeightLoss) == 10);
  CHECK(value_of(R"({"weight_loss": "12    lbs"})", test::kWeightLoss) == 12);
  CHECK(value_of(R"({"weight_loss": "12 [lb_av]"})", test::kWeightLoss) == 12);
  CHECK(value_of(R"({"weight_loss": "32 oz"})", test::kWeightLoss) == 2);
  CHECK(value_of(R"({"weight_loss": "453.59237 g"})", test::kWeightLoss) == 1);
  CHECK(value_of(R"({"weight_loss": 7.5})", test::kWeightLoss) == 7.5);  // bare number: canonical unit
  CHECK(value_of(R"({"weight_loss": {"value": 12, "unit": "[lb_av]"}})", test::kWeightLoss) == 12);
  CHECK(value_of(R"({"weight_loss": {"unit": "kg", "value": 4.5359237}})", test::kWeightLoss) == 10);
  CHECK(value_of(R"({"pain_duration": "6 weeks"})", test::kPainDuration) == 42);
  CHECK(value_of(R"({"pain_duration": "36 h"})", test::kPainDuration) == 1.5);
  CHECK(value_of(R"({"pain_duration": {"value": 3, "unit": "mo"}})", test::kPainDuration) == 91.3125);
  CHECK(value_of(R"({"pain_duration": "1 a"})", test::kPainDuration) == 365.25);
  CHECK(value_of(R"({"temperature": "100.4 [degF]"})", test::kTemperature) == 38);
  CHECK(value_of(R"({"temperature": "98.6 degF"})", test::kTemperature) == 37);
  CHECK(value_of(R"({"temperature": "310.15 K"})", test::kTemperature) == 37);
  CHECK(value_of(R"({"temperature": "37.5 Cel"})", test::kTemperature) == 37.5);
  CHECK(value_of(R"({"height": "6 ft"})", test::kHeight) == 182.88);
  CHECK(value_of(R"({"height": "1.7 m"})", test::kHeight) == 170);
  CHECK(value_of(R"({"height": "10 [in_i]"})", test::kHeight) == 25.4);
  CHECK(value_of(R"({"height": "1e-2 m"})", test::kHeight) == 1);  // no range: any finite length >= 0
}

TEST_CASE("case reader: the id is echoed as written") {
  CHECK(read(R"({"id": "p-17"})").id == "p-17");
  CHECK(read(R"({"id": "a\"b\u00e9"})").id == "a\"b\xC3\xA9");
  CHECK(read(R"({"id": 12.50 })").id == "12.50");
  CHECK(read(R"({"id": -0})").id == "-0");
  CHECK(read(R"({"id": 1e999})").id == "1e999");
  CHECK(read(R"({"fever": true})").id == "");
  CHECK(error_of(R"({"id": true})", "id") == "`id` expects a string or a number, got true");
  CHECK(error_of(R"({"id": null})", "id") == "`id` expects a string or a number, got null");
  CHECK(error_of(R"({"id": [1]})", "id") == "`id` expects a string or a number, got an array");
  CHECK(error_of(R"({"id": {}})", "id") == "`id` expects a string or a number, got an object");
  CHECK(error_of(R"({"id": "a", "id": "b"})", "id") == "duplicate key `id`");
  // An id read before the problem is still echoed; one after it is not reached.
  const Outcome before = read(R"({"id": "p2", "fevre": true})");
  CHECK_FALSE(before.ok);
  CHECK(before.id == "p2");
  CHECK(read(R"({"fevre": true, "id": "p3"})").id == "");
}

TEST_CASE("case reader: unknown facts, with a suggestion when one is close") {
  CHECK(error_of(R"({"weight_los": "12 lb"})", "weight_los") ==
        "unknown fact `weight_los`; did you mean `weight_loss`?");
  CHECK(error_of(R"({"fevre": true})", "fevre") == "unknown fact `fevre`; did you mean `fever`?");
  CHECK(error_of(R"({"xyzzy": 1})", "xyzzy") == "unknown fact `xyzzy`");
  CHECK(error_of(R"({"": 1})", "") == "unknown fact ``");
  // A huge key is cut in the message, kept whole in the field.
  const std::string key(1 << 20, 'k');
  const Outcome outcome = read("{\"" + key + "\": 1}");
  CHECK(outcome.error.field == key);
  CHECK(outcome.error.message == "unknown fact `" + std::string(64, 'k') + "...`");
}

TEST_CASE("case reader: wrong types name the field and what it expects") {
  CHECK(error_of(R"({"weight_loss": true})", "weight_loss") == "`weight_loss` expects a mass such as \"12 lb\", got true");
  CHECK(error_of(R"({"fever": "yes"})", "fever") == "`fever` expects true or false, got \"yes\"");
  CHECK(error_of(R"({"fever": 1})", "fever") == "`fever` expects true or false, got 1");
  CHECK(error_of(R"({"age": "12"})", "age") == "`age` expects a number, got \"12\"");  // numbers as strings
  CHECK(error_of(R"({"age": [12]})", "age") == "`age` expects a number, got an array");
  CHECK(error_of(R"({"age": {"value": 12}})", "age") == "`age` expects a number, got an object");
  CHECK(error_of(R"({"notes": 12})", "notes") == "`notes` expects a string, got 12");
  CHECK(error_of(R"({"pain_duration": false})", "pain_duration") ==
        "`pain_duration` expects a time such as \"6 weeks\", got false");
  CHECK(error_of(R"({"height": []})", "height") == "`height` expects a length such as \"170 cm\", got an array");
  CHECK(error_of(R"({"temperature": true})", "temperature") ==
        "`temperature` expects a temperature such as \"38.5 Cel\", got true");
  CHECK(error_of(R"({"cancer_type": 3})", "cancer_type") ==
        "`cancer_type` expects one of \"breast\", \"lung\" or \"prostate\", got 3");
  CHECK(error_of(R"({"cancer_type": "skin"})", "cancer_type") ==
        "`cancer_type` expects one of \"breast\", \"lung\" or \"prostate\", got \"skin\"");
  CHECK(error_of(R"({"colour": "teal"})", "colour") ==
        "`colour` expects one of \"red\", \"orange\", \"yellow\", \"green\", \"blue\", \"indigo\", \"violet\", "
        "\"black\", \"white\", \"grey\", ... (12 values), got \"teal\"");
  const std::string long_text(100, 'x');
  CHECK(error_of("{\"fever\": \"" + long_text + "\"}", "fever") ==
        "`fever` expects true or false, got \"" + std::string(64, 'x') + "...\"");
}

TEST_CASE("case reader: malformed quantity strings and objects") {
  for (const char* text : {"12lb", "12", "lb", " 12 lb", "12 ", "+12 lb", "1.5.2 lb", "NaN lb", "inf kg", ".5 lb",
                           "012 lb", "1e lb"}) {
    INFO(text);
    CHECK(error_of(std::string(R"({"weight_loss": ")") + text + "\"}", "weight_loss") ==
          std::string("`weight_loss` expects a mass such as \"12 lb\", got \"") + text + "\"");
  }
  const std::string shape =
      "`weight_loss` expects a quantity object with exactly the keys `value` (a number) and `unit` (a string)";
  for (const char* object : {R"({})", R"({"value": 12})", R"({"unit": "kg"})", R"({"value": "12", "unit": "kg"})",
                             R"({"value": 12, "unit": 1})", R"({"value": null, "unit": "kg"})",
                             R"({"value": 12, "unit": "kg", "note": 1})", R"({"value": 1, "value": 2, "unit": "kg"})",
                             R"({"value": 12, "units": "kg"})"}) {
    INFO(object);
    CHECK(error_of(std::string(R"({"weight_loss": )") + object + "}", "weight_loss") == shape);
  }
}

TEST_CASE("case reader: units that are unknown or of another dimension") {
  CHECK(error_of(R"({"weight_loss": "12 lbz"})", "weight_loss") == "unknown unit `lbz`; did you mean `lb` or `lbs`?");
  CHECK(error_of(R"({"weight_loss": {"value": 1, "unit": "kgz"}})", "weight_loss") ==
        "unknown unit `kgz`; did you mean `kg` or `kgs`?");
  CHECK(error_of(R"({"weight_loss": "12 furlongs"})", "weight_loss") == "unknown unit `furlongs`");
  // Nothing of the fact's dimension is close: the nearest of any dimension is suggested.
  CHECK(error_of(R"({"weight_loss": "12 hourz"})", "weight_loss") == "unknown unit `hourz`; did you mean `hour` or `hours`?");
  CHECK(error_of(R"({"pain_duration": "12 kg"})", "pain_duration") == "`pain_duration` is a time; `12 kg` is a mass");
  CHECK(error_of(R"({"weight_loss": {"value": 2, "unit": "wk"}})", "weight_loss") ==
        "`weight_loss` is a mass; `2 wk` is a time");
  CHECK(error_of(R"({"height": "37 Cel"})", "height") == "`height` is a length; `37 Cel` is a temperature");
}

TEST_CASE("case reader: an integer fact takes whole numbers only") {
  ImageFact gcs;
  gcs.name = "gcs";
  gcs.type = FactType::Integer;
  gcs.min = 3;
  gcs.max = 15;
  CaseReader reader(std::vector<ImageFact>{gcs});
  const auto read_gcs = [&](std::string_view json, CaseError& error) {
    std::vector<FactValue> facts;
    std::string id;
    const bool ok = reader.read(json, facts, id, error);
    return ok && facts[0].known ? facts[0].value : -1.0;
  };
  CaseError error;
  CHECK(read_gcs(R"({"gcs": 14})", error) == 14);
  CHECK(read_gcs(R"({"gcs": 14.0})", error) == 14);
  CHECK(read_gcs(R"({"gcs": 1.5e1})", error) == 15);
  CHECK(read_gcs(R"({"gcs": 14.5})", error) == -1);
  CHECK(error.message == "`gcs` expects an integer, got 14.5");
  CHECK(error.field == "gcs");
  CHECK(read_gcs(R"({"gcs": 16})", error) == -1);
  CHECK(error.message == "`gcs` expects an integer from 3 to 15, got 16");
  CHECK(read_gcs(R"({"gcs": "14"})", error) == -1);
  CHECK(error.message == "`gcs` expects an integer, got \"14\"");
}

TEST_CASE("case reader: values outside the fact's range") {
  CHECK(error_of(R"({"age": 131})", "age") == "`age` expects a number from 0 to 130, got 131");
  CHECK(error_of(R"({"age": -1})", "age") == "`age` expects a number from 0 to 130, got -1");
  CHECK(value_of(R"({"age": 130})", test::kAge) == 130);  // bounds are inclusive
  CHECK(error_of(R"({"score": 11})", "score") == "`score` expects a number of at most 10, got 11");
  CHECK(value_of(R"({"score": -1e300})", test::kScore) == -1e300);
  CHECK(error_of(R"({"weight_loss": "400 lb"})", "weight_loss") ==
        "`weight_loss` expects a mass from 0 to 300 [lb_av], got 400 lb");
  CHECK(error_of(R"({"weight_loss": "200 kg"})", "weight_loss") ==
        "`weight_loss` expects a mass from 0 to 300 [lb_av], got 200 kg");
  CHECK(error_of(R"({"weight_loss": 301})", "weight_loss") == "`weight_loss` expects a mass from 0 to 300 [lb_av], got 301");
  CHECK(error_of(R"({"pain_duration": "-1 wk"})", "pain_duration") ==
        "`pain_duration` expects a time of at least 0 d, got -1 wk");
  CHECK(error_of(R"({"temperature": "0 K"})", "temperature") ==
        "`temperature` expects a temperature from 30 to 45 Cel, got 0 K");
}

TEST_CASE("case reader: physically impossible values of a fact with no lower bound") {
  CHECK(error_of(R"({"birth_weight": "-20 lb"})", "birth_weight") ==
        "`birth_weight` is a mass and cannot be negative, got -20 lb");
  CHECK(error_of(R"({"birth_weight": -0.5})", "birth_weight") ==
        "`birth_weight` is a mass and cannot be negative, got -0.5");
  CHECK(error_of(R"({"birth_weight": {"value": -1, "unit": "g"}})", "birth_weight") ==
        "`birth_weight` is a mass and cannot be negative, got -1 g");
  CHECK(error_of(R"({"height": "-3 in"})", "height") == "`height` is a length and cannot be negative, got -3 in");
  CHECK(value_of(R"({"birth_weight": "0 kg"})", test::kBirthWeight) == 0);
  CHECK_FALSE(std::signbit(value_of(R"({"birth_weight": "-0 g"})", test::kBirthWeight)));
  CHECK(error_of(R"({"core_temperature": "-300 Cel"})", "core_temperature") ==
        "`core_temperature` is a temperature and cannot be below absolute zero (0 K), got -300 Cel");
  CHECK(error_of(R"({"core_temperature": -460})", "core_temperature") ==
        "`core_temperature` is a temperature and cannot be below absolute zero (0 K), got -460");
  CHECK(error_of(R"({"core_temperature": "-0.001 K"})", "core_temperature") ==
        "`core_temperature` is a temperature and cannot be below absolute zero (0 K), got -0.001 K");
  CHECK(error_of(R"({"core_temperature": "-273.16 Cel"})", "core_temperature") ==
        "`core_temperature` is a temperature and cannot be below absolute zero (0 K), got -273.16 Cel");
  // Absolute zero itself, in each unit, and temperatures below 0 on a scale that allows them.
  CHECK(value_of(R"({"core_temperature": "-273.15 Cel"})", test::kCoreTemperature) == -459.67);
  CHECK(value_of(R"({"core_temperature": "-459.67 degF"})", test::kCoreTemperature) == -459.67);
  CHECK(value_of(R"({"core_temperature": "0 K"})", test::kCoreTemperature) == -459.67);
  CHECK(value_of(R"({"core_temperature": "-40 Cel"})", test::kCoreTemperature) == -40);
  // A declared lower bound replaces the default, with its own message.
  CHECK(error_of(R"({"weight_loss": "-20 lb"})", "weight_loss") ==
        "`weight_loss` expects a mass from 0 to 300 [lb_av], got -20 lb");
}

TEST_CASE("case reader: numbers beyond a double, NaN, Infinity and -0") {
  // A range that excludes the number says so first; without one, the double's own limit is the reason.
  CHECK(error_of(R"({"age": 1e999})", "age") == "`age` expects a number from 0 to 130, got 1e999");
  CHECK(error_of(R"({"score": 1.7976931348623159e308})", "score") ==
        "`score` expects a number of at most 10, got 1.7976931348623159e308");
  CHECK(error_of(R"({"score": -1e999})", "score") ==
        "`score` expects a number no larger in magnitude than 1.7976931348623157e+308 (the largest double), got -1e999");
  CHECK(error_of(R"({"weight_loss": {"value": 1E400, "unit": "kg"}})", "weight_loss") ==
        "`weight_loss` expects a mass from 0 to 300 [lb_av], got 1E400 kg");
  CHECK(error_of(R"({"weight_loss": "1e999 lb"})", "weight_loss") ==
        "`weight_loss` expects a mass from 0 to 300 [lb_av], got 1e999 lb");
  CHECK(error_of(R"({"height": "1e999 m"})", "height") ==
        "`height` expects a length no larger in magnitude than 1.7976931348623157e+308 cm (the largest double), got 1e999 m");
  CHECK(error_of(R"({"height": -1e999})", "height") == "`height` is a length and cannot be negative, got -1e999");
  // A number that fits in its own unit but not once converted into the fact's.
  CHECK(error_of(R"({"height": "1e307 km"})", "height") ==
        "`height` expects a length no larger in magnitude than 1.7976931348623157e+308 cm (the largest double), got 1e307 km");
  CHECK(invalid_json(R"({"age": NaN})"));
  CHECK(invalid_json(R"({"age": Infinity})"));
  CHECK(invalid_json(R"({"age": -Infinity})"));
  const double zero = value_of(R"({"age": -0})", test::kAge);
  CHECK(zero == 0);
  CHECK_FALSE(std::signbit(zero));
  CHECK_FALSE(std::signbit(value_of(R"({"weight_loss": "-0 kg"})", test::kWeightLoss)));
  CHECK(value_of(R"({"score": 123456789012345678901234567890e-29})", test::kScore) == Approx(1.2345678901));
}

TEST_CASE("case reader: every RFC 8259 number is read as the nearest double") {
  // Integers past 2^64, which simdjson's validator calls a problem, are valid JSON.
  CHECK(value_of(R"({"height": 123456789012345678901234567890})", test::kHeight) == 123456789012345678901234567890.0);
  CHECK(value_of(R"({"height": 18446744073709551616})", test::kHeight) == 18446744073709551616.0);
  CHECK(value_of(R"({"score": -9223372036854775809})", test::kScore) == -9223372036854775809.0);
  CHECK(value_of(R"({"height": "123456789012345678901234567890 cm"})", test::kHeight) ==
        123456789012345678901234567890.0);
  CHECK(error_of(R"({"age": 123456789012345678901234567890})", "age") ==
        "`age` expects a number from 0 to 130, got 123456789012345678901234567890");
  CHECK(error_of(R"({"weight_loss": "123456789012345678901234567890 lb"})", "weight_loss") ==
        "`weight_loss` expects a mass from 0 to 300 [lb_av], got 123456789012345678901234567890 lb");
  // Exponents of any length.
  CHECK(value_of(R"({"age": 1e0000000000000000000000000001})", test::kAge) == 10);
  CHECK(value_of(R"({"age": 1E+0000000000000000000000000002})", test::kAge) == 100);
  CHECK(value_of(R"({"age": 5e-0000000000000000000000000001})", test::kAge) == 0.5);
  CHECK(value_of(R"({"age": 0e99999999999999999999})", test::kAge) == 0);
  CHECK(value_of(R"({"weight_loss": "1e0000000000000000000000000001 lb"})", test::kWeightLoss) == 10);
  // Below the smallest double: the nearest double, a subnormal or 0, as JSON parsers read it.
  CHECK(value_of(R"({"score": 1e-400})", test::kScore) == 0);
  CHECK(value_of(R"({"score": 4.9e-324})", test::kScore) == 4.9e-324);
  CHECK(value_of(R"({"score": 2.4e-324})", test::kScore) == 0);
  CHECK(value_of(R"({"weight_loss": "1e-400 lb"})", test::kWeightLoss) == 0);
  CHECK(value_of(R"({"weight_loss": {"value": 1e-400, "unit": "lb"}})", test::kWeightLoss) == 0);
  CHECK(value_of(R"({"score": 1e-00000000000000000000000000400})", test::kScore) == 0);
  CHECK(read(R"({"id": 123456789012345678901234567890})").id == "123456789012345678901234567890");
}

TEST_CASE("case reader: a refused number is shown with every digit it was written with") {
  CHECK(error_of(R"({"age": 130.0000000000001})", "age") ==
        "`age` expects a number from 0 to 130, got 130.0000000000001");
  CHECK(error_of(R"({"age": -0.00000000000000001})", "age") ==
        "`age` expects a number from 0 to 130, got -0.00000000000000001");
  CHECK(error_of(R"({"weight_loss": "300.00000000001 lb"})", "weight_loss") ==
        "`weight_loss` expects a mass from 0 to 300 [lb_av], got 300.00000000001 lb");
}

TEST_CASE("case reader: beside a number simdjson cannot convert, JSON faults and case errors are still told apart") {
  CHECK(error_of(R"({"height": 123456789012345678901234567890, "fevr": true})", "fevr") ==
        "unknown fact `fevr`; did you mean `fever`?");
  CHECK(error_of(R"({"height": 1e0000000000000000000000000001, "height": 2})", "height") == "duplicate key `height`");
  CHECK(invalid_json(R"({"height": 123456789012345678901234567890, "fever": 01})"));
  CHECK(invalid_json(R"({"age": 1e999, "fever": tru})"));
  CHECK(invalid_json(R"({"age": 1e999, "notes": "a\qb"})"));
  CHECK(invalid_json(R"({"age": 1e999,})"));
  CHECK(invalid_json(R"({"age": 1e999 1})"));
}

TEST_CASE("case reader: duplicate keys are errors naming the key") {
  CHECK(error_of(R"({"fever": true, "fever": false})", "fever") == "duplicate key `fever`");
  CHECK(error_of(R"({"age": 1, "fever": true, "age": null})", "age") == "duplicate key `age`");
  CHECK(error_of(R"({"fever": true, "fe\u0076er": true})", "fever") == "duplicate key `fever`");
}

TEST_CASE("case reader: a case must be an object") {
  CHECK(error_of("[]", "") == "a case must be a JSON object, got an array");
  CHECK(error_of(R"("fever")", "") == "a case must be a JSON object, got a string");
  CHECK(error_of("12", "") == "a case must be a JSON object, got a number");
  CHECK(error_of("true", "") == "a case must be a JSON object, got a boolean");
  CHECK(error_of("null", "") == "a case must be a JSON object, got null");
}

TEST_CASE("case reader: invalid JSON says so, with simdjson's reason and the byte offset") {
  CHECK(error_of("", "") == "invalid JSON: empty: no JSON found");
  CHECK(error_of(R"({"fever": true)", "") ==
        "invalid JSON: the JSON document has an improper structure: missing or superfluous commas, braces, missing "
        "keys, etc");
  CHECK(error_of(R"({"fever": tru})", "") == "invalid JSON at byte 10: problem while parsing an atom starting with the letter 't'");
  CHECK(invalid_json(R"({"age": 1} x)"));
  CHECK(error_of("{\"notes\": \"\xFF\"}", "") == "invalid JSON: the input is not valid UTF-8");
  for (const char* json : {"   ", R"({"fever": true,})", R"({"fever" true})", R"({"fever": true}})", R"({"age": 01})",
                           R"({"age": -})", R"({"age": 1.})", R"({"age": .5})", R"({"age": +1})", R"({"notes": "a\qb"})",
                           "{\"notes\": \"a\x01\"}", R"({"notes": "\ud800"})", R"({"fever": true "age": 1})",
                           R"({fever: true})", R"({'fever': true})", R"({"fever": True})", R"({"id": 1x})",
                           R"({"id": -})", R"({"fever": nul})", R"({"fever": null, "id" : "x)", R"({"weight_loss": {"value": 1,}})",
                           R"({"xyz": [1,]})", R"({"xyz": tru})", R"({"fever": "yes", "x": })", R"({"age": 1}{})",
                           R"([1 2])"}) {
    CHECK(invalid_json(json));
  }
  CHECK(invalid_json(std::string_view("{\"age\": 1}\0", 11)));  // a NUL after the object
}

TEST_CASE("case reader: deep nesting is refused by name, not by a crash") {
  const std::string deep = std::string(10000, '[') + std::string(10000, ']');
  for (const std::string& json : {deep, "{\"age\": " + deep + "}", "{\"xyz\": " + deep + "}", "{\"id\": " + deep + "}"}) {
    CHECK(error_of(json, "") == "JSON nested more than 1024 levels deep");
  }
  const std::string shallow = std::string(1000, '[') + std::string(1000, ']');
  CHECK(error_of("{\"age\": " + shallow + "}", "age") == "`age` expects a number, got an array");
}

TEST_CASE("case reader: a case read in place, with other bytes after it, reads as a copy does") {
  // In a batch the bytes after a case are the next cases; read_in_place must give exactly what
  // read gives, for every prefix of a line and whatever follows it.
  const std::string line =
      R"({"id": "p9", "fever": true, "age": 61, "weight_loss": {"value": 12, "unit": "lb"}, "score": 2.5, "cancer_type": "lung"})";
  const std::string after[] = {std::string(CaseReader::kPadding, '\0'), std::string(CaseReader::kPadding, '9'),
                               "\n" + line + std::string(CaseReader::kPadding, ' ')};
  CaseReader copying(test::case_facts());
  CaseReader in_place(test::case_facts());
  Outcome copied;
  Outcome placed;
  for (const std::string& rest : after) {
    const std::string memory = line + rest;
    for (std::size_t size = 0; size <= line.size(); ++size) {
      INFO(line.substr(0, size) << " followed by " << rest.substr(0, 8));
      const std::string_view json = std::string_view(memory).substr(0, size);
      copied.ok = copying.read(json, copied.facts, copied.id, copied.error);
      placed.ok = in_place.read_in_place(json, placed.facts, placed.id, placed.error);
      REQUIRE(placed.ok == copied.ok);
      CHECK(placed.id == copied.id);
      if (!copied.ok) CHECK(placed.error.message == copied.error.message);
      for (std::size_t fact = 0; fact < copied.facts.size(); ++fact) {
        CHECK(placed.facts[fact].known == copied.facts[fact].known);
        CHECK(placed.facts[fact].value == copied.facts[fact].value);
      }
    }
  }
  CHECK(placed.ok);  // the whole line, last
}

TEST_CASE("case reader: truncated input at every byte is an error, never a crash") {
  const std::string json =
      R"({"id": "p9", "fever": true, "age": 61, "weight_loss": {"value": 12, "unit": "lb"}, "notes": "x\u00e9"})";
  REQUIRE(read(json).ok);
  CaseReader reader(test::case_facts());
  std::vector<FactValue> facts;
  std::string id;
  CaseError error;
  for (std::size_t size = 0; size < json.size(); ++size) {
    INFO(json.substr(0, size));
    CHECK_FALSE(reader.read(std::string_view(json).substr(0, size), facts, id, error));
    CHECK(error.message.rfind("invalid JSON", 0) == 0);
  }
}

}  // namespace
}  // namespace redflag
