// One check per rejection reason of docs/bytecode.md "Verification", with the exact message.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <limits>

#include "runtime/bytecode_writer.hpp"
#include "runtime/crc32.hpp"
#include "runtime/loader.hpp"
#include "tests/runtime/test_images.hpp"

namespace redflag {
namespace {

using Bytes = std::vector<std::uint8_t>;

void put_u32(Bytes& bytes, std::size_t offset, std::uint32_t value) {
  for (std::size_t i = 0; i < 4; ++i) bytes[offset + i] = static_cast<std::uint8_t>(value >> (8 * i));
}

std::uint32_t get_u32(const Bytes& bytes, std::size_t offset) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) value |= std::uint32_t{bytes[offset + i]} << (8 * i);
  return value;
}

std::size_t section_offset(const Bytes& bytes, SectionKind kind) {
  return get_u32(bytes, kHeaderSize + (static_cast<std::size_t>(kind) - 1) * kSectionEntrySize + 4);
}

std::string load_error(const Bytes& bytes) { return load_image(bytes.data(), bytes.size()).error; }

std::string load_error(const Image& image) { return load_error(write_image(image)); }

struct ByteCase {
  const char* reason;
  std::function<void(Bytes&)> edit;
};

TEST_CASE("header and section table rejections") {
  const Bytes good = write_image(test::sample_image());
  const std::string size = std::to_string(good.size());
  const std::string strings_at = std::to_string(section_offset(good, SectionKind::Strings));
  const ByteCase cases[] = {
      {"bad magic", [](Bytes& b) { b[1] = 'X'; }},
      {"truncated header (40 of 72 bytes)", [](Bytes& b) { b.resize(40); }},
      {"format version 2.4; this runtime reads 1.4", [](Bytes& b) { b[kOffsetMajor] = 2; }},
      {"format version 1.5; this runtime reads 1.4", [](Bytes& b) { b[kOffsetMinor] = 5; }},
      {"endianness probe mismatch", [](Bytes& b) { b[kOffsetEndianProbe] = 1; }},
      {"float probe mismatch", [](Bytes& b) { b[kOffsetFloatProbe + 7] ^= 0x80; }},
      {nullptr, [](Bytes& b) { b.pop_back(); }},
      {nullptr, [](Bytes& b) { b.push_back(0); }},
      {"content hash mismatch",
       [](Bytes& b) {
         b.back() ^= 1;
         put_u32(b, kOffsetChecksum, 0);
         put_u32(b, kOffsetChecksum, crc32(b.data(), b.size()));
       }},
      {"section count 14, expected 11 to 13", [](Bytes& b) { b[kOffsetSectionCount] = 14; }},
      {"section count 13, expected 11 or 12",
       [](Bytes& b) {
         b[kOffsetMinor] = 3;
         b[kOffsetSectionCount] = 13;
       }},
      {"section count 12, expected 11",
       [](Bytes& b) {
         b[kOffsetMinor] = 2;
         b[kOffsetSectionCount] = 12;
       }},
      {"section 1 has kind 3, expected META", [](Bytes& b) { b[kHeaderSize + kSectionEntrySize] = 3; }},
      {nullptr, [](Bytes& b) { put_u32(b, kHeaderSize + 4, get_u32(b, kHeaderSize + 4) + 1); }},
      {nullptr, [](Bytes& b) { put_u32(b, kHeaderSize + 10 * kSectionEntrySize + 8, 1000000); }},
  };
  const std::string computed_reasons[] = {
      "truncated (file is " + std::to_string(good.size() - 1) + " bytes, header says " + size + ")",
      "file size mismatch (file is " + std::to_string(good.size() + 1) + " bytes, header says " + size + ")",
      "section STRINGS at offset " + std::to_string(std::stoul(strings_at) + 1) + ", expected " + strings_at,
      "sections end at " + std::to_string(section_offset(good, SectionKind::Lines) + 1000000) + ", file is " + size +
          " bytes",
  };
  std::size_t computed = 0;
  for (const ByteCase& c : cases) {
    const std::string reason = c.reason ? c.reason : computed_reasons[computed++];
    DYNAMIC_SECTION(reason) {
      Bytes bytes = good;
      c.edit(bytes);
      // Edits after the magic and size checks need a fresh checksum to be seen at all.
      if (bytes.size() == good.size() && reason != "content hash mismatch") test::reseal(bytes);
      CHECK(load_error(bytes) == "bad bytecode (" + reason + ")");
    }
  }
}

