// What the in-process tests of redflag_tools share: KBs compiled from text, files in a
// scratch directory that removes itself.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "compiler/compiler.hpp"

namespace redflag::test {

// The Image compiled from the one source [text]; the test fails when it does not compile.
inline Image compiled(const std::string& text) {
  auto result = compile_sources({{"kb.rf", text}});
  for (const auto& diagnostic : result.frontend.diagnostics) UNSCOPED_INFO(diagnostic.message);
  REQUIRE(result.ok());
  return std::move(*result.image);
}

// A fresh directory under the system temp directory, removed at scope exit.
class ScratchDir {
 public:
  ScratchDir() {
    std::random_device seed;
    path_ = std::filesystem::temp_directory_path() / ("redflag_tools_" + std::to_string(seed()));
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  // Writes [contents] to [name] in the directory; returns its path.
  std::string write(const std::string& name, std::string_view contents) const {
    const auto file = path_ / name;
    std::ofstream(file, std::ios::binary).write(contents.data(), static_cast<std::streamsize>(contents.size()));
    return file.string();
  }
  std::string path(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace redflag::test
