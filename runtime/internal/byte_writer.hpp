// Appends little-endian primitives to a byte vector: the only way runtime code writes bytes.
//
// Used by the bytecode writer (whole files) and the CodeBuilder (instructions). It never
// seeks except through patch_u32, which the jump back-patching needs.
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

namespace redflag::internal {

class ByteWriter {
 public:
  explicit ByteWriter(std::vector<std::uint8_t>& out) : out_(out) {}

  void u8(std::uint8_t value) { out_.push_back(value); }
  void u16(std::uint16_t value) { little_endian(value, 2); }
  void u32(std::uint32_t value) { little_endian(value, 4); }
  void u64(std::uint64_t value) { little_endian(value, 8); }
  void f64(double value) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    u64(bits);
  }
  // Unsigned LEB128: 7 bits per byte, low group first, high bit set on all but the last.
  void uleb(std::uint64_t value) {
    while (value >= 0x80) {
      out_.push_back(static_cast<std::uint8_t>(value | 0x80));
      value >>= 7;
    }
    out_.push_back(static_cast<std::uint8_t>(value));
  }
  void bytes(const std::uint8_t* data, std::size_t size) { out_.insert(out_.end(), data, data + size); }
  // Overwrites the u32 at [offset] (which must already exist).
  void patch_u32(std::size_t offset, std::uint32_t value) {
    for (std::size_t i = 0; i < 4; ++i) out_[offset + i] = static_cast<std::uint8_t>(value >> (8 * i));
  }

 private:
  void little_endian(std::uint64_t value, int size) {
    for (int i = 0; i < size; ++i) out_.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
  }

  std::vector<std::uint8_t>& out_;
};

}  // namespace redflag::internal
