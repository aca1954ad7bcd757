#include "runtime/bytecode_writer.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "runtime/crc32.hpp"
#include "runtime/internal/byte_writer.hpp"
#include "runtime/sha256.hpp"

namespace redflag {
namespace {

using Sections = std::array<std::vector<std::uint8_t>, kSectionCount>;

// Interns strings in first-use order; the empty string is written as "none".
class StringTable {
 public:
  std::uint32_t intern(const std::string& text) {
    if (text.empty()) return kNoString;
    const auto [it, inserted] = index_.emplace(text, static_cast<std::uint32_t>(strings_.size()));
    if (inserted) strings_.push_back(&it->first);
    return it->second;
  }
  void write(internal::ByteWriter& out) const {
    out.u32(static_cast<std::uint32_t>(strings_.size()));
    for (const std::string* text : strings_) {
      out.u32(static_cast<std::uint32_t>(text->size()));
      out.bytes(reinterpret_cast<const std::uint8_t*>(text->data()), text->size());
    }
  }

 private:
  std::unordered_map<std::string, std::uint32_t> index_;  // looked up, never iterated
  std::vector<const std::string*> strings_;                // output order
};

// Writes one section's body, interning its strings.
class SectionWriter {
 public:
  SectionWriter(std::vector<std::uint8_t>& bytes, StringTable& strings) : out_(bytes), strings_(strings) {}

  void u8(std::uint8_t value) { out_.u8(value); }
  void u32(std::uint32_t value) { out_.u32(value); }
  void u32(std::size_t value) { out_.u32(static_cast<std::uint32_t>(value)); }
  void f64(double value) { out_.f64(value); }
  void str(const std::string& text) { out_.u32(strings_.intern(text)); }
  void strs(const std::vector<std::string>& texts) {
    u32(texts.size());
    for (const auto& text : texts) str(text);
  }
  void u32s(const std::vector<std::uint32_t>& values) {
    u32(values.size());
    for (std::uint32_t value : values) u32(value);
  }
  void cites(const std::vector<ImageCitation>& cites) {
    u32(cites.size());
    for (const auto& cite : cites) {
      u32(cite.source);
      str(cite.section);
    }
  }
  void bytes(const std::vector<std::uint8_t>& data) { out_.bytes(data.data(), data.size()); }

