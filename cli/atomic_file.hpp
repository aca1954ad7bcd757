// Replacing a regular file atomically: the previous file stays intact until the new one is
// complete.
//
// replace_file_atomically writes a temporary file beside the target (temp_file_names.hpp), gives
// it the target's mode and owner (a new file gets 0666 minus the umask), flushes it to disk and
// renames it over the target. On a write error, a full disk or file-size limit, SIGINT or
// SIGTERM, the temporary file is removed and the target is untouched. SIGKILL cannot be caught:
// its temporary file is removed by the next write to the same target. Only output_target.cpp
// calls it, for a target it has resolved to a regular file or a new name.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <sys/stat.h>

namespace redflag::cli {

struct Replacement {
  std::string path;                           // the regular file to replace or create
  std::string shown;                          // its name in messages, as the user gave it
  std::optional<struct stat> previous;        // the target's status, when it exists
  std::optional<std::string_view> unchanged;  // the target's content when read: refuse if it changed
};

// Writes [contents] as [replacement].path; returns an empty string on success, else a message
// naming [replacement].shown.
[[nodiscard]] std::string replace_file_atomically(const Replacement& replacement, std::string_view contents);

// `cannot write `SHOWN`: REASON`, the shape of every output error.
std::string cannot_write(const std::string& shown, std::string_view reason);

// cannot_write with REASON `WHAT: STRERROR`, or `STRERROR` for a null [what].
std::string write_failure(const std::string& shown, const char* what, int error_number);

// Writes all of [contents] to [fd]; false with errno set when a write failed.
bool write_all(int fd, std::string_view contents);

}  // namespace redflag::cli
