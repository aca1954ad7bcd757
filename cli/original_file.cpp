#include "cli/original_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace redflag::cli {
namespace {

// Up to [limit] bytes of [fd] from its start (fewer at its end or on an error).
std::string read_from_start(int fd, std::size_t limit) {
  std::string text;
  char block[1 << 16];
  while (text.size() < limit) {
    const std::size_t wanted = std::min(sizeof block, limit - text.size());
    const ssize_t n = pread(fd, block, wanted, static_cast<off_t>(text.size()));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    text.append(block, static_cast<std::size_t>(n));
  }
  return text;
}

}  // namespace

OriginalFile::~OriginalFile() {
  if (fd_ >= 0) close(fd_);
}

bool OriginalFile::holds(const std::string& path, std::string_view expected) {
  fd_ = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  // One byte more than expected, to see that the file grew.
  return fd_ >= 0 && read_from_start(fd_, expected.size() + 1) == expected;
}

std::optional<std::string> OriginalFile::edited_content(std::string_view expected) const {
  std::string now = read_from_start(fd_, static_cast<std::size_t>(-1));
  if (now == expected) return std::nullopt;
  return now;
}

}  // namespace redflag::cli
