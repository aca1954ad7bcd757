// Writer and loader: round trip, determinism, header fields, file loading.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "runtime/bytecode_writer.hpp"
#include "runtime/crc32.hpp"
#include "runtime/loader.hpp"
#include "runtime/sha256.hpp"
#include "tests/runtime/image_equal.hpp"
#include "tests/runtime/test_images.hpp"

namespace redflag {
namespace {

TEST_CASE("write then load gives back an equal image") {
  const Image image = test::sample_image();
  const std::vector<std::uint8_t> bytes = write_image(image);
  const LoadResult loaded = load_image(bytes.data(), bytes.size());
  REQUIRE(loaded.error == "");
  REQUIRE(loaded.ok());
  CHECK(test::image_difference(image, *loaded.image) == "");
  const Sha256Digest hash = sha256(bytes.data() + kHeaderSize, bytes.size() - kHeaderSize);
  CHECK(loaded.image->content_hash == hash);
}

TEST_CASE("writing is deterministic") {
  const std::vector<std::uint8_t> first = write_image(test::sample_image());
  const std::vector<std::uint8_t> second = write_image(test::sample_image());
  CHECK(first == second);
  const LoadResult loaded = load_image(first.data(), first.size());
  REQUIRE(loaded.ok());
  CHECK(write_image(*loaded.image) == first);
}

TEST_CASE("header fields follow docs/bytecode.md") {
  const std::vector<std::uint8_t> bytes = write_image(test::sample_image());
  CHECK(std::equal(kMagic.begin(), kMagic.end(), bytes.begin()));
  CHECK(bytes[8] == 1);   // major, LE
  CHECK(bytes[10] == 4);  // minor: 1.1 added dimension 5, 1.2 fact type 5 (integer), 1.3 numbers, 1.4 FHIR
  CHECK(bytes[12] == 0x04);  // endianness probe 0x01020304, LE
  std::uint64_t size = 0;
  for (int i = 7; i >= 0; --i) size = (size << 8) | bytes[kOffsetFileSize + static_cast<std::size_t>(i)];
  CHECK(size == bytes.size());
  std::vector<std::uint8_t> zeroed = bytes;
  std::fill(zeroed.begin() + kOffsetChecksum, zeroed.begin() + kOffsetChecksum + 4, 0);
  const std::uint32_t crc = crc32(zeroed.data(), zeroed.size());
  CHECK(bytes[kOffsetChecksum] == (crc & 0xFF));
  // The sample has no numbers, so no NUMBERS section.
  CHECK(bytes[kOffsetSectionCount] == kRequiredSectionCount);
  std::uint32_t total = 0;
  for (std::uint32_t section : section_sizes(test::sample_image())) total += section;
  CHECK(section_sizes(test::sample_image()).back() == 0);
  CHECK(total + kHeaderSize + kRequiredSectionCount * kSectionEntrySize == bytes.size());
}

TEST_CASE("strings are interned once, in first-use order") {
  Image image = test::sample_image();
  image.flags[1].file = image.flags[0].file;
  const std::vector<std::uint8_t> bytes = write_image(image);
  // STRINGS starts right after the section table with its count; its first string is the KB id.
  const std::size_t strings = kHeaderSize + kRequiredSectionCount * kSectionEntrySize;
  const std::string first(reinterpret_cast<const char*>(bytes.data()) + strings + 8, 8);
  CHECK(first == "backpain");
}

TEST_CASE("a KB with numbers round-trips through the NUMBERS section") {
  const Image image = test::scored_image();
  const std::vector<std::uint8_t> bytes = write_image(image);
  CHECK(bytes[kOffsetSectionCount] == kNumbersSectionCount);
  const std::size_t numbers_entry = kHeaderSize + (kNumbersSectionCount - 1) * kSectionEntrySize;
  CHECK(bytes[numbers_entry] == static_cast<std::uint8_t>(SectionKind::Numbers));
  CHECK(section_sizes(image)[kNumbersSectionCount - 1] > 0);
  CHECK(section_sizes(image).back() == 0);  // no FHIR bindings
  const LoadResult loaded = load_image(bytes.data(), bytes.size());
  REQUIRE(loaded.error == "");
  CHECK(test::image_difference(image, *loaded.image) == "");
  CHECK(loaded.image->numbers.size() == 4);
  CHECK(loaded.image->flags[2].numbers == std::vector<std::uint32_t>{2});
  CHECK(loaded.image->tests[1].expectations[0].high == 2);
  CHECK(write_image(*loaded.image) == bytes);
}

TEST_CASE("FHIR bindings round-trip through the FHIR section, after a NUMBERS section") {
  Image image = test::sample_image();
  ImageFhirBinding observation;
  observation.kind = FhirKind::Observation;
  observation.fact = 2;  // weight_loss, a quantity
  observation.system = "http://loinc.org";
  observation.code = "85354-9";
  observation.component_system = "http://loinc.org";
  observation.component_code = "8480-6";
  observation.within = 86400;
  image.fhir.push_back(observation);
  const std::vector<std::uint8_t> bytes = write_image(image);
  CHECK(bytes[kOffsetSectionCount] == kSectionCount);
  CHECK(section_sizes(image)[kNumbersSectionCount - 1] > 0);  // present, with no entries
  const LoadResult loaded = load_image(bytes.data(), bytes.size());
  REQUIRE(loaded.error == "");
  REQUIRE(loaded.image->fhir.size() == 1);
  CHECK(loaded.image->fhir[0].component_code == "8480-6");
  CHECK(loaded.image->fhir[0].within == 86400);
  CHECK(loaded.image->fhir[0].value == kNoIndex);
  CHECK(write_image(*loaded.image) == bytes);
}

TEST_CASE("numbers alone are enough to need the NUMBERS section") {
  Image image = test::sample_image();
  image.max_number_stack = 1;
  CHECK(write_image(image)[kOffsetSectionCount] == kNumbersSectionCount);
  image.max_number_stack = 0;
  image.flags[0].numbers = {0};
  CHECK(write_image(image)[kOffsetSectionCount] == kNumbersSectionCount);
}

std::vector<std::uint8_t> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_CASE("a format 1.2 file loads, and the 1.3 writer gives it the same content and hash") {
  // tests/data/bytecode/README.md: sample_image() as the format 1.2 writer wrote it.
  const std::vector<std::uint8_t> old = read_bytes(REDFLAG_TEST_DATA "/bytecode/sample_1_2.rfb");
  REQUIRE(old.size() > kHeaderSize);
  CHECK(old[kOffsetMinor] == 2);
  const LoadResult loaded = load_image(old.data(), old.size());
  REQUIRE(loaded.error == "");
  CHECK(test::image_difference(test::sample_image(), *loaded.image) == "");
  CHECK(loaded.image->numbers.empty());
  CHECK(loaded.image->max_number_stack == 0);
  const std::vector<std::uint8_t> rewritten = write_image(*loaded.image);
  CHECK(rewritten[kOffsetMinor] == kFormatMinor);
  CHECK(std::equal(old.begin() + kHeaderSize, old.end(), rewritten.begin() + kHeaderSize, rewritten.end()));
  CHECK(std::equal(old.begin() + kOffsetContentHash, old.begin() + kHeaderSize, rewritten.begin() + kOffsetContentHash));
}

TEST_CASE("load_file reads a written file and names the path when it cannot") {
  const std::string path = "runtime_test_sample.rfb";
  const std::vector<std::uint8_t> bytes = write_image(test::sample_image());
  {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  }
  const LoadResult loaded = load_file(path);
  std::remove(path.c_str());
  CHECK(loaded.error == "");
  CHECK(loaded.ok());
  const LoadResult missing = load_file("no/such/file.rfb");
  CHECK(missing.error == "cannot read no/such/file.rfb: No such file or directory");
  const LoadResult directory = load_file(".");
  CHECK(directory.error == "cannot read .: Is a directory");
}

}  // namespace
}  // namespace redflag
