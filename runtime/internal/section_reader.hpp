// Reads one section body of an `.rfb` file: primitives, resolved strings and counted lists.
//
// Wraps a ByteReader with the section's name and the string table so that every failure
// becomes one short reason naming the section. The first failure wins; later reads return
// zeros and empty strings, so parsers check `failed()` once per record, not per field.
#pragma once

#include <string>
#include <vector>

#include "runtime/format.hpp"
#include "runtime/internal/byte_reader.hpp"

namespace redflag::internal {

class SectionReader {
 public:
  SectionReader(const std::uint8_t* data, std::size_t size, SectionKind kind, const std::vector<std::string>& strings)
      : reader_(data, size), kind_(kind), strings_(strings) {}

  std::uint8_t u8() { return checked(reader_.u8()); }
  std::uint32_t u32() { return checked(reader_.u32()); }
  double f64() { return checked(reader_.f64()); }
  const std::uint8_t* bytes(std::size_t count) { return checked(reader_.bytes(count)); }

  // A `str`: a string-table index, or "none" read as the empty string.
  std::string str() {
    const std::uint32_t index = u32();
    if (failed() || index == kNoString) return {};
    if (index >= strings_.size()) {
      fail("string index " + std::to_string(index) + " out of range (" + std::to_string(strings_.size()) +
           " strings)");
      return {};
    }
    return strings_[index];
  }

  // A one-byte enumeration that must be below [count]; [field] names it in the error.
  std::uint8_t enum_byte(const char* field, std::uint8_t count) {
    const std::uint8_t value = u8();
    if (!failed() && value >= count) fail(std::string(field) + " " + std::to_string(value) + " out of range");
    return value;
  }

  // A `u32 n` list length; fails unless n entries of at least [min_entry_bytes] each can fit,
  // which bounds every allocation by the file size.
  std::uint32_t count(std::size_t min_entry_bytes) {
    const std::uint32_t n = u32();
    if (!failed() && n > reader_.remaining() / min_entry_bytes) fail_truncated();
    return failed() ? 0 : n;
  }

  std::vector<std::string> strs() {
    std::vector<std::string> texts(count(4));
    for (auto& text : texts) text = str();
    return texts;
  }

  std::vector<std::uint32_t> u32s() {
    std::vector<std::uint32_t> values(count(4));
    for (auto& value : values) value = u32();
    return values;
  }

  // Fails unless every byte of the section was read.
  void expect_end() {
    if (!failed() && reader_.remaining() != 0) {
      fail(std::to_string(reader_.remaining()) + " unread bytes at the end");
    }
  }

  void fail(const std::string& reason) {
    if (error_.empty()) error_ = std::string(section_name(kind_)) + ": " + reason;
    reader_.fail();
  }
  bool failed() const { return reader_.failed(); }
  // The reason for the first failure ("FACTS: ..."), or empty.
  const std::string& error() const { return error_; }

 private:
  template <typename T>
  T checked(T value) {
    if (reader_.failed()) fail_truncated();
    return value;
  }
  void fail_truncated() {
    if (error_.empty()) error_ = "truncated " + std::string(section_name(kind_)) + " section";
    reader_.fail();
  }

  ByteReader reader_;
  SectionKind kind_;
  const std::vector<std::string>& strings_;
  std::string error_;
};

}  // namespace redflag::internal
