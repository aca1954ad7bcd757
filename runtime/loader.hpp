// Loads `.rfb` bytes into a verified Image, or says exactly why it cannot.
//
// The loader trusts nothing: it checks the header, checksum, content hash and section table,
// parses every section with bounds-checked reads, resolves the string table, then runs the
// verifier (runtime/verifier.hpp) over tables and code. On any input it returns a value; it
// never throws, crashes or reads outside the buffer. It does not evaluate anything.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "runtime/image.hpp"

namespace redflag {

// Either a verified image (with content_hash filled from the header) or an error of the form
// `bad bytecode (<reason>)`, or `cannot read <path>: <why>` when [unreadable].
struct LoadResult {
  std::optional<Image> image;
  std::string error;        // empty when image is set
  bool unreadable = false;  // load_file could not read the file (the C API's RF_ERROR_IO)

  bool ok() const { return image.has_value(); }
};

// Loads and verifies the [size] bytes at [data].
LoadResult load_image(const std::uint8_t* data, std::size_t size);

// True when the [size] bytes at [data] begin with the `.rfb` magic: the one test of "bytecode or
// sources" (a source file can never start with it: byte 0x89 is not valid UTF-8 there).
bool looks_like_rfb(const std::uint8_t* data, std::size_t size);

// Reads the file at [path] and loads it; an unreadable file gives `cannot read <path>: <why>`.
LoadResult load_file(const std::string& path);

}  // namespace redflag
