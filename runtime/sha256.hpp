// SHA-256 (FIPS 180-4), hand-written so the runtime depends on the standard library only.
//
// Used for the `.rfb` content hash, which names the exact rules behind every evaluation.
// One-shot only: a KB is hashed once, at write or load time, so no streaming interface.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace redflag {

using Sha256Digest = std::array<std::uint8_t, 32>;

// The digest of [size] bytes at [data].
Sha256Digest sha256(const std::uint8_t* data, std::size_t size);

// [digest] as 64 lowercase hex digits, the form every output prints.
std::string to_hex(const Sha256Digest& digest);

}  // namespace redflag
