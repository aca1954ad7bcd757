// A bounds-checked little-endian cursor over untrusted bytes.
//
// Every read checks the remaining length first and, once one read fails, the reader stays
// failed and returns zeros, so a parser can read a whole record and test `failed()` once.
// It never reads outside [data, data + size).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace redflag::internal {

class ByteReader {
 public:
  ByteReader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  std::uint8_t u8() { return static_cast<std::uint8_t>(little_endian(1)); }
  std::uint16_t u16() { return static_cast<std::uint16_t>(little_endian(2)); }
  std::uint32_t u32() { return static_cast<std::uint32_t>(little_endian(4)); }
  std::uint64_t u64() { return little_endian(8); }
  double f64() {
    const std::uint64_t bits = u64();
    double value = 0;
    std::memcpy(&value, &bits, sizeof value);
    return value;
  }
  // Returns a pointer to the next [count] bytes and skips them; nullptr when too few remain.
  const std::uint8_t* bytes(std::size_t count) {
    if (failed_ || count > size_ - pos_) {
      failed_ = true;
      return nullptr;
    }
    const std::uint8_t* start = data_ + pos_;
    pos_ += count;
    return start;
  }

  std::size_t position() const { return pos_; }
  std::size_t remaining() const { return size_ - pos_; }
  bool failed() const { return failed_; }
  void fail() { failed_ = true; }

 private:
  std::uint64_t little_endian(std::size_t count) {
    const std::uint8_t* start = bytes(count);
    std::uint64_t value = 0;
    if (start == nullptr) return 0;
    for (std::size_t i = 0; i < count; ++i) value |= std::uint64_t{start[i]} << (8 * i);
    return value;
  }

  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
  bool failed_ = false;
};

}  // namespace redflag::internal
