// The UCUM engine on clinical units, on its refusals, and on the whole table.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "runtime/ucum/internal/atoms.hpp"
#include "runtime/ucum/ucum.hpp"

namespace {

using redflag::ucum::convert;
using redflag::ucum::parse;

double converted(double value, const char* from, const char* to) {
  const redflag::ucum::ConvertResult result = convert(value, from, to);
  INFO(value << " " << from << " -> " << to << ": " << result.error);
  REQUIRE(result.value.has_value());
  return *result.value;
}

std::string refusal(double value, const char* from, const char* to) {
  const redflag::ucum::ConvertResult result = convert(value, from, to);
  CHECK_FALSE(result.value.has_value());
  return result.error;
}

std::string parse_error(const char* code) {
  const redflag::ucum::ParseResult result = parse(code);
  CHECK_FALSE(result.unit.has_value());
  return result.error.text();
}

}  // namespace

TEST_CASE("clinical units convert to their expected values") {
  struct Row {
    double value;
    const char* from;
    const char* to;
    double expected;
  };
  const Row rows[] = {
      {120, "mm[Hg]", "kPa", 15.998640},      {1, "mm[Hg]", "Pa", 133.322},
      {72, "/min", "/s", 1.2},                {72, "/min", "/h", 4320},
      {45, "%", "1", 0.45},                   {5, "%", "[ppth]", 50},
      {100, "mg/dL", "g/L", 1},               {180, "mg/dL", "mg/L", 1800},
      {5.5, "mmol/L", "umol/L", 5500},        {48, "mmol/mol", "%", 4.8},
      {7, "[IU]/L", "m[IU]/mL", 7},           {4.5, "10*9/L", "/uL", 4500},
      {4.5, "10*9/L", "10*3/uL", 4.5},        {37, "Cel", "K", 310.15},
      {37, "Cel", "[degF]", 98.6},            {98.6, "[degF]", "Cel", 37},
      {0, "[degF]", "K", 255.372222222},      {10, "[lb_av]", "kg", 4.5359237},
      {70, "kg", "[lb_av]", 154.323583529},   {24.2, "kg/m2", "g/cm2", 2.42},
      {90, "mL/min/{1.73_m2}", "L/h/{1.73_m2}", 5.4}, {140, "meq/L", "mmol/L", 140},
      {2.5, "ug/L", "ng/mL", 2.5},            {30, "U/L", "ukat/L", 0.5},
      {12, "[in_i]", "cm", 30.48},            {180, "cm", "[ft_i]", 5.905511811},
      {3600, "s", "h", 1},                    {2, "wk", "d", 14},
      {6, "mo", "a", 0.5},                    {1, "a", "d", 365.25},
      {1.5, "h", "min", 90},                  {3, "[ppth]", "%", 0.3},
      {1, "L", "mL", 1000},                   {1, "mL", "cm3", 1},
      {500, "mg", "g", 0.5},                  {1, "[oz_av]", "g", 28.349523125},
      {1, "[degRe]", "Cel", 1.25},            {20, "dB", "B", 2},
      {7.4, "[pH]", "nmol/L", 39.810717055},  {1, "[pi].rad", "deg", 180},
  };
  for (const Row& row : rows) {
    INFO(row.value << " " << row.from << " -> " << row.to);
    CHECK(converted(row.value, row.from, row.to) == Approx(row.expected).epsilon(1e-9));
  }
}

TEST_CASE("a parsed unit has a magnitude and a dimension over the base units") {
  const auto unit = parse("mg/dL").unit;
  REQUIRE(unit);
  CHECK(unit->factor == Approx(10));
  CHECK(redflag::ucum::dimension_text(unit->dimension) == "m-3.g");
  CHECK(redflag::ucum::dimension_text(parse("N").unit->dimension) == "m.s-2.g");
  CHECK(redflag::ucum::dimension_text(parse("{beats}/min").unit->dimension) == "s-1");
  CHECK(parse("mmol/L").unit->mole_exponent == 1);
  CHECK(parse("{rbc}").unit->factor == 1);
  CHECK(redflag::ucum::table_version() == "2.2");
}

TEST_CASE("10*3, 10^3, signed exponents, parentheses and a leading slash") {
  CHECK(parse("10*3").unit->factor == Approx(1000));
  CHECK(parse("10^3").unit->factor == Approx(1000));
  CHECK(parse("10*-3").unit->factor == Approx(0.001));
  CHECK(parse("10*+3").unit->factor == Approx(1000));
  CHECK(parse("m-2").unit->dimension == parse("/m2").unit->dimension);
  CHECK(converted(1, "g/(kg.h)", "mg/kg/h") == Approx(1000));
  CHECK(converted(1, "/(8.h)", "/h") == Approx(0.125));
}

