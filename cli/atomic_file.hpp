// Atomic output files: the previous file stays intact until the new one is complete.
//
// Every verb that writes a file (build, fmt, doc, test --junit) goes through
// write_file_atomically: it writes a temporary file in the target's directory, flushes it to
// disk, and renames it over the target. On a write error, a full disk or file-size limit, SIGINT
// or SIGTERM, the temporary file is removed and the target is untouched, so a failed run never
// leaves a half-written output.
#pragma once

#include <string>
#include <string_view>

namespace redflag::cli {

// Writes [contents] to [path]; returns an empty string on success, else a message naming [path].
[[nodiscard]] std::string write_file_atomically(const std::string& path, std::string_view contents);

}  // namespace redflag::cli
