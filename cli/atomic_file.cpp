#include "cli/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>

#include "cli/original_file.hpp"
#include "cli/temp_file_names.hpp"

namespace redflag::cli {
namespace {

// The temporary file being written, for the signal handler (async-signal-safe access only).
std::array<char, 4096> pending_temp{};
volatile std::sig_atomic_t has_pending_temp = 0;

extern "C" void remove_pending_temp_and_reraise(int signal_number) {
  if (has_pending_temp) unlink(pending_temp.data());
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

// Removes the temporary file on SIGINT/SIGTERM while it exists; restores handlers after.
class PendingTemp {
 public:
  explicit PendingTemp(const std::string& path) {
    std::strncpy(pending_temp.data(), path.c_str(), pending_temp.size() - 1);
    has_pending_temp = 1;
    previous_int_ = std::signal(SIGINT, remove_pending_temp_and_reraise);
    previous_term_ = std::signal(SIGTERM, remove_pending_temp_and_reraise);
  }
  ~PendingTemp() {
    std::signal(SIGINT, previous_int_);
    std::signal(SIGTERM, previous_term_);
    has_pending_temp = 0;
  }
  PendingTemp(const PendingTemp&) = delete;
  PendingTemp& operator=(const PendingTemp&) = delete;

 private:
  void (*previous_int_)(int) = SIG_DFL;
  void (*previous_term_)(int) = SIG_DFL;
};

// Creates [temp] exclusively. One left by an earlier process with this process's id is stale.
int create_temp(const std::string& temp) {
  const int flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW;
  int fd = open(temp.c_str(), flags, 0600);
  if (fd < 0 && errno == EEXIST && unlink(temp.c_str()) == 0) fd = open(temp.c_str(), flags, 0600);
  return fd;
}

// Gives the temporary file [fd] the mode and owner of [previous], or a new file's mode. The owner
// is kept when the system allows it, else the group, as `sed -i` does; chown comes first because
// it clears the set-user-id bits.
void copy_metadata(int fd, const std::optional<struct stat>& previous) {
  if (!previous) {
    const mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    return;
  }
  if (fchown(fd, previous->st_uid, previous->st_gid) != 0) (void)fchown(fd, static_cast<uid_t>(-1), previous->st_gid);
  fchmod(fd, previous->st_mode & 07777);
}

constexpr std::string_view kChangedMeanwhile =
    "it changed while redflag was working on it; it was left as it is, run the command again";

}  // namespace

std::string cannot_write(const std::string& shown, std::string_view reason) {
  return "cannot write `" + shown + "`: " + std::string(reason);
}

std::string write_failure(const std::string& shown, const char* what, int error_number) {
  const std::string reason = std::strerror(error_number);
  return cannot_write(shown, what ? std::string(what) + ": " + reason : reason);
}

bool write_all(int fd, std::string_view contents) {
  while (!contents.empty()) {
    const ssize_t written = write(fd, contents.data(), contents.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    contents.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

std::string replace_file_atomically(const Replacement& replacement, std::string_view contents) {
  const std::string& path = replacement.path;
  remove_stale_temp_files(path);
  const std::string temp = temp_file_name(path);
  // SIGINT and SIGTERM wait until the handler knows the temporary file: one arriving between
  // its creation and the handler left the file behind (4 times in 150 runs of `doc` killed early).
  sigset_t signals;
  sigset_t previous_mask;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigprocmask(SIG_BLOCK, &signals, &previous_mask);
  const int fd = create_temp(temp);
  if (fd < 0) {
    const int error_number = errno;
    sigprocmask(SIG_SETMASK, &previous_mask, nullptr);
    return write_failure(replacement.shown, "cannot create a temporary file", error_number);
  }
  PendingTemp pending(temp);
  sigprocmask(SIG_SETMASK, &previous_mask, nullptr);
  int error_number = 0;
  const char* what = nullptr;
  if (!write_all(fd, contents)) {
    error_number = errno;
    what = "write failed";
  } else if (fsync(fd) != 0) {
    error_number = errno;
    what = "flush failed";
  }
  copy_metadata(fd, replacement.previous);
  if (close(fd) != 0 && !what) {
    error_number = errno;
    what = "close failed";
  }
  OriginalFile original;
  if (!what && replacement.unchanged && !original.holds(path, *replacement.unchanged)) {
    unlink(temp.c_str());
    return cannot_write(replacement.shown, kChangedMeanwhile);
  }
  if (!what && std::rename(temp.c_str(), path.c_str()) != 0) {
    error_number = errno;
    what = "rename failed";
  }
  if (what) {
    unlink(temp.c_str());
    return write_failure(replacement.shown, what, error_number);
  }
  if (!replacement.unchanged) return {};
  // An edit that reached the old file between the check and the rename is put back.
  const auto edited = original.edited_content(*replacement.unchanged);
  if (!edited) return {};
  const std::string error = replace_file_atomically({path, replacement.shown, replacement.previous, std::nullopt}, *edited);
  return error.empty() ? cannot_write(replacement.shown, kChangedMeanwhile) : error;
}

}  // namespace redflag::cli