TEST_CASE("a changed byte without a new checksum is a checksum mismatch") {
  Bytes bytes = write_image(test::sample_image());
  bytes[bytes.size() / 2] ^= 0x10;
  CHECK_THAT(load_error(bytes), Catch::Matchers::StartsWith("bad bytecode (checksum mismatch (stored 0x") &&
                                    Catch::Matchers::EndsWith(")"));
}

TEST_CASE("section body rejections") {
  const Bytes good = write_image(test::sample_image());
  const std::size_t meta = section_offset(good, SectionKind::Meta);
  const std::size_t levels = section_offset(good, SectionKind::Levels);
  const std::size_t strings = get_u32(good, section_offset(good, SectionKind::Strings));
  const ByteCase cases[] = {
      {nullptr, [&](Bytes& b) { put_u32(b, meta, 999); }},
      {"truncated LEVELS section", [&](Bytes& b) { put_u32(b, levels, 1000); }},
      {"LEVELS: 4 unread bytes at the end", [&](Bytes& b) { put_u32(b, levels, 2); }},
      {"META: status 7 out of range", [&](Bytes& b) { b[meta + 12] = 7; }},
  };
  const std::string index_reason =
      "META: string index 999 out of range (" + std::to_string(strings) + " strings)";
  for (const ByteCase& c : cases) {
    const std::string reason = c.reason ? c.reason : index_reason;
    DYNAMIC_SECTION(reason) {
      Bytes bytes = good;
      c.edit(bytes);
      test::reseal(bytes);
      CHECK(load_error(bytes) == "bad bytecode (" + reason + ")");
    }
  }
}

struct ImageCase {
  const char* reason;
  std::function<void(Image&)> edit;
};

void check_image_cases(const Image& good, const std::vector<ImageCase>& cases) {
  REQUIRE(load_error(good) == "");
  for (const ImageCase& c : cases) {
    DYNAMIC_SECTION(c.reason) {
      Image image = good;
      c.edit(image);
      CHECK(load_error(image) == std::string("bad bytecode (") + c.reason + ")");
    }
  }
}

