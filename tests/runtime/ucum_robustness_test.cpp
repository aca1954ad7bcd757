// The UCUM parser on random and mutated input (deterministic seed): no crash, and always a
// sane result, a unit with a finite nonzero factor or an error with a message inside the input.
// tests/fuzz/fuzz_ucum.cpp explores further; this keeps the property in every CTest run.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "runtime/ucum/ucum.hpp"

namespace {

// UCUM's own characters, weighted towards the ones that change the parse.
constexpr std::string_view kAlphabet = "./()[]{}+-0123456789*^mgLsdhkKCelUI'%_ \x80\xff\t";

const std::vector<std::string> kSeeds = {
    "mg/dL", "mmol/L", "mL/min/{1.73_m2}", "10*9/L", "Cel", "[degF]", "4.[pi].10*-7.N/A2", "/(8.h.kg)",
    "dB[10.nV]", "k[IU]/L", "[m/s2/Hz^(1/2)]", "m3.kg-1.s-2", "cm[H2O]/(s.m)", "%[slope]", "[pH]",
};

void check_sane(const std::string& code) {
  const redflag::ucum::ParseResult result = redflag::ucum::parse(code);
  if (result.unit) {
    CHECK(std::isfinite(result.unit->factor));
    CHECK(result.unit->factor != 0);
  } else {
    CHECK_FALSE(result.error.message.empty());
    CHECK(result.error.offset <= code.size());
  }
}

}  // namespace

TEST_CASE("random and mutated codes never crash the parser and give a sane result") {
  std::mt19937 random(20240617);  // fixed: the same strings on every run and platform
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  for (int i = 0; i < 20000; ++i) {
    std::string code;
    if (i % 2 == 0) {
      const std::size_t length = pick(24);
      for (std::size_t j = 0; j < length; ++j) code += kAlphabet[pick(kAlphabet.size())];
    } else {
      code = kSeeds[pick(kSeeds.size())];
      for (std::size_t edits = 1 + pick(3); edits > 0; --edits) {
        const std::size_t at = pick(code.size() + 1);
        switch (pick(3)) {
          case 0: code.insert(at, 1, kAlphabet[pick(kAlphabet.size())]); break;
          case 1: if (at < code.size()) code.erase(at, 1); break;
          default: code.insert(at, kSeeds[pick(kSeeds.size())]); break;
        }
      }
    }
    INFO("`" << code << "`");
    check_sane(code);
    const redflag::ucum::ConvertResult converted = redflag::ucum::convert(2, code, kSeeds[pick(kSeeds.size())]);
    CHECK(converted.value.has_value() == converted.error.empty());
  }
}

TEST_CASE("deep nesting and long inputs are refused, not recursed into") {
  check_sane(std::string(100000, '('));
  check_sane(std::string(100000, '(') + "m" + std::string(100000, ')'));
  std::string long_product = "m";
  for (int i = 0; i < 50000; ++i) long_product += ".m2";
  check_sane(long_product);  // exponents sum past the limit
  check_sane(std::string(5000, '9') + ".m");
  check_sane("{" + std::string(100000, 'a'));
}
