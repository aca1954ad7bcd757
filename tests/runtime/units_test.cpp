// runtime/units.hpp on runtime/ucum: aliases, rounding, compatibility, messages, suggestions,
// and a quantity fact of any UCUM unit through the writer, loader and embedding API.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "runtime/bytecode_writer.hpp"
#include "runtime/loader.hpp"
#include "runtime/ucum/ucum.hpp"
#include "runtime/units.hpp"
#include "tests/runtime/test_images.hpp"

namespace redflag {
namespace {

Unit unit(std::string_view name) {
  auto found = find_unit(name);
  INFO(name);
  REQUIRE(found);
  return *found;
}

TEST_CASE("units: every alias stands for one UCUM code and is no UCUM code itself") {
  for (const std::string_view name : unit_names()) {
    INFO(name);
    const std::string_view code = resolve_alias(name);
    CHECK(ucum::parse(code).unit);
    // The one exception: UCUM reads `ft` as the femtotonne, which no clinician means.
    if (code != name && name != "ft") CHECK_FALSE(ucum::parse(name).unit);
  }
  CHECK(ucum::parse("ft").unit);
  CHECK(unit("mmHg").code == "mm[Hg]");
  CHECK(unit("bpm").code == "/min");
  CHECK(unit("\xC2\xB0" "C").code == "Cel");
  CHECK(unit("degF").code == "[degF]");
  CHECK(unit("lbs").code == "[lb_av]");
  CHECK(unit("weeks").code == "wk");
  CHECK(unit("days").code == "d");
  CHECK(unit("hr").code == "h");
  CHECK(unit("minutes").code == "min");
  CHECK(unit("months").code == "mo");
  CHECK(unit("yr").code == "a");
  CHECK(unit("inches").code == "[in_i]");
  CHECK(unit("ft").code == "[ft_i]");
  CHECK(unit("mg/dL").code == "mg/dL");  // a code is kept as written
}

TEST_CASE("units: the named dimensions") {
  CHECK(unit("[lb_av]").dimension == Dimension::Mass);
  CHECK(unit("wk").dimension == Dimension::Time);
  CHECK(unit("[in_i]").dimension == Dimension::Length);
  CHECK(unit("Cel").dimension == Dimension::Temperature);
  CHECK(unit("[degF]").dimension == Dimension::Temperature);
  CHECK(unit("mm[Hg]").dimension == Dimension::Quantity);
  CHECK(unit("/min").dimension == Dimension::Quantity);
  CHECK(unit("%").dimension == Dimension::Quantity);
  CHECK(unit("mmol/L").dimension == Dimension::Quantity);
  CHECK(unit("g.m").dimension == Dimension::Quantity);
  CHECK_FALSE(find_unit("kgz"));
  CHECK_FALSE(find_unit(""));
  CHECK_FALSE(find_unit("mg/(kg"));
}

TEST_CASE("units: conversions round to 12 significant digits") {
  CHECK(convert(4.5359237, unit("kg"), unit("[lb_av]")) == 10);
  CHECK(convert(100, unit("mg/dL"), unit("g/L")) == 1);
  CHECK(convert(1, unit("g/L"), unit("mg/dL")) == 100);
  CHECK(convert(5.5, unit("mg/dL"), unit("mg/dL")) == 5.5);
  CHECK(convert(101, unit("[degF]"), unit("Cel")) == Approx(38.3333333333).epsilon(1e-12));
  CHECK(convert(38, unit("Cel"), unit("K")) == 311.15);
  CHECK(convert(2, unit("wk"), unit("d")) == 14);
  CHECK(convert(1, unit("mo"), unit("d")) == 30.4375);
  CHECK(convert(16, unit("kPa"), unit("mm[Hg]")) == Approx(120.0102).epsilon(1e-6));
  CHECK(convert(6, unit("10*9/L"), unit("/uL")) == 6000);
  CHECK(std::isnan(convert(-1, unit("mol/L"), unit("[pH]"))));
}

// The 21-unit table redflag had before UCUM (value_in_base = value * factor + offset), so that
// every KB written for it converts exactly as before.
struct OldUnit {
  const char* code;
  int dimension;
  double factor;
  double offset;
};
constexpr double kPound = 0.45359237, kDay = 86400.0, kYear = 365.25 * kDay, kInch = 0.0254;
constexpr OldUnit kOldUnits[] = {
    {"kg", 1, 1.0, 0}, {"g", 1, 1e-3, 0}, {"mg", 1, 1e-6, 0}, {"[lb_av]", 1, kPound, 0}, {"[oz_av]", 1, kPound / 16, 0},
    {"s", 2, 1.0, 0}, {"min", 2, 60.0, 0}, {"h", 2, 3600.0, 0}, {"d", 2, kDay, 0}, {"wk", 2, 7 * kDay, 0},
    {"mo", 2, kYear / 12, 0}, {"a", 2, kYear, 0}, {"m", 3, 1.0, 0}, {"cm", 3, 1e-2, 0}, {"mm", 3, 1e-3, 0},
    {"km", 3, 1e3, 0}, {"[in_i]", 3, kInch, 0}, {"[ft_i]", 3, 12 * kInch, 0}, {"K", 4, 1.0, 0},
    {"Cel", 4, 1.0, 273.15}, {"[degF]", 4, 5.0 / 9, 273.15 - 32 * 5.0 / 9},
};

// Whether [value] lies halfway between two 12-digit numbers (98.6 [oz_av] is 2795262.980125 mg
// exactly): there binary noise in the last bit, which the old and new arithmetic round
// differently, decides, and either neighbour is as right.
bool halfway(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.13e", std::fabs(value));  // d.dddddddddddddde+XX
  return buffer[13] == '5' && buffer[14] == '0';
}

double round_12(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.11e", value);
  return std::strtod(buffer, nullptr);
}

TEST_CASE("units: the codes of the old table convert exactly as before") {
  const double values[] = {0, 1, 2.5, 10, 12, 37.5, 38.3, 98.6, 100.4, 101, 150, 250, 300, 4.5359237, 0.1, 1e-3, 1234.5678};
  for (const OldUnit& from : kOldUnits) {
    for (const OldUnit& to : kOldUnits) {
      if (from.dimension != to.dimension) continue;
      for (const double value : values) {
        for (const double signed_value : {value, -value}) {
          INFO(signed_value << " " << from.code << " -> " << to.code);
          const double raw = ((signed_value * from.factor + from.offset) - to.offset) / to.factor;
          const double old = std::string(from.code) == to.code ? signed_value : round_12(raw);
          const double now = convert(signed_value, unit(from.code), unit(to.code));
          if (now != old && halfway(raw)) {
            CHECK(std::fabs(now - old) <= std::fabs(old) * 1e-11);
          } else {
            CHECK(now == old);
          }
        }
      }
    }
  }
}

TEST_CASE("units: compatibility is dimension, moles and arbitrary atoms") {
  CHECK(compatible(unit("mmHg"), unit("kPa")));
  CHECK(compatible(unit("bpm"), unit("/s")));
  CHECK(compatible(unit("%"), unit("1")));
  CHECK(compatible(unit("m[IU]/mL"), unit("[IU]/L")));
  CHECK_FALSE(compatible(unit("[IU]/L"), unit("[arb'U]/L")));
  CHECK_FALSE(compatible(unit("mmol/L"), unit("mg/dL")));
  CHECK_FALSE(compatible(unit("mm[Hg]"), unit("/min")));
  CHECK(incompatibility(unit("kg"), unit("g")).empty());
  CHECK(incompatibility(unit("mmol/L"), unit("mg/dL")) ==
        "cannot convert `mmol/L` to `mg/dL`: one is an amount of substance, the other a mass (m-3 against m-3.g); a "
        "molar mass would be needed");
  CHECK(incompatibility(unit("/min"), unit("mmHg")) ==
        "cannot convert `/min` to `mm[Hg]`: different dimensions (s-1 against m-1.s-2.g)");
}

TEST_CASE("units: suggestions prefer the clinically likely unit") {
  CHECK(unit_suggestion("C", find_unit("Cel")) == "; did you mean `Cel`?");
  CHECK(unit_suggestion("F", find_unit("Cel")) == "; did you mean `[degF]`?");
  CHECK(unit_suggestion("LB", find_unit("kg")) == "; did you mean `[lb_av]`?");
  CHECK(unit_suggestion("MMHG", find_unit("mm[Hg]")) == "; did you mean `mm[Hg]`?");
  CHECK(unit_suggestion("C", find_unit("kg")).empty());  // coulombs are no mass, nor is Cel
  CHECK(unit_suggestion("kgz", find_unit("kg")) == "; did you mean `kg` or `kgs`?");
  CHECK(unit_suggestion("zzzzzzzz", std::nullopt).empty());
}

TEST_CASE("units: a quantity fact of any UCUM unit round-trips through the bytecode") {
  Image image = test::sample_image();
  image.facts[2].dimension = Dimension::Quantity;
  image.facts[2].unit = "mL/min/{1.73_m2}";
  const auto bytes = write_image(image);
  const LoadResult loaded = load_image(bytes.data(), bytes.size());
  INFO(loaded.error);
  REQUIRE(loaded.image);
  CHECK(loaded.image->facts[2].dimension == Dimension::Quantity);
  CHECK(loaded.image->facts[2].unit == "mL/min/{1.73_m2}");
}

}  // namespace
}  // namespace redflag