 private:
  internal::ByteWriter out_;
  StringTable& strings_;
};

void write_meta(SectionWriter& out, const ImageMeta& meta) {
  out.str(meta.id);
  out.str(meta.title);
  out.str(meta.version);
  out.u8(static_cast<std::uint8_t>(meta.status));
  out.str(meta.reviewed);
  out.str(meta.next_review);
  out.strs(meta.authors);
  out.u32(meta.sources.size());
  for (const auto& source : meta.sources) {
    out.str(source.id);
    out.str(source.title);
    out.str(source.url);
  }
}

void write_facts(SectionWriter& out, const std::vector<ImageFact>& facts) {
  out.u32(facts.size());
  for (const auto& fact : facts) {
    out.str(fact.name);
    out.u8(static_cast<std::uint8_t>(fact.type));
    out.u8(static_cast<std::uint8_t>(fact.dimension));
    out.str(fact.unit);
    out.f64(fact.min);
    out.f64(fact.max);
    out.str(fact.ask);
    out.str(fact.means);
    out.strs(fact.values);
  }
}

void write_flags(SectionWriter& out, const std::vector<ImageFlag>& flags) {
  out.u32(flags.size());
  for (const auto& flag : flags) {
    out.str(flag.name);
    out.u32(flag.level);
    out.str(flag.title);
    out.str(flag.because);
    out.u32(flag.code_offset);
    out.str(flag.file);
    out.u32(flag.line);
    out.cites(flag.cites);
    out.strs(flag.advice);
    out.u32s(flag.see);
    out.u32s(flag.facts);
  }
}

void write_topics(SectionWriter& out, const std::vector<ImageTopic>& topics) {
  out.u32(topics.size());
  for (const auto& topic : topics) {
    out.str(topic.name);
    out.str(topic.title);
    out.str(topic.body);
    out.cites(topic.cites);
    out.u8(topic.has_condition ? 1 : 0);
  }
}

void write_tests(SectionWriter& out, const std::vector<ImageTest>& tests) {
  out.u32(tests.size());
  for (const auto& test : tests) {
    out.str(test.name);
    out.str(test.file);
    out.u32(test.line);
    out.u32(test.givens.size());
    for (const auto& given : test.givens) {
      out.u32(given.fact);
      out.u8(given.known ? 1 : 0);
      out.f64(given.value);
    }
    out.u32(test.expectations.size());
    for (const auto& expectation : test.expectations) {
      out.u8(static_cast<std::uint8_t>(expectation.kind));
      out.u32s(expectation.args);
      if (expectation.kind == ExpectKind::Score) {
        out.f64(expectation.low);
        out.f64(expectation.high);
      }
    }
  }
}

// Whether [image] has anything for the NUMBERS section, which is left out otherwise.
bool has_numbers(const Image& image) {
  const auto reads_numbers = [](const ImageFlag& flag) { return !flag.numbers.empty(); };
  return !image.numbers.empty() || image.max_number_stack != 0 ||
         std::any_of(image.flags.begin(), image.flags.end(), reads_numbers);
}

void write_numbers(SectionWriter& out, const Image& image) {
  out.u32(image.max_number_stack);
  out.u32(image.numbers.size());
  for (const auto& number : image.numbers) {
    out.str(number.name);
    out.u8(static_cast<std::uint8_t>(number.kind));
    out.str(number.unit);
    out.str(number.title);
    out.u32(number.code_offset);
    out.u32(number.score);
    out.u32(number.fact);
    out.u32s(number.facts);
    out.cites(number.cites);
  }
  out.u32(image.flags.size());
  for (const auto& flag : image.flags) out.u32s(flag.numbers);
}

// FHIR: one entry per binding, then the level indicators (docs/bytecode.md "FHIR").
void write_fhir(SectionWriter& out, const Image& image) {
  out.u32(image.fhir.size());
  for (const auto& binding : image.fhir) {
    out.u8(static_cast<std::uint8_t>(binding.kind));
    out.u32(binding.fact);
    out.str(binding.system);
    out.str(binding.code);
    out.str(binding.component_system);
    out.str(binding.component_code);
    out.f64(binding.within);
    out.u32(binding.value);
    out.u8(binding.current ? 1 : 0);
  }
  out.u32(image.indicators.size());
  for (const CdsIndicator indicator : image.indicators) out.u8(static_cast<std::uint8_t>(indicator));
}

// Every section but STRINGS is written in kind order, then STRINGS from what they interned.
Sections build_sections(const Image& image) {
  Sections sections;
  StringTable strings;
  auto section = [&](SectionKind kind) {
    return SectionWriter(sections[static_cast<std::uint32_t>(kind) - 1], strings);
  };
  auto meta = section(SectionKind::Meta);
  write_meta(meta, image.meta);
  auto levels = section(SectionKind::Levels);
  levels.strs(image.levels);
  auto facts = section(SectionKind::Facts);
  write_facts(facts, image.facts);
  auto defines = section(SectionKind::Defines);
  defines.u32(image.defines.size());
  for (const auto& define : image.defines) {
    defines.str(define.name);
    defines.u32(define.code_offset);
  }
  auto flags = section(SectionKind::Flags);
  write_flags(flags, image.flags);
  auto topics = section(SectionKind::Topics);
  write_topics(topics, image.topics);
  auto tests = section(SectionKind::Tests);
  write_tests(tests, image.tests);
  auto consts = section(SectionKind::Consts);
  consts.u32(image.constants.size());
  for (double constant : image.constants) consts.f64(constant);
  auto code = section(SectionKind::Code);
  code.u32(image.max_stack);
  code.u32(image.code.size());
  code.bytes(image.code);
  auto lines = section(SectionKind::Lines);
  lines.u32(image.lines.size());
  for (const auto& line : image.lines) {
    lines.u32(line.code_offset);
    lines.str(line.file);
    lines.u32(line.line);
  }
  // A file with FHIR has NUMBERS before it, with no entries if need be.
  const bool has_fhir = !image.fhir.empty() || !image.indicators.empty();
  if (has_numbers(image) || has_fhir) {
    auto numbers = section(SectionKind::Numbers);
    write_numbers(numbers, image);
  }
  if (has_fhir) {
    auto fhir = section(SectionKind::Fhir);
    write_fhir(fhir, image);
  }
  internal::ByteWriter string_bytes(sections[static_cast<std::uint32_t>(SectionKind::Strings) - 1]);
  strings.write(string_bytes);
  return sections;
}

}  // namespace

std::array<std::uint32_t, kSectionCount> section_sizes(const Image& image) {
  const Sections sections = build_sections(image);
  std::array<std::uint32_t, kSectionCount> sizes{};
  for (std::size_t i = 0; i < kSectionCount; ++i) sizes[i] = static_cast<std::uint32_t>(sections[i].size());
  return sizes;
}

std::uint32_t written_section_count(const std::array<std::uint32_t, kSectionCount>& sizes) {
  std::uint32_t count = kSectionCount;
  while (count > kRequiredSectionCount && sizes[count - 1] == 0) --count;
  return count;
}

std::vector<std::uint8_t> write_image(const Image& image) {
  const Sections sections = build_sections(image);
  std::vector<std::uint8_t> file;
  internal::ByteWriter out(file);
  out.bytes(kMagic.data(), kMagic.size());
  out.u16(kFormatMajor);
  out.u16(kFormatMinor);
  out.u32(kEndianProbe);
  out.f64(kFloatProbe);
  out.u64(0);  // file size, patched below
  out.u32(0);  // checksum, patched below
  // The optional trailing sections are written only when they have something (build_sections).
  std::array<std::uint32_t, kSectionCount> sizes{};
  for (std::size_t i = 0; i < kSectionCount; ++i) sizes[i] = static_cast<std::uint32_t>(sections[i].size());
  const std::uint32_t count = written_section_count(sizes);
  out.u32(count);
  file.resize(kHeaderSize);  // content hash, filled below

  std::uint32_t offset = static_cast<std::uint32_t>(kHeaderSize + count * kSectionEntrySize);
  for (std::uint32_t i = 0; i < count; ++i) {
    const auto size = static_cast<std::uint32_t>(sections[i].size());
    out.u32(i + 1);
    out.u32(offset);
    out.u32(size);
    offset += size;
  }
  for (std::uint32_t i = 0; i < count; ++i) out.bytes(sections[i].data(), sections[i].size());

  const std::uint64_t file_size = file.size();
  for (std::size_t i = 0; i < 8; ++i) file[kOffsetFileSize + i] = static_cast<std::uint8_t>(file_size >> (8 * i));
  const Sha256Digest hash = sha256(file.data() + kHeaderSize, file.size() - kHeaderSize);
  std::copy(hash.begin(), hash.end(), file.begin() + kOffsetContentHash);
  out.patch_u32(kOffsetChecksum, crc32(file.data(), file.size()));
  return file;
}

}  // namespace redflag
