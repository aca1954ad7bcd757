// What the in-process tests of redflag_tools share: KBs compiled from text, files in a
// scratch directory that removes itself.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>

#include "compiler/compiler.hpp"
#include "runtime/vm.hpp"
#include "tools/eval/eval_pipeline.hpp"

namespace redflag::test {

// The Image compiled from the one source [text]; the test fails when it does not compile.
inline Image compiled(const std::string& text) {
  auto result = compile_sources({{"kb.rf", text}});
  for (const auto& diagnostic : result.frontend.diagnostics) UNSCOPED_INFO(diagnostic.message);
  REQUIRE(result.ok());
  return std::move(*result.image);
}

// What evaluate_cases wrote into an in-memory writer, and how the batch went.
struct EvalRun {
  std::string output;
  tools::EvalOutcome outcome;
};

// Evaluates [inputs] against [image] in [format] on [jobs] threads, in blocks of [block_bytes],
// asking [stop_requested] (when given) whether to stop.
inline EvalRun evaluated(const Image& image, const std::vector<std::string>& inputs, tools::OutputFormat format,
                         unsigned jobs = 1, std::size_t block_bytes = tools::InputSource::kBlockBytes,
                         std::function<bool()> stop_requested = {},
                         std::function<void(const tools::EvalOutcome&)> progress = {}) {
  const Program program(image);
  tools::EvalSettings settings;
  settings.inputs = inputs;
  settings.format = format;
  settings.jobs = jobs;
  settings.block_bytes = block_bytes;
  settings.stop_requested = std::move(stop_requested);
  settings.progress = std::move(progress);
  const auto writer = tools::make_result_writer(format, image, nullptr);
  EvalRun run;
  run.outcome = tools::evaluate_cases(image, program, settings, *writer);
  run.output = fmt::to_string(writer->buffer());
  return run;
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
