// The file `fmt` rewrites in place, watched for edits made while it ran (atomic_file.hpp).
//
// Before the rename, holds() opens the file and compares its bytes with the text that was
// formatted. An editor that opened the file before the rename can still write to it just after:
// that write lands in the old file, which the rename has unlinked. So the old file stays open, and
// after the rename edited_content() reads it again; if it changed, the caller puts it back.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace redflag::cli {

class OriginalFile {
 public:
  OriginalFile() = default;
  ~OriginalFile();
  OriginalFile(const OriginalFile&) = delete;
  OriginalFile& operator=(const OriginalFile&) = delete;

  // Opens the file at [path]; whether it holds exactly [expected].
  bool holds(const std::string& path, std::string_view expected);
  // The content of the file opened by holds(), if it is no longer [expected].
  std::optional<std::string> edited_content(std::string_view expected) const;

 private:
  int fd_ = -1;
};

}  // namespace redflag::cli
