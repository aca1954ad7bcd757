#include "cli/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>

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
    // Past a file-size limit (`ulimit -f`), let write() fail with EFBIG instead of killing us.
    previous_xfsz_ = std::signal(SIGXFSZ, SIG_IGN);
  }
  ~PendingTemp() {
    std::signal(SIGINT, previous_int_);
    std::signal(SIGTERM, previous_term_);
    std::signal(SIGXFSZ, previous_xfsz_);
    has_pending_temp = 0;
  }
  PendingTemp(const PendingTemp&) = delete;
  PendingTemp& operator=(const PendingTemp&) = delete;

 private:
  void (*previous_int_)(int) = SIG_DFL;
  void (*previous_term_)(int) = SIG_DFL;
  void (*previous_xfsz_)(int) = SIG_DFL;
};

std::string failure(const std::string& path, const char* what, int error_number) {
  return "cannot write `" + path + "`: " + what + ": " + std::strerror(error_number);
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

}  // namespace

std::string write_file_atomically(const std::string& path, std::string_view contents) {
  const std::filesystem::path target(path);
  const auto directory = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::string temp = (directory / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  // SIGINT and SIGTERM wait until the handler knows the temporary file: one arriving between
  // mkstemp and the handler left the file behind (4 times in 150 runs of `doc` killed early).
  sigset_t signals;
  sigset_t previous_mask;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigprocmask(SIG_BLOCK, &signals, &previous_mask);
  const int fd = mkstemp(temp.data());
  if (fd < 0) {
    const int error_number = errno;
    sigprocmask(SIG_SETMASK, &previous_mask, nullptr);
    return failure(path, "cannot create a temporary file", error_number);
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
  // mkstemp creates 0600; outputs are ordinary files, readable as the umask allows.
  const mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  if (close(fd) != 0 && !what) {
    error_number = errno;
    what = "close failed";
  }
  if (!what && std::rename(temp.c_str(), path.c_str()) != 0) {
    error_number = errno;
    what = "rename failed";
  }
  if (what) {
    unlink(temp.c_str());
    return failure(path, what, error_number);
  }
  return {};
}

}  // namespace redflag::cli
