// Reading KB sources from disk: which files a set of paths names, and whether each file's bytes
// can be parsed at all (size limit, NUL bytes, UTF-8).
//
// It does not parse; a file that fails these checks is reported and skipped by the parser.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/diagnostics/diagnostic.hpp"

namespace redflag {

// One KB source: its path as shown in diagnostics and its bytes exactly as read.
struct SourceFile {
  std::string path;
  std::string text;
};

// A file larger than this is not read: 64 MiB bounds the memory of a whole KB.
inline constexpr std::uint64_t kMaxSourceBytes = 64ull << 20;

// Expands [paths] into source files: a file is taken as is, a directory contributes every `*.rf`
// below it, sorted by path. Each becomes an entry of [files] with empty text; a path that does
// not exist, or a directory without `.rf` files, gets an entry too and an E001/E002 in
// [diagnostics]. Returns the ids of the entries that should be read.
std::vector<std::uint32_t> expand_paths(const std::vector<std::string>& paths,
                                        std::vector<SourceFile>& files, Diagnostics& diagnostics);

// Reads [file]'s text from disk and checks its size, NUL bytes and UTF-8; returns whether the
// text can be parsed. Problems are reported at file [file_id].
bool read_source(SourceFile& file, std::uint32_t file_id, Diagnostics& diagnostics);

// Checks [file]'s text against the size limit, for NUL bytes and for invalid UTF-8, reporting
// the first problem; returns whether the text can be parsed.
bool check_text(const SourceFile& file, std::uint32_t file_id, Diagnostics& diagnostics);

}  // namespace redflag
