// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), the same function as zlib's `crc32`.
//
// The `.rfb` header stores it to catch corruption in transit; it is not a security measure
// (the SHA-256 content hash identifies the KB). Hand-written so the runtime needs no zlib.
#pragma once

#include <cstddef>
#include <cstdint>

namespace redflag {

// Continues the CRC [crc] (0 to start) over [size] bytes at [data].
std::uint32_t crc32(const std::uint8_t* data, std::size_t size, std::uint32_t crc = 0);

}  // namespace redflag