TEST_CASE("table rejections") {
  check_image_cases(test::sample_image(), {
      {"STRINGS: string 0 is not valid UTF-8", [](Image& i) { i.meta.id = "\xC0\xAF"; }},
      {"FACTS: fact type 9 out of range", [](Image& i) { i.facts[0].type = static_cast<FactType>(9); }},
      {"FACTS: dimension 6 out of range", [](Image& i) { i.facts[0].dimension = static_cast<Dimension>(6); }},
      {"fact 2 has the unknown unit `kgz`", [](Image& i) { i.facts[2].unit = "kgz"; }},
      {"fact 2 has the unknown unit `mg/(`", [](Image& i) { i.facts[2].unit = "mg/("; }},
      {"fact 2 is a mass in `mm[Hg]`", [](Image& i) { i.facts[2].unit = "mm[Hg]"; }},
      {"TESTS: expectation kind 9 out of range", [](Image& i) { i.tests[0].expectations[0].kind = static_cast<ExpectKind>(9); }},
      {"no levels", [](Image& i) { i.levels.clear(); }},
      {"fact 3 has 0 enum values", [](Image& i) { i.facts[3].values.clear(); }},
      {"fact 3 has 65 enum values", [](Image& i) { i.facts[3].values.resize(65, "x"); }},
      {"fact 0 has 1 enum values", [](Image& i) { i.facts[0].values = {"x"}; }},
      {"flag 1 level 3 out of range (3 levels)", [](Image& i) { i.flags[1].level = 3; }},
      {"flag 0 cites source 1 out of range (1 sources)", [](Image& i) { i.flags[0].cites[0].source = 1; }},
      {"topic 1 cites source 4 out of range (1 sources)", [](Image& i) { i.topics[1].cites = {{4, ""}}; }},
      {"flag 0 sees topic 2 out of range (2 topics)", [](Image& i) { i.flags[0].see = {2}; }},
      {"flag 0 reads fact 5 out of range (5 facts)", [](Image& i) { i.flags[0].facts = {5}; }},
      {"flag 0 facts are not ascending", [](Image& i) { i.flags[0].facts = {2, 1}; }},
      {"test 0 gives fact 5 out of range (5 facts)", [](Image& i) { i.tests[0].givens[0].fact = 5; }},
      {"test 0 gives fact 3 a value that is not one of its enum values", [](Image& i) { i.tests[0].givens[3] = {3, true, 3}; }},
      {"test 0 expects level 3 out of range (3 levels)", [](Image& i) { i.tests[0].expectations[0].args = {3}; }},
      {"test 0 urgency expectation has 2 arguments", [](Image& i) { i.tests[0].expectations[0].args = {0, 1}; }},
      {"test 0 has a bad status expectation", [](Image& i) { i.tests[0].expectations = {{ExpectKind::Status, {2}}}; }},
      {"test 0 expects flag 2 out of range (2 flags)", [](Image& i) { i.tests[0].expectations[1].args = {2}; }},
      {"line table entry 0 is outside the code", [](Image& i) { i.lines[0].code_offset = 1000; }},
      {"line table offsets are not ascending", [](Image& i) { std::swap(i.lines[0], i.lines[1]); }},
  });
}

TEST_CASE("number table rejections") {
  check_image_cases(test::scored_image(), {
      {"NUMBERS: number kind 3 out of range", [](Image& i) { i.numbers[0].kind = static_cast<NumberKind>(3); }},
      {"number 0 score 9 out of range (4 numbers)", [](Image& i) { i.numbers[0].score = 9; }},
      {"number 0 is an item of number 3, which is not a score", [](Image& i) { i.numbers[0].score = 3; }},
      {"number 3 is not an item but has a score", [](Image& i) { i.numbers[3].score = 2; }},
      {"number 1 is on fact 9 out of range (7 facts)", [](Image& i) { i.numbers[1].fact = 9; }},
      {"number 2 reads fact 9 out of range (7 facts)", [](Image& i) { i.numbers[2].facts = {9}; }},
      {"number 2 facts are not ascending", [](Image& i) { i.numbers[2].facts = {6, 5}; }},
      {"number 2 cites source 4 out of range (1 sources)", [](Image& i) { i.numbers[2].cites = {{4, ""}}; }},
      {"flag 2 reads number 7 out of range (4 numbers)", [](Image& i) { i.flags[2].numbers = {7}; }},
      {"flag 2 numbers are not ascending", [](Image& i) { i.flags[2].numbers = {2, 2}; }},
      {"test 1 score expectation has 0 arguments", [](Image& i) { i.tests[1].expectations[0].args.clear(); }},
      {"test 1 expects number 8 out of range (4 numbers)", [](Image& i) { i.tests[1].expectations[0].args = {8}; }},
      {"test 1 expects a score between 3 and 1", [](Image& i) { i.tests[1].expectations[0].low = 3; i.tests[1].expectations[0].high = 1; }},
      {"test 1 expects a score between nan and 1", [](Image& i) { i.tests[1].expectations[0].low = std::nan(""); i.tests[1].expectations[0].high = 1; }},
  });
}

// sample_image() with one Condition binding on fever (fact 0, bool).
Image bound_image() {
  Image image = test::sample_image();
  ImageFhirBinding binding;
  binding.kind = FhirKind::Condition;
  binding.system = "http://snomed.info/sct";
  binding.code = "386661006";
  image.fhir.push_back(binding);
  return image;
}

