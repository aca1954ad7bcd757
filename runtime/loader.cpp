#include "runtime/loader.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "runtime/crc32.hpp"
#include "runtime/format.hpp"
#include "runtime/internal/section_reader.hpp"
#include "runtime/internal/utf8.hpp"
#include "runtime/sha256.hpp"
#include "runtime/verifier.hpp"

namespace redflag {
namespace {

using internal::ByteReader;
using internal::SectionReader;

struct SectionSpan {
  std::uint32_t offset = 0;
  std::uint32_t size = 0;
};
using SectionTable = std::array<SectionSpan, kSectionCount>;

// Whether [count], the bytes the loader accepts for an enum, is one past the enum's [last] value.
template <typename Enum>
constexpr bool counts_up_to(std::uint8_t count, Enum last) {
  return count == static_cast<std::uint8_t>(last) + 1;
}
static_assert(counts_up_to(kKbStatusCount, KbStatus::Retired) &&
                  counts_up_to(kFactTypeCount, FactType::Integer) &&
                  counts_up_to(kDimensionCount, Dimension::Quantity) &&
                  counts_up_to(kExpectKindCount, ExpectKind::Score) &&
                  counts_up_to(kNumberKindCount, NumberKind::Item) &&
                  counts_up_to(kFhirKindCount, FhirKind::PatientAge) &&
                  counts_up_to(kCdsIndicatorCount, CdsIndicator::Critical),
              "the byte counts in runtime/format.hpp follow the enums they are read into");

std::string hex32(std::uint32_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text = "0x";
  for (int shift = 28; shift >= 0; shift -= 4) text += kDigits[(value >> shift) & 0xF];
  return text;
}

// Magic, version (its minor into [minor]), probes, size, checksum and content hash; empty when
// all hold.
std::string check_header(const std::uint8_t* data, std::size_t size, std::uint16_t& minor) {
  if (!std::equal(data, data + std::min(size, kMagic.size()), kMagic.begin())) return "bad magic";
  if (size < kHeaderSize) {
    return "truncated header (" + std::to_string(size) + " of " + std::to_string(kHeaderSize) + " bytes)";
  }
  ByteReader header(data, kHeaderSize);
  header.bytes(kOffsetMajor);
  const std::uint16_t major = header.u16();
  minor = header.u16();
  if (major != kFormatMajor || minor > kFormatMinor) {
    return "format version " + std::to_string(major) + "." + std::to_string(minor) + "; this runtime reads " +
           std::to_string(kFormatMajor) + "." + std::to_string(kFormatMinor);
  }
  if (header.u32() != kEndianProbe) return "endianness probe mismatch";
  if (header.f64() != kFloatProbe) return "float probe mismatch";
  const std::uint64_t declared = header.u64();
  if (declared != size) {
    const std::string sizes = " (file is " + std::to_string(size) + " bytes, header says " + std::to_string(declared) + ")";
    return (size < declared ? "truncated" : "file size mismatch") + sizes;
  }
  const std::uint32_t stored = header.u32();
  const std::array<std::uint8_t, 4> zero{};
  std::uint32_t computed = crc32(data, kOffsetChecksum);
  computed = crc32(zero.data(), zero.size(), computed);
  computed = crc32(data + kOffsetChecksum + 4, size - kOffsetChecksum - 4, computed);
  if (stored != computed) return "checksum mismatch (stored " + hex32(stored) + ", computed " + hex32(computed) + ")";
  const Sha256Digest hash = sha256(data + kHeaderSize, size - kHeaderSize);
  if (!std::equal(hash.begin(), hash.end(), data + kOffsetContentHash)) return "content hash mismatch";
  return {};
}

// Every kind once, in order, back to back from the end of the table to the end of the file;
// NUMBERS and FHIR may be left out, and a file older than format 1.3 (1.4) has no NUMBERS
// (FHIR). Sets [count].
std::string read_section_table(const std::uint8_t* data, std::size_t size, std::uint16_t minor, SectionTable& table,
                               std::uint32_t& count) {
  ByteReader reader(data + kOffsetSectionCount, size - kOffsetSectionCount);
  count = reader.u32();
  const std::uint32_t most = minor >= kFirstFhirMinor      ? kSectionCount
                             : minor >= kFirstNumbersMinor ? kNumbersSectionCount
                                                           : kRequiredSectionCount;
  if (count < kRequiredSectionCount || count > most) {
    return "section count " + std::to_string(count) + ", expected " + std::to_string(kRequiredSectionCount) +
           (most == kRequiredSectionCount       ? std::string()
            : most == kRequiredSectionCount + 1 ? " or " + std::to_string(most)
                                                : " to " + std::to_string(most));
  }
  reader = ByteReader(data + kHeaderSize, size - kHeaderSize);
  std::uint64_t expected = kHeaderSize + std::uint64_t{count} * kSectionEntrySize;
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::uint32_t kind = reader.u32();
    table[i].offset = reader.u32();
    table[i].size = reader.u32();
    if (reader.failed()) return "truncated section table";
    const std::string name(section_name(static_cast<SectionKind>(i + 1)));
    if (kind != i + 1) return "section " + std::to_string(i) + " has kind " + std::to_string(kind) + ", expected " + name;
    if (table[i].offset != expected) {
      return "section " + name + " at offset " + std::to_string(table[i].offset) + ", expected " + std::to_string(expected);
    }
    expected += table[i].size;
  }
  if (expected != size) return "sections end at " + std::to_string(expected) + ", file is " + std::to_string(size) + " bytes";
  return {};
}

std::string read_strings(SectionReader& in, std::vector<std::string>& strings) {
  strings.resize(in.count(4));
  for (std::size_t i = 0; i < strings.size() && !in.failed(); ++i) {
    const std::uint32_t length = in.u32();
    const std::uint8_t* text = in.bytes(length);
    if (in.failed()) break;
    if (!internal::is_valid_utf8(text, length)) in.fail("string " + std::to_string(i) + " is not valid UTF-8");
    strings[i].assign(reinterpret_cast<const char*>(text), length);
  }
  return in.error();
}

void read_cites(SectionReader& in, std::vector<ImageCitation>& cites) {
  cites.resize(in.count(8));
  for (auto& cite : cites) {
    cite.source = in.u32();
    cite.section = in.str();
  }
}

void read_meta(SectionReader& in, ImageMeta& meta) {
  meta.id = in.str();
  meta.title = in.str();
  meta.version = in.str();
  meta.status = static_cast<KbStatus>(in.enum_byte("status", kKbStatusCount));
  meta.reviewed = in.str();
  meta.next_review = in.str();
  meta.authors = in.strs();
  meta.sources.resize(in.count(12));
  for (auto& source : meta.sources) {
    source.id = in.str();
    source.title = in.str();
    source.url = in.str();
  }
}

void read_facts(SectionReader& in, std::vector<ImageFact>& facts) {
  facts.resize(in.count(38));
  for (auto& fact : facts) {
    fact.name = in.str();
    fact.type = static_cast<FactType>(in.enum_byte("fact type", kFactTypeCount));
    fact.dimension = static_cast<Dimension>(in.enum_byte("dimension", kDimensionCount));
    fact.unit = in.str();
    fact.min = in.f64();
    fact.max = in.f64();
    fact.ask = in.str();
    fact.means = in.str();
    fact.values = in.strs();
  }
}

void read_flags(SectionReader& in, std::vector<ImageFlag>& flags) {
  flags.resize(in.count(44));
  for (auto& flag : flags) {
    flag.name = in.str();
    flag.level = in.u32();
    flag.title = in.str();
    flag.because = in.str();
    flag.code_offset = in.u32();
    flag.file = in.str();
    flag.line = in.u32();
    read_cites(in, flag.cites);
    flag.advice = in.strs();
    flag.see = in.u32s();
    flag.facts = in.u32s();
  }
}

void read_topics(SectionReader& in, std::vector<ImageTopic>& topics) {
  topics.resize(in.count(17));
  for (auto& topic : topics) {
    topic.name = in.str();
    topic.title = in.str();
    topic.body = in.str();
    read_cites(in, topic.cites);
    topic.has_condition = in.enum_byte("has_condition", 2) == 1;
  }
}

void read_tests(SectionReader& in, std::vector<ImageTest>& tests) {
  tests.resize(in.count(20));
  for (auto& test : tests) {
    test.name = in.str();
    test.file = in.str();
    test.line = in.u32();
    test.givens.resize(in.count(13));
    for (auto& given : test.givens) {
      given.fact = in.u32();
      given.known = in.enum_byte("given known", 2) == 1;
      given.value = in.f64();
    }
    test.expectations.resize(in.count(5));
    for (auto& expectation : test.expectations) {
      expectation.kind = static_cast<ExpectKind>(in.enum_byte("expectation kind", kExpectKindCount));
      expectation.args = in.u32s();
      if (expectation.kind == ExpectKind::Score) {
        expectation.low = in.f64();
        expectation.high = in.f64();
      }
    }
  }
}

// NUMBERS, after FLAGS: the number slots, then one list of number slots per flag.
void read_numbers(SectionReader& in, Image& image) {
  image.max_number_stack = in.u32();
  image.numbers.resize(in.count(33));
  for (auto& number : image.numbers) {
    number.name = in.str();
    number.kind = static_cast<NumberKind>(in.enum_byte("number kind", kNumberKindCount));
    number.unit = in.str();
    number.title = in.str();
    number.code_offset = in.u32();
    number.score = in.u32();
    number.fact = in.u32();
    number.facts = in.u32s();
    read_cites(in, number.cites);
  }
  const std::uint32_t lists = in.count(4);
  if (!in.failed() && lists != image.flags.size()) {
    in.fail(std::to_string(lists) + " flag lists for " + std::to_string(image.flags.size()) + " flags");
  }
  for (auto& flag : image.flags) {
    if (in.failed()) break;
    flag.numbers = in.u32s();
  }
}

// FHIR, after NUMBERS: the fact bindings, then the level indicators.
void read_fhir(SectionReader& in, Image& image) {
  image.fhir.resize(in.count(34));  // u8 + u32 + 4 str + f64 + u32 + u8
  for (auto& binding : image.fhir) {
    binding.kind = static_cast<FhirKind>(in.enum_byte("binding kind", kFhirKindCount));
    binding.fact = in.u32();
    binding.system = in.str();
    binding.code = in.str();
    binding.component_system = in.str();
    binding.component_code = in.str();
    binding.within = in.f64();
    binding.value = in.u32();
    binding.current = in.enum_byte("binding flag", 2) == 1;
  }
  image.indicators.resize(in.count(1));
  for (auto& indicator : image.indicators) indicator = static_cast<CdsIndicator>(in.enum_byte("indicator", kCdsIndicatorCount));
}

void read_section(SectionReader& in, SectionKind kind, Image& image) {
  switch (kind) {
    case SectionKind::Strings: break;  // read first, by read_strings
    case SectionKind::Meta: read_meta(in, image.meta); break;
    case SectionKind::Levels: image.levels = in.strs(); break;
    case SectionKind::Facts: read_facts(in, image.facts); break;
    case SectionKind::Defines:
      image.defines.resize(in.count(8));
      for (auto& define : image.defines) {
        define.name = in.str();
        define.code_offset = in.u32();
      }
      break;
    case SectionKind::Flags: read_flags(in, image.flags); break;
    case SectionKind::Topics: read_topics(in, image.topics); break;
    case SectionKind::Tests: read_tests(in, image.tests); break;
    case SectionKind::Consts:
      image.constants.resize(in.count(8));
      for (double& constant : image.constants) constant = in.f64();
      break;
    case SectionKind::Code: {
      image.max_stack = in.u32();
      const std::uint32_t size = in.count(1);
      const std::uint8_t* code = in.bytes(size);
      if (code != nullptr) image.code.assign(code, code + size);
      break;
    }
    case SectionKind::Lines:
      image.lines.resize(in.count(12));
      for (auto& line : image.lines) {
        line.code_offset = in.u32();
        line.file = in.str();
        line.line = in.u32();
      }
      break;
    case SectionKind::Numbers: read_numbers(in, image); break;
    case SectionKind::Fhir: read_fhir(in, image); break;
  }
}

std::string read_image(const std::uint8_t* data, std::size_t size, Image& image) {
  std::uint16_t minor = 0;
  if (std::string reason = check_header(data, size, minor); !reason.empty()) return reason;
  SectionTable table;
  std::uint32_t count = 0;
  if (std::string reason = read_section_table(data, size, minor, table, count); !reason.empty()) return reason;
  std::vector<std::string> strings;
  for (std::uint32_t i = 0; i < count; ++i) {
    const auto kind = static_cast<SectionKind>(i + 1);
    SectionReader in(data + table[i].offset, table[i].size, kind, strings);
    if (kind == SectionKind::Strings) read_strings(in, strings);
    read_section(in, kind, image);
    in.expect_end();
    if (in.failed()) return in.error();
  }
  std::copy(data + kOffsetContentHash, data + kOffsetContentHash + image.content_hash.size(),
            image.content_hash.begin());
  return verify_image(image);
}

}  // namespace

LoadResult load_image(const std::uint8_t* data, std::size_t size) {
  LoadResult result;
  Image image;
  const std::string reason = read_image(data, size, image);
  if (reason.empty()) {
    result.image = std::move(image);
  } else {
    result.error = "bad bytecode (" + reason + ")";
  }
  return result;
}

bool looks_like_rfb(const std::uint8_t* data, std::size_t size) {
  return size >= kMagic.size() && std::equal(kMagic.begin(), kMagic.end(), data);
}

LoadResult load_file(const std::string& path) {
  LoadResult result;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    result.unreadable = true;
    result.error = "cannot read " + path + ": " + std::strerror(errno);
    return result;
  }
  std::vector<std::uint8_t> bytes;
  std::array<std::uint8_t, 1 << 16> buffer;
  std::size_t got = 0;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) bytes.insert(bytes.end(), buffer.data(), buffer.data() + got);
  const bool failed = std::ferror(file) != 0;
  const int error = errno;
  std::fclose(file);
  if (failed) {
    result.unreadable = true;
    result.error = "cannot read " + path + ": " + std::strerror(error);
    return result;
  }
  return load_image(bytes.data(), bytes.size());
}

}  // namespace redflag
