// Reading KB sources from disk: whether each file's bytes can be parsed at all (a readable
// regular file, size limit, NUL bytes, UTF-8). Which files a set of paths names is
// compiler/source_tree.hpp.
//
// It does not parse; a file that fails these checks is reported and skipped by the parser.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "compiler/diagnostics/diagnostic.hpp"

namespace redflag {

// One KB source: its path as shown in diagnostics, its bytes exactly as read, and the KB-relative
// name the bytecode stores (source_tree.hpp; when empty, the path is stored).
struct SourceFile {
  std::string path;
  std::string text;
  std::string name{};  // `{}`: two-member initializers {path, text} stay complete
};

// The whole of file [file_id], for problems with no position in it.
SourceSpan whole_file(std::uint32_t file_id);

// Why a file of [type] cannot be a source: `it is a FIFO, not a regular file`.
std::string not_regular_reason(std::filesystem::file_type type);

// A file larger than this is not read: 64 MiB bounds the memory of a whole KB.
inline constexpr std::uint64_t kMaxSourceBytes = 64ull << 20;

// Reads [file]'s text from disk and checks its size, NUL bytes and UTF-8; returns whether the
// text can be parsed. Problems are reported at file [file_id].
bool read_source(SourceFile& file, std::uint32_t file_id, Diagnostics& diagnostics);

// Checks [file]'s text against the size limit, for NUL bytes and for invalid UTF-8, reporting
// the first problem; returns whether the text can be parsed.
bool check_text(const SourceFile& file, std::uint32_t file_id, Diagnostics& diagnostics);

}  // namespace redflag
