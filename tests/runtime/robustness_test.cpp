// Hostile input: every truncation and 10,000 random mutations of a valid file must end in a
// clean `bad bytecode (...)` error or in a load whose evaluation runs to completion.
#include <catch2/catch.hpp>

#include <random>

#include "runtime/bytecode_writer.hpp"
#include "runtime/loader.hpp"
#include "runtime/vm_batch.hpp"
#include "tests/runtime/test_images.hpp"

namespace redflag {
namespace {

using Bytes = std::vector<std::uint8_t>;

bool is_clean_error(const std::string& error) {
  return error.rfind("bad bytecode (", 0) == 0 && error.back() == ')';
}

// The sample KB, and the one with numbers (a NUMBERS section and every number opcode but SUB,
// MUL, ATMOST and EXACTLY, which share their operand shapes with ADD and ATLEAST).
Bytes good_file(int which) { return write_image(which == 0 ? test::sample_image() : test::scored_image()); }

TEST_CASE("every truncation of a valid file is a clean error") {
  const Bytes good = good_file(GENERATE(0, 1));
  for (std::size_t size = 0; size < good.size(); ++size) {
    const Bytes cut(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(size));
    const LoadResult result = load_image(cut.data(), cut.size());
    CAPTURE(size, result.error);
    REQUIRE_FALSE(result.ok());
    REQUIRE(is_clean_error(result.error));
    REQUIRE(result.error.find("truncated") != std::string::npos);
  }
}

// Half of the mutants get a fresh hash and checksum so that they reach the section parsers
// and the verifier instead of stopping at the checksum.
TEST_CASE("10,000 random mutations load cleanly or evaluate without crashing") {
  const Bytes good = good_file(GENERATE(0, 1));
  std::mt19937 random(20261124);
  std::uniform_int_distribution<std::size_t> position(kHeaderSize, good.size() - 1);
  std::uniform_int_distribution<int> flips(1, 4);
  std::uniform_int_distribution<int> byte(0, 255);
  std::size_t loaded = 0;
  std::vector<FactValue> facts;
  for (int round = 0; round < 10000; ++round) {
    Bytes bytes = good;
    const int count = flips(random);
    for (int i = 0; i < count; ++i) bytes[position(random)] = static_cast<std::uint8_t>(byte(random));
    if (round % 2 == 0) test::reseal(bytes);
    const LoadResult result = load_image(bytes.data(), bytes.size());
    if (!result.ok()) {
      REQUIRE(is_clean_error(result.error));
      continue;
    }
    ++loaded;
    const Program program(*result.image);
    Evaluation evaluation(program);
    facts.assign(program.fact_count, test::known(1));
    evaluate(program, facts.data(), evaluation);
    facts.assign(program.fact_count, test::unknown());
    evaluate(program, facts.data(), evaluation);
    REQUIRE(evaluation.flags.size() == result.image->flags.size());
    BatchEvaluator batch(program);
    const FactValue* cases[] = {facts.data()};
    Evaluation* outs[] = {&evaluation};
    batch.evaluate(cases, 1, outs);
    REQUIRE(evaluation.numbers.size() == result.image->numbers.size());
  }
  // Some mutants (string bytes, constants, unread-by-code fields) must survive; else the
  // test would only ever exercise the error paths.
  CHECK(loaded > 100);
}

}  // namespace
}  // namespace redflag
