#include "cli/output_target.hpp"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "cli/atomic_file.hpp"
#include "cli/standard_output.hpp"

namespace redflag::cli {
namespace {

struct OutputChecks {
  const std::vector<SourceFile>* inputs = nullptr;  // the files the verb read, which it must not write
  std::optional<std::string_view> unchanged;        // the target's content as read (fmt in place)
};

// Linux's limit on the symbolic links followed in one path (MAXSYMLINKS).
constexpr int kMaxSymlinkHops = 40;

bool same_file(const struct stat& a, const struct stat& b) { return a.st_dev == b.st_dev && a.st_ino == b.st_ino; }

// The final target of [name] after following symbolic links (it may not exist yet: a dangling
// link's target is created). Null with errno set on a loop or an unreadable link.
std::optional<std::string> follow_symlinks(const std::string& name) {
  std::filesystem::path path(name);
  for (int hop = 0; hop < kMaxSymlinkHops; ++hop) {
    struct stat status {};
    if (lstat(path.c_str(), &status) != 0 || !S_ISLNK(status.st_mode)) return path.string();
    std::error_code error;
    const std::filesystem::path link = std::filesystem::read_symlink(path, error);
    if (error) {
      errno = error.value();
      return std::nullopt;
    }
    path = link.is_absolute() ? link : path.parent_path() / link;
  }
  errno = ELOOP;
  return std::nullopt;
}

// The input that is the same file as [target], if any.
const SourceFile* input_at(const struct stat& target, const std::vector<SourceFile>* inputs) {
  if (inputs == nullptr) return nullptr;
  for (const SourceFile& input : *inputs) {
    struct stat status {};
    if (stat(input.path.c_str(), &status) == 0 && same_file(status, target)) return &input;
  }
  return nullptr;
}

// A descriptor open for writing on the device, FIFO or socket at [path], or -1 with errno set.
int open_special(const std::string& path, bool socket) {
  if (!socket) return open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (path.size() >= sizeof address.sun_path) {
    errno = ENAMETOOLONG;
    return -1;
  }
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd >= 0 && connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    const int error_number = errno;
    close(fd);
    errno = error_number;
    return -1;
  }
  return fd;
}

// Writes [contents] through to the device, FIFO or socket at [path].
std::string write_through(const std::string& path, const std::string& shown, std::string_view contents, bool socket) {
  const int fd = open_special(path, socket);
  if (fd < 0) return write_failure(shown, "cannot open it", errno);
  const bool written = write_all(fd, contents);
  const int error_number = errno;
  if (close(fd) != 0 && written) return write_failure(shown, "close failed", errno);
  return written ? std::string() : write_failure(shown, "write failed", error_number);
}

}  // namespace

bool is_standard_output(const std::string& name) {
  if (name == "-") return true;
  struct stat target {};
  struct stat out {};
  return standard_output_was_open() && stat(name.c_str(), &target) == 0 && fstat(STDOUT_FILENO, &out) == 0 &&
         same_file(target, out);
}

namespace {

// write_output and rewrite_source, with their checks.
std::string write_checked(const std::string& name, std::string_view contents, const OutputChecks& checks) {
  // A source rewritten in place is a file, even one named `-`.
  if (!checks.unchanged && is_standard_output(name)) {
    print_output(contents);
    return {};
  }
  const auto path = follow_symlinks(name);
  if (!path) return write_failure(name, "cannot follow the symbolic link", errno);
  struct stat status {};
  if (stat(path->c_str(), &status) != 0) {
    if (errno != ENOENT) return write_failure(name, "cannot inspect it", errno);
    return replace_file_atomically({*path, name, std::nullopt, checks.unchanged}, contents);
  }
  if (const SourceFile* input = input_at(status, checks.inputs)) {
    return cannot_write(name, "it is the input `" + input->path + "`; choose another output");
  }
  if (S_ISDIR(status.st_mode)) return cannot_write(name, "it is a directory");
  if (!S_ISREG(status.st_mode)) return write_through(*path, name, contents, S_ISSOCK(status.st_mode));
  if ((status.st_mode & 0222) == 0) {
    return cannot_write(name, fmt::format("it is read-only (mode {:04o})", status.st_mode & 07777));
  }
  if (access(path->c_str(), W_OK) != 0) return write_failure(name, nullptr, errno);
  return replace_file_atomically({*path, name, status, checks.unchanged}, contents);
}

}  // namespace

std::string write_output(const std::string& name, std::string_view contents, const std::vector<SourceFile>& inputs) {
  return write_checked(name, contents, {&inputs, std::nullopt});
}

std::string rewrite_source(const SourceFile& file, std::string_view contents) {
  return write_checked(file.path, contents, {nullptr, file.text});
}

}  // namespace redflag::cli
