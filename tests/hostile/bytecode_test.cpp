// Hostile bytecode the runtime tests (tests/runtime/robustness_test.cpp: every truncation,
// 10,000 mutations) do not cover: random bytes, with and without a valid header, and a valid
// file from a future format version. README.md lists every hostile input with its outcome.
#include <catch2/catch.hpp>

#include <random>

#include "runtime/bytecode_writer.hpp"
#include "runtime/format.hpp"
#include "runtime/loader.hpp"
#include "tests/runtime/test_images.hpp"

namespace redflag {
namespace {

using Bytes = std::vector<std::uint8_t>;

void set_version(Bytes& bytes, std::uint16_t major, std::uint16_t minor) {
  bytes[kOffsetMajor] = static_cast<std::uint8_t>(major);
  bytes[kOffsetMajor + 1] = static_cast<std::uint8_t>(major >> 8);
  bytes[kOffsetMinor] = static_cast<std::uint8_t>(minor);
  bytes[kOffsetMinor + 1] = static_cast<std::uint8_t>(minor >> 8);
  test::reseal(bytes);
}

TEST_CASE("random bytes are refused as bad bytecode") {
  const Bytes good = write_image(test::sample_image());
  std::mt19937 random(6);
  std::uniform_int_distribution<std::size_t> size(0, 2 * good.size());
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 2000; ++round) {
    Bytes bytes(size(random));
    for (auto& b : bytes) b = static_cast<std::uint8_t>(byte(random));
    // A quarter keep a valid header prefix and a fresh size, checksum and hash, so that the
    // random tail meets the section table and parsers.
    if (round % 4 == 0 && bytes.size() >= kHeaderSize) {
      std::copy(good.begin(), good.begin() + kOffsetFileSize, bytes.begin());
      for (std::size_t i = 0; i < 8; ++i) bytes[kOffsetFileSize + i] = static_cast<std::uint8_t>(bytes.size() >> (8 * i));
      test::reseal(bytes);
    }
    const LoadResult result = load_image(bytes.data(), bytes.size());
    CAPTURE(round, result.error);
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.error.rfind("bad bytecode (", 0) == 0);
  }
}

TEST_CASE("a valid file from a future format version is refused, naming both versions") {
  Bytes bytes = write_image(test::sample_image());
  set_version(bytes, kFormatMajor, kFormatMinor);
  REQUIRE(load_image(bytes.data(), bytes.size()).ok());  // resealing alone changes nothing
  set_version(bytes, kFormatMajor, kFormatMinor + 1);
  CHECK(load_image(bytes.data(), bytes.size()).error == "bad bytecode (format version 1.5; this runtime reads 1.4)");
  set_version(bytes, kFormatMajor + 1, 0);
  CHECK(load_image(bytes.data(), bytes.size()).error == "bad bytecode (format version 2.0; this runtime reads 1.4)");
  set_version(bytes, 0, 9);
  CHECK(load_image(bytes.data(), bytes.size()).error == "bad bytecode (format version 0.9; this runtime reads 1.4)");
}

}  // namespace
}  // namespace redflag
