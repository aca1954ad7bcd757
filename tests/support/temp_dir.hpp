// A fresh directory under the system temp directory for one test, removed at scope exit.
//
// Named by process id and a count: CTest runs several test processes at once, and an unseeded
// std::rand() gave each of them the same name, so one test removed another's files.
#pragma once

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <string_view>

namespace redflag::test_support {

struct TempDir {
  explicit TempDir(std::string_view prefix = "redflag_test") {
    static int count = 0;
    path = std::filesystem::temp_directory_path() / fmt::format("{}_{}_{}", prefix, ::getpid(), count++);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::filesystem::path path;
};

}  // namespace redflag::test_support