TEST_CASE("FHIR binding rejections") {
  check_image_cases(bound_image(), {
      {"FHIR: binding kind 4 out of range", [](Image& i) { i.fhir[0].kind = static_cast<FhirKind>(4); }},
      {"binding 0 binds fact 9 out of range (5 facts)", [](Image& i) { i.fhir[0].fact = 9; }},
      {"binding 0 does not fit the type of fact 0", [](Image& i) { i.fhir[0].kind = FhirKind::Observation; }},
      {"binding 0 has no system or code", [](Image& i) { i.fhir[0].system.clear(); }},
      {"binding 0 has no linkId", [](Image& i) { i.fhir[0].kind = FhirKind::Item; i.fhir[0].code.clear(); }},
      {"binding 0 has a partial or misplaced component", [](Image& i) { i.fhir[0].component_code = "8480-6"; }},
      {"binding 0 has a look-back window of -1", [](Image& i) { i.fhir[0].within = -1; }},
      {"binding 0 has the enum value 0 for fact 0", [](Image& i) { i.fhir[0].value = 0; }},
      {"binding 0 has the enum value 3 for fact 3", [](Image& i) { i.fhir[0].fact = 3; i.fhir[0].value = 3; }},
      {"binding 0 is `current` but not a condition", [](Image& i) { i.fhir[0].kind = FhirKind::Item; i.fhir[0].current = true; }},
  });
}

TEST_CASE("NUMBERS has one number list per flag") {
  Bytes bytes = write_image(test::scored_image());
  REQUIRE(get_u32(bytes, kOffsetSectionCount) == kNumbersSectionCount);
  const std::size_t entry = kHeaderSize + (kNumbersSectionCount - 1) * kSectionEntrySize;
  const std::size_t end = get_u32(bytes, entry + 4) + get_u32(bytes, entry + 8);
  // The section ends with u32 n_flags, then {} {} {2}: 4 + 4 + 8 bytes.
  REQUIRE(get_u32(bytes, end - 20) == 3);
  put_u32(bytes, end - 20, 1);
  test::reseal(bytes);
  CHECK(load_error(bytes) == "bad bytecode (NUMBERS: 1 flag lists for 3 flags)");
}

// logic_image with [emit] as the condition, then [edit] applied to the image.
ImageCase code_case(const char* reason, const std::function<void(CodeBuilder&)>& emit,
                    const std::function<void(Image&)>& edit = {}) {
  return {reason, [emit, edit](Image& image) {
            image = test::logic_image(emit);
            if (edit) edit(image);
          }};
}

void push_true(CodeBuilder& code) {
  code.emit(Op::Push);
  code.u8(1);
}

// number_image over [constants] and [numbers] with [emit] as its code, then [edit] applied.
ImageCase number_case(const char* reason, std::vector<double> constants, std::vector<ImageNumber> numbers,
                      const std::function<void(CodeBuilder&)>& emit, const std::function<void(Image&)>& edit = {}) {
  return {reason, [=](Image& image) {
            image = test::number_image(constants, numbers, emit);
            if (edit) edit(image);
          }};
}

ImageNumber slot() {
  ImageNumber number;
  number.name = "x";
  return number;
}

// `1 < 1` through the number stack: NUMK 0; NUMK 0; CMPN <.
void compare_ones(CodeBuilder& code) {
  test::emit_numk(code, 0);
  test::emit_numk(code, 0);
  test::emit_cmpn(code, CmpCode::Lt);
}

