// Serialises an Image into the `.rfb` bytes docs/bytecode.md specifies.
//
// Deterministic: the same Image gives the same bytes on any machine and run. Sections are
// written in kind order and strings are interned in first-use order during that walk, so no
// hash-map iteration reaches the output. The writer trusts its input: run verify_image
// (runtime/verifier.hpp) on compiler output, or load the written bytes back, to check it.
// The code itself is assembled with runtime/code_builder.hpp, included here for the compiler.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "runtime/code_builder.hpp"
#include "runtime/format.hpp"
#include "runtime/image.hpp"

namespace redflag {

// The complete file for [image]: header (with file size, CRC-32 and SHA-256 content hash),
// section table and sections. image.content_hash is ignored; the hash is computed here.
std::vector<std::uint8_t> write_image(const Image& image);

// The byte size of each section write_image(image) would produce, in section-kind order; 0 for
// FHIR when no fact has a binding, and for NUMBERS when the image has neither numbers nor
// bindings: the file leaves those sections out.
std::array<std::uint32_t, kSectionCount> section_sizes(const Image& image);

// How many sections a file with section [sizes] has: the empty trailing optional ones are left out.
std::uint32_t written_section_count(const std::array<std::uint32_t, kSectionCount>& sizes);

}  // namespace redflag
