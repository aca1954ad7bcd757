// Layout constants of the `.rfb` file: magic, version, header offsets, section kinds, limits.
//
// The writer (runtime/bytecode_writer.*) and the loader (runtime/loader.*) both take every
// number from here, so the two sides cannot disagree. docs/bytecode.md is the prose version of
// this header; change both together. Nothing here reads or writes bytes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace redflag {

// `\x89RFB\r\n\x1a\n`: the high byte catches 7-bit transfers, CR LF / LF catch line-ending
// conversion, 1A stops `type` on DOS.
inline constexpr std::array<std::uint8_t, 8> kMagic = {0x89, 'R', 'F', 'B', 0x0D, 0x0A, 0x1A, 0x0A};

inline constexpr std::uint16_t kFormatMajor = 1;  // a loader rejects any other major
// A loader accepts a lower or equal minor; 1.1 added dimension 5, 1.2 fact type 5 (integer),
// 1.3 numbers (the NUMBERS section, opcodes 18 to 29, expectation kind 6), 1.4 FHIR bindings
// (the FHIR section).
inline constexpr std::uint16_t kFormatMinor = 4;
inline constexpr std::uint16_t kFirstNumbersMinor = 3;  // the first minor with a NUMBERS section
inline constexpr std::uint16_t kFirstFhirMinor = 4;     // the first minor with a FHIR section
inline constexpr std::uint32_t kEndianProbe = 0x01020304;
inline constexpr double kFloatProbe = 370.5;

// Header field offsets (docs/bytecode.md "Header").
inline constexpr std::size_t kOffsetMajor = 8;
inline constexpr std::size_t kOffsetMinor = 10;
inline constexpr std::size_t kOffsetEndianProbe = 12;
inline constexpr std::size_t kOffsetFloatProbe = 16;
inline constexpr std::size_t kOffsetFileSize = 24;
inline constexpr std::size_t kOffsetChecksum = 32;
inline constexpr std::size_t kOffsetSectionCount = 36;
inline constexpr std::size_t kOffsetContentHash = 40;
inline constexpr std::size_t kHeaderSize = 72;
inline constexpr std::size_t kSectionEntrySize = 12;  // {u32 kind, u32 offset, u32 size}

// A `str` operand of 0xFFFFFFFF means "none"; the Image holds it as an empty string.
inline constexpr std::uint32_t kNoString = 0xFFFFFFFFu;

enum class SectionKind : std::uint32_t {
  Strings = 1, Meta, Levels, Facts, Defines, Flags, Topics, Tests, Consts, Code, Lines, Numbers, Fhir
};
// Every kind once, in kind order. The trailing sections are optional: FHIR is left out when
// no fact has a binding, and then NUMBERS when the KB has no numbers (so such a KB has the
// bytes, and the content hash, it had in format 1.2 or 1.3). A file with FHIR has NUMBERS too,
// possibly with no entries. So a file has kRequiredSectionCount to kSectionCount sections.
inline constexpr std::uint32_t kSectionCount = 13;
inline constexpr std::uint32_t kRequiredSectionCount = 11;
inline constexpr std::uint32_t kNumbersSectionCount = 12;  // with NUMBERS, without FHIR
static_assert(kSectionCount == static_cast<std::uint32_t>(SectionKind::Fhir) &&
                  kRequiredSectionCount == static_cast<std::uint32_t>(SectionKind::Lines) &&
                  kNumbersSectionCount == static_cast<std::uint32_t>(SectionKind::Numbers),
              "kSectionCount and kSectionNames follow SectionKind; only the trailing sections are optional");

inline constexpr std::array<std::string_view, kSectionCount> kSectionNames = {
    "STRINGS", "META", "LEVELS", "FACTS", "DEFINES", "FLAGS", "TOPICS", "TESTS", "CONSTS", "CODE", "LINES", "NUMBERS",
    "FHIR"};

inline constexpr std::string_view section_name(SectionKind kind) {
  return kSectionNames[static_cast<std::uint32_t>(kind) - 1];
}

// The VM's stack is sized by max_stack; 1024 covers 256 levels of nesting with room for
// `at least` lists, and bounds the memory a hostile file can make an evaluation take. The
// number stack (max_number_stack) has the same bound.
inline constexpr std::uint32_t kMaxStack = 1024;

// An `in {...}` set is one 64-bit mask, so an enum has at most 64 values.
inline constexpr std::size_t kMaxEnumValues = 64;

// A uleb operand holds at most a u64: ten groups of 7 bits.
inline constexpr std::size_t kMaxUlebBytes = 10;

// Enumerations stored as one byte: the loader rejects a byte at or above the count.
inline constexpr std::uint8_t kKbStatusCount = 3;     // draft, active, retired
inline constexpr std::uint8_t kFactTypeCount = 6;     // bool, number, quantity, enum, text, integer (1.2)
inline constexpr std::uint8_t kDimensionCount = 6;    // none, mass, time, length, temperature, quantity (1.1)
inline constexpr std::uint8_t kExpectKindCount = 7;   // urgency ... undetermined, score (1.3)
inline constexpr std::uint8_t kNumberKindCount = 3;   // define, score, item (1.3)
inline constexpr std::uint8_t kFhirKindCount = 4;     // observation, condition, item, patient age (1.4)
inline constexpr std::uint8_t kCdsIndicatorCount = 4; // default, info, warning, critical (1.4)

}  // namespace redflag
