#include "cli/temp_file_names.hpp"

#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <filesystem>
#include <string_view>

namespace redflag::cli {
namespace {

constexpr std::string_view kMarker = ".redflag-tmp-";

struct TargetParts {
  std::string directory;  // "." for a bare name
  std::string prefix;     // `.NAME.redflag-tmp-`
};

TargetParts parts_of(const std::string& target) {
  const std::filesystem::path path(target);
  return {path.has_parent_path() ? path.parent_path().string() : std::string("."),
          "." + path.filename().string() + std::string(kMarker)};
}

// Whether process [pid] is gone (EPERM means it exists under another user).
bool process_is_gone(pid_t pid) { return kill(pid, 0) != 0 && errno == ESRCH; }

}  // namespace

std::string temp_file_name(const std::string& target) {
  const TargetParts parts = parts_of(target);
  return parts.directory + "/" + parts.prefix + std::to_string(getpid());
}

void remove_stale_temp_files(const std::string& target) {
  const TargetParts parts = parts_of(target);
  DIR* directory = opendir(parts.directory.c_str());
  if (directory == nullptr) return;  // the write itself will say why the directory is unusable
  while (const dirent* entry = readdir(directory)) {
    const std::string_view name = entry->d_name;
    if (name.size() <= parts.prefix.size() || name.substr(0, parts.prefix.size()) != parts.prefix) continue;
    const std::string_view digits = name.substr(parts.prefix.size());
    pid_t pid = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), pid);
    if (error != std::errc() || end != digits.data() + digits.size() || pid <= 0 || !process_is_gone(pid)) continue;
    const std::string path = parts.directory + "/" + std::string(name);
    struct stat status {};
    if (lstat(path.c_str(), &status) == 0 && S_ISREG(status.st_mode)) unlink(path.c_str());
  }
  closedir(directory);
}

}  // namespace redflag::cli