TEST_CASE("mmol/L and mg/dL are different dimensions, and converting needs a molar mass") {
  const std::string message = refusal(5.5, "mmol/L", "mg/dL");
  CHECK(message == "cannot convert `mmol/L` to `mg/dL`: one is an amount of substance, the other a mass "
                   "(m-3 against m-3.g); a molar mass would be needed");
  CHECK_THAT(refusal(1, "mg", "umol"), Catch::Contains("a molar mass would be needed"));
  CHECK_THAT(refusal(1, "mol/s", "kg/s"), Catch::Contains("a molar mass would be needed"));
  CHECK_THAT(refusal(1, "mmol/L", "mg"), !Catch::Contains("molar mass"));
  CHECK(refusal(1, "m", "s") == "cannot convert `m` to `s`: different dimensions (m against s)");
}

TEST_CASE("arbitrary units compare only with themselves") {
  CHECK(converted(1, "[IU]", "[iU]") == 1);
  CHECK(converted(1, "k[IU]/L", "[IU]/mL") == Approx(1));
  CHECK_THAT(refusal(1, "[IU]/L", "[arb'U]/L"), Catch::Contains("arbitrary units compare only with themselves"));
  CHECK_THAT(refusal(1, "[IU]", "1"), Catch::Contains("arbitrary units compare only with themselves"));
  CHECK(converted(2, "[IU]/[IU]", "1") == 2);
}

TEST_CASE("special units stand alone") {
  CHECK(parse_error("Cel.m") == "`Cel` is a special unit and cannot be multiplied or divided at 0");
  CHECK(parse_error("m/[degF]") == "`[degF]` is a special unit and cannot be multiplied or divided at 2");
  CHECK(parse_error("/Cel") == "`Cel` is a special unit and cannot be multiplied or divided at 1");
  CHECK(parse_error("Cel2") == "`Cel` is a special unit and cannot take an exponent at 3");
  CHECK(parse("dB[SPL]").unit.has_value());
  CHECK(converted(-40, "Cel", "[degF]") == Approx(-40));
  CHECK(converted(10, "%[slope]", "[p'diop]") == Approx(10));
  CHECK_THAT(refusal(-1, "mol/L", "[pH]"), Catch::Contains("has no equivalent in `[pH]`"));
}

TEST_CASE("refusals name what was seen and where") {
  CHECK(parse_error("kgz") == "unknown unit atom `kgz` at 0");
  CHECK(parse_error("") == "empty unit code; a number without unit is `1` at 0");
  CHECK(parse_error("m/") == "a unit is missing at the end at 2");
  CHECK(parse_error("g/12h") == "unexpected `h` after `12`; join the parts with `.` or `/` at 4");
  CHECK(parse_error("ug(8.h)") == "`(` after `ug`; join the parts with `.` or `/` at 2");
  CHECK(parse_error("k[in_i]") == "`[in_i]` is not metric, so it takes no prefix (`k[in_i]`) at 0");
  CHECK(parse_error("(m.s)2") == "an exponent cannot follow `)`; UCUM exponents apply to a unit symbol only at 5");
  CHECK(parse_error("m{a") == "unclosed `{` at 1");
  CHECK(parse_error("[in_i") == "unclosed `[` at 0");
  CHECK(parse_error("m)") == "unmatched `)` at 1");
  CHECK(parse_error("m2{\xC3\xA9}") == "unexpected byte 0xC3 in an annotation; annotations hold printable ASCII only at 3");
  CHECK(parse_error("KG") == "unknown unit atom `KG` at 0");  // codes are case-sensitive: `kg`
  CHECK(parse_error("m+") == "`+` must be followed by the exponent's digits at 1");
  CHECK(parse_error("m99999") == "exponent `99999` is out of range at 1");
  CHECK(parse_error("10*-400") == "the unit's magnitude or exponents are out of range at 0");
  CHECK(parse_error(std::string(40, '(').append("m").append(40, ')').c_str()) == "parentheses nested deeper than 32 at 32");
}

TEST_CASE("every atom of the table resolves, and takes every prefix when metric") {
  using redflag::ucum::table::kAtomCount;
  using redflag::ucum::table::kAtoms;
  for (std::size_t i = 0; i < kAtomCount; ++i) {
    INFO(kAtoms[i].code << ": " << redflag::ucum::internal::resolved_atom(i).error);
    CHECK(redflag::ucum::internal::resolved_atom(i).unit.has_value());
    CHECK(parse(kAtoms[i].code).unit.has_value());
    if (!kAtoms[i].metric) continue;
    for (std::size_t p = 0; p < redflag::ucum::table::kPrefixCount; ++p) {
      const std::string code = std::string(redflag::ucum::table::kPrefixes[p].code) + std::string(kAtoms[i].code);
      INFO(code);
      CHECK(parse(code).unit.has_value());
    }
  }
  CHECK(kAtomCount == 312);  // 7 base units and 305 defined units, UCUM 2.2
  CHECK(redflag::ucum::table::kPrefixCount == 24);
}