TEST_CASE("number code rejections") {
  const std::vector<double> one = {1};
  const double inf = std::numeric_limits<double>::infinity();
  check_image_cases(test::number_image(one, {}, compare_ones), {
      number_case("max_number_stack 1025 exceeds 1024", one, {}, compare_ones, [](Image& i) { i.max_number_stack = 1025; }),
      number_case("number stack underflow in ADD at offset 2", one, {}, [](CodeBuilder& c) {
        test::emit_numk(c, 0);
        c.emit(Op::Add);
      }),
      number_case("number stack underflow in CMPN at offset 2", one, {}, [](CodeBuilder& c) {
        test::emit_numk(c, 0);
        test::emit_cmpn(c, CmpCode::Lt);
      }),
      number_case("number stack underflow in NSET at offset 0", one, {slot()}, [](CodeBuilder& c) {
        test::emit_a(c, Op::NumSet, 0);
      }),
      number_case("number stack depth 2 exceeds max_number_stack 1 at offset 2", one, {}, compare_ones,
                  [](Image& i) { i.max_number_stack = 1; }),
      number_case("number stack depth 1 here but 0 from the jump at offset 2 at offset 9", one, {}, [](CodeBuilder& c) {
        push_true(c);
        c.emit(Op::JumpIfFalse);
        c.u32(2);
        test::emit_numk(c, 0);
        compare_ones(c);
        c.emit(Op::And);
      }),
      number_case("number stack depth 1 differs from 0 at the jump target 14 at offset 9", one, {}, [](CodeBuilder& c) {
        push_true(c);
        c.emit(Op::JumpIfFalse);
        c.u32(7);
        test::emit_numk(c, 0);
        c.emit(Op::JumpIfFalse);
        c.u32(0);
      }),
      number_case("NUM on fact 4 of the wrong type at offset 0", one, {}, [](CodeBuilder& c) {
        test::emit_a(c, Op::Num, test::kP);
      }),
      number_case("fact index 7 out of range (7 facts) at offset 0", one, {}, [](CodeBuilder& c) {
        test::emit_a(c, Op::Num, 7);
      }),
      number_case("constant index 1 out of range (1 constants) at offset 0", one, {}, [](CodeBuilder& c) {
        test::emit_numk(c, 1);
      }),
      number_case("NUMK constant 0 is not finite at offset 0", {inf}, {}, compare_ones),
      number_case("comparison code 6 out of range at offset 4", one, {}, [](CodeBuilder& c) {
        test::emit_numk(c, 0);
        test::emit_numk(c, 0);
        c.emit(Op::CmpNumber);
        c.u8(6);
      }),
      number_case("ITEM with no rows at offset 0", one, {}, [](CodeBuilder& c) { test::emit_item(c, 0, 0, 1); }),
      number_case("ITEM points 1..3 outside the constants (2 constants) at offset 0", {1, 2}, {}, [](CodeBuilder& c) {
        test::emit_item(c, 1, 2, 0);
      }),
      number_case("ITEM constant 1 is not finite at offset 0", {1, std::nan("")}, {}, [](CodeBuilder& c) {
        test::emit_item(c, 0, 2, 0);
      }),
      number_case("ITEM zero flag 2 out of range at offset 2", one, {}, [](CodeBuilder& c) {
        push_true(c);
        test::emit_item(c, 0, 1, 2);
      }),
      number_case("stack underflow in ITEM at offset 2", {1, 2}, {}, [](CodeBuilder& c) {
        push_true(c);
        test::emit_item(c, 0, 2, 0);
      }),
      number_case("stack underflow in ATMOST at offset 2", one, {}, [](CodeBuilder& c) {
        push_true(c);
        test::emit_count(c, Op::AtMost, 1, 2);
      }),
      number_case("stack underflow in EXACTLY at offset 2", one, {}, [](CodeBuilder& c) {
        push_true(c);
        test::emit_count(c, Op::Exactly, 1, 2);
      }),
      number_case("number index 0 out of range (0 numbers) at offset 0", one, {}, [](CodeBuilder& c) {
        test::emit_a(c, Op::NumGet, 0);
      }),
      number_case("NGET of number 0 before its NSET at offset 0", one, {slot()}, [](CodeBuilder& c) {
        test::emit_a(c, Op::NumGet, 0);
      }),
      number_case("number 0 set twice at offset 6", one, {slot()}, [](CodeBuilder& c) {
        for (int i = 0; i < 2; ++i) {
          test::emit_numk(c, 0);
          test::emit_a(c, Op::NumSet, 0);
        }
        push_true(c);
      }),
      number_case("jump at offset 2 crosses NSET at offset 9", one, {slot()}, [](CodeBuilder& c) {
        push_true(c);
        c.emit(Op::JumpIfFalse);
        c.u32(4);
        test::emit_numk(c, 0);
        test::emit_a(c, Op::NumSet, 0);
      }),
      number_case("number 0 is never set", one, {slot()}, push_true),
      number_case("number 0 code offset is not an instruction", one, {slot()}, [](CodeBuilder& c) {
        test::emit_numk(c, 0);
        test::emit_a(c, Op::NumSet, 0);
        push_true(c);
      }, [](Image& i) { i.numbers[0].code_offset = 1; }),
  });
}

