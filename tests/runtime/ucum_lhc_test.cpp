// The differential test: the engine against what the NLM reference implementation
// @lhncbc/ucum-lhc says (tests/data/ucum/lhc_expected.tsv, made by make_lhc_table.sh). Rows
// where ucum-lhc departs from UCUM 2.2 are in the table with outcome `excluded` and the reason.
#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "runtime/ucum/internal/special.hpp"
#include "runtime/ucum/ucum.hpp"

namespace {

// ucum-lhc's mole (6.0221367e23, UCUM before 2.2) over UCUM 2.2's (6.02214076e23).
constexpr double kLhcAvogadroRatio = 6.0221367 / 6.02214076;

struct Row {
  std::string kind, from, value, to, outcome, number, dimension, reason;
};

std::vector<Row> read_rows() {
  std::ifstream in(REDFLAG_TEST_DATA "/ucum/lhc_expected.tsv");
  std::vector<Row> rows;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("kind\t", 0) == 0) continue;
    std::vector<std::string> cells;
    std::istringstream fields(line);
    for (std::string cell; std::getline(fields, cell, '\t');) cells.push_back(cell);
    cells.resize(8);
    rows.push_back({cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]});
  }
  return rows;
}

double number(const std::string& text) {
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

bool close(double ours, double theirs) { return std::fabs(ours - theirs) <= 1e-9 * std::max(std::fabs(theirs), 1e-300); }

void check_unit(const Row& row) {
  const redflag::ucum::ParseResult parsed = redflag::ucum::parse(row.from);
  INFO("`" << row.from << "`: ucum-lhc says " << row.outcome << " " << row.number << " " << row.dimension
            << "; redflag: " << (parsed.unit ? "valid" : parsed.error.text()));
  if (row.outcome == "invalid") {
    CHECK_FALSE(parsed.unit);
    return;
  }
  REQUIRE(parsed.unit);
  const redflag::ucum::Unit& unit = *parsed.unit;
  if (row.outcome == "arbitrary") {
    CHECK_FALSE(unit.arbitrary.empty());
    return;
  }
  const double ours = redflag::ucum::internal::to_base(unit, 1) * std::pow(kLhcAvogadroRatio, unit.mole_exponent);
  INFO("redflag: " << ours << " " << redflag::ucum::dimension_text(unit.dimension));
  CHECK(unit.arbitrary.empty());
  CHECK(redflag::ucum::dimension_text(unit.dimension) == row.dimension);
  CHECK(close(ours, number(row.number)));
}

void check_conversion(const Row& row) {
  const redflag::ucum::ConvertResult result = redflag::ucum::convert(number(row.value), row.from, row.to);
  INFO(row.value << " `" << row.from << "` -> `" << row.to << "`: ucum-lhc says " << row.outcome << " " << row.number
                 << "; redflag: " << (result.value ? std::to_string(*result.value) : result.error));
  if (row.outcome == "refused") {
    CHECK_FALSE(result.value);
  } else if (row.outcome == "molar_mass") {
    CHECK_THAT(result.error, Catch::Contains("a molar mass would be needed"));
  } else {
    REQUIRE(result.value);
    const int moles = redflag::ucum::parse(row.from).unit->mole_exponent - redflag::ucum::parse(row.to).unit->mole_exponent;
    CHECK(close(*result.value * std::pow(kLhcAvogadroRatio, moles), number(row.number)));
  }
}

}  // namespace

TEST_CASE("the engine agrees with ucum-lhc on every row the table does not exclude") {
  const std::vector<Row> rows = read_rows();
  std::size_t compared = 0;
  for (const Row& row : rows) {
    if (row.outcome == "excluded") continue;
    if (row.kind == "unit") check_unit(row);
    if (row.kind == "convert") check_conversion(row);
    ++compared;
  }
  CHECK(compared >= 2000);
}