TEST_CASE("code rejections") {
  check_image_cases(test::logic_image(push_true), {
      code_case("max_stack 1025 exceeds 1024", push_true, [](Image& i) { i.max_stack = 1025; }),
      code_case("unknown opcode 99 at offset 0", push_true, [](Image& i) { i.code[0] = 99; }),
      code_case("truncated instruction at offset 0", push_true, [](Image& i) { i.code = {0}; }),
      code_case("operand does not fit 64 bits at offset 0", push_true, [](Image& i) {
        i.code = {static_cast<std::uint8_t>(Op::Fact)};
        i.code.insert(i.code.end(), 10, 0xFF);
        i.code.push_back(0);
      }),
      code_case("PUSH operand 3 out of range at offset 0", [](CodeBuilder& c) { c.emit(Op::Push); c.u8(3); }),
      code_case("fact index 6 out of range (6 facts) at offset 0", [](CodeBuilder& c) { test::emit_a(c, Op::Known, 6); }),
      code_case("FACT on fact 3 of the wrong type at offset 0", [](CodeBuilder& c) { test::emit_a(c, Op::Fact, test::kNumber); }),
      code_case("CMPK on fact 5 of the wrong type at offset 0", [](CodeBuilder& c) {
        test::emit_a(c, Op::CmpConst, test::kNote);
        c.u8(0);
        c.uleb(0);
      }),
      code_case("comparison code 6 out of range at offset 0", [](CodeBuilder& c) {
        test::emit_a(c, Op::CmpConst, test::kNumber);
        c.u8(6);
        c.uleb(0);
      }),
      code_case("constant index 1 out of range (1 constants) at offset 0", [](CodeBuilder& c) {
        test::emit_a(c, Op::CmpConst, test::kNumber);
        c.u8(0);
        c.uleb(1);
      }),
      code_case("CMPF compares facts of different types at offset 0", [](CodeBuilder& c) {
        test::emit_a(c, Op::CmpFact, test::kNumber);
        c.u8(0);
        c.uleb(test::kA);
      }),
      code_case("INSET on fact 0 of the wrong type at offset 0", [](CodeBuilder& c) {
        test::emit_a(c, Op::InSet, test::kA);
        c.uleb(1);
      }),
      code_case("INSET mask has bits beyond the 3 values of fact 4 at offset 0", [](CodeBuilder& c) {
        test::emit_a(c, Op::InSet, test::kColour);
        c.uleb(0b1000);
      }),
      code_case("jump target 100 outside the code at offset 2", [](CodeBuilder& c) {
        push_true(c);
        c.emit(Op::JumpIfFalse);
        c.u32(93);
      }),
      code_case("jump at offset 2 lands inside an instruction at offset 7", [](CodeBuilder& c) {
        push_true(c);
        c.emit(Op::JumpIfFalse);
        c.u32(1);
        push_true(c);
        c.emit(Op::And);
      }),
      code_case("stack depth 2 here but 1 from the jump at offset 2 at offset 9", [](CodeBuilder& c) {
        push_true(c);
        c.emit(Op::JumpIfFalse);
        c.u32(2);
        push_true(c);
        push_true(c);
        c.emit(Op::And);
        c.emit(Op::And);
      }),
      code_case("jump at offset 2 crosses FLAG at offset 10", [](CodeBuilder& c) {
        push_true(c);
        c.emit(Op::JumpIfTrue);
        c.u32(5);
        push_true(c);
        c.emit(Op::Or);
      }),
      code_case("stack underflow in AND at offset 2", [](CodeBuilder& c) {
        push_true(c);
        c.emit(Op::And);
      }),
      code_case("stack underflow in JF at offset 0", [](CodeBuilder& c) {
        c.emit(Op::JumpIfFalse);
        c.u32(0);
        push_true(c);
      }),
      code_case("stack underflow in ATLEAST at offset 2", [](CodeBuilder& c) {
        push_true(c);
        test::emit_a(c, Op::AtLeast, 1);
        c.uleb(2);
      }),
      code_case("stack depth 2 exceeds max_stack 1 at offset 2", push_true, [](Image& i) {
        i.code.insert(i.code.begin(), {0, 1});
        i.max_stack = 1;
      }),
      code_case("HALT before the end of the code at offset 0", push_true, [](Image& i) {
        i.code.insert(i.code.begin(), static_cast<std::uint8_t>(Op::Halt));
      }),
      code_case("code does not end with HALT", push_true, [](Image& i) { i.code.pop_back(); }),
      code_case("code does not end with HALT", push_true, [](Image& i) { i.code.clear(); }),
      code_case("flag 0 set twice at offset 6", [](CodeBuilder& c) {
        push_true(c);
        test::emit_a(c, Op::Flag, 0);
        push_true(c);
      }),
      code_case("flag index 1 out of range (1 flags) at offset 2", push_true, [](Image& i) { i.code[3] = 1; }),
      code_case("flag 1 is never set", push_true, [](Image& i) { i.flags.push_back(i.flags[0]); }),
      code_case("flag 0 code offset is not an instruction", push_true, [](Image& i) { i.flags[0].code_offset = 1; }),
      code_case("define index 0 out of range (0 defines) at offset 0", [](CodeBuilder& c) { test::emit_a(c, Op::DefGet, 0); }),
      code_case("DEFGET of define 0 before its DEFSET at offset 0", [](CodeBuilder& c) { test::emit_a(c, Op::DefGet, 0); },
                [](Image& i) { i.defines = {{"d", 0}}; }),
      code_case("define 0 set twice at offset 6", [](CodeBuilder& c) {
        push_true(c);
        test::emit_a(c, Op::DefSet, 0);
        push_true(c);
        test::emit_a(c, Op::DefSet, 0);
        push_true(c);
      }, [](Image& i) { i.defines = {{"d", 0}}; }),
      code_case("define 0 is never set", push_true, [](Image& i) { i.defines = {{"d", 0}}; }),
      code_case("define 0 code offset is not an instruction", [](CodeBuilder& c) {
        push_true(c);
        test::emit_a(c, Op::DefSet, 0);
        push_true(c);
      }, [](Image& i) { i.defines = {{"d", 1}}; }),
      code_case("URGENCY before every FLAG has run at offset 0", [](CodeBuilder& c) {
        c.emit(Op::Urgency);
        c.u8(0);
        c.uleb(0);
      }),
      code_case("level index 2 out of range (2 levels) at offset 4", push_true, [](Image& i) {
        i.code.pop_back();
        i.code.insert(i.code.end(), {static_cast<std::uint8_t>(Op::Urgency), 0, 2,
                                     static_cast<std::uint8_t>(Op::Not), static_cast<std::uint8_t>(Op::Halt)});
      }),
      code_case("TOPIC for topic 0 without a condition at offset 6", push_true, [](Image& i) {
        i.code.pop_back();
        i.code.insert(i.code.end(), {0, 1, static_cast<std::uint8_t>(Op::Topic), 0, static_cast<std::uint8_t>(Op::Halt)});
        i.max_stack = 1;
        i.topics = {{"t", "", "", {}, false}};
      }),
      code_case("topic 0 condition is never set", push_true, [](Image& i) { i.topics = {{"t", "", "", {}, true}}; }),
  });
}

}  // namespace
}  // namespace redflag
