// Golden tests for `check`: tests/golden/check/fail_*.rf each state their expected FIRST
// diagnostic in a `# CHECK: line:col: severity[code]: message` comment; ok_*.rf must be clean.
// Set REDFLAG_UPDATE_GOLDEN=1 to rewrite the CHECK lines from the current output.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "compiler/diagnostics/diagnostic_render.hpp"
#include "compiler/frontend.hpp"

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kCheckPrefix = "# CHECK: ";

std::vector<fs::path> golden_files(std::string_view prefix) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(REDFLAG_GOLDEN_DIR)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && entry.path().extension() == ".rf") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  return buffer.str();
}

// The CHECK line's expectation, or "" when the file has none.
std::string expected_of(const std::string& text) {
  const auto at = text.find(kCheckPrefix);
  if (at == std::string::npos) return {};
  const auto end = text.find('\n', at);
  return text.substr(at + kCheckPrefix.size(), end - at - kCheckPrefix.size());
}

// The first diagnostic as a CHECK line shows it.
std::string first_diagnostic(const redflag::FrontendResult& result) {
  if (result.diagnostics.empty()) return "(no diagnostics)";
  const auto& d = result.diagnostics.front();
  return fmt::format("{}:{}: {}[{}]: {}", d.span.begin.line, d.span.begin.column,
                     redflag::severity_name(d.severity), redflag::diag_code(d.kind), d.message);
}

}  // namespace

// Runs in the golden directory so paths in messages ("the first is at x.rf:3:6") are stable.
struct InGoldenDir {
  fs::path previous = fs::current_path();
  InGoldenDir() { fs::current_path(REDFLAG_GOLDEN_DIR); }
  ~InGoldenDir() { fs::current_path(previous); }
};

TEST_CASE("every fail_*.rf golden file reports its CHECK diagnostic first") {
  const InGoldenDir in_golden_dir;
  const bool update = std::getenv("REDFLAG_UPDATE_GOLDEN") != nullptr;
  const auto files = golden_files("fail_");
  REQUIRE(files.size() >= 40);
  for (const auto& path : files) {
    const std::string text = read(path);
    const std::string expected = expected_of(text);
    const std::string actual = first_diagnostic(redflag::check_paths({path.filename().string()}));
    if (update && expected != actual) {
      const auto at = text.find(kCheckPrefix);
      std::string updated = at == std::string::npos
                                ? std::string(kCheckPrefix) + actual + "\n" + text
                                : text.substr(0, at + kCheckPrefix.size()) + actual +
                                      text.substr(text.find('\n', at));
      std::ofstream(path, std::ios::binary) << updated;
      continue;
    }
    INFO(path.filename().string());
    CHECK(actual == expected);
  }
}

TEST_CASE("every ok_*.rf golden file is clean") {
  const auto files = golden_files("ok_");
  REQUIRE(!files.empty());
  for (const auto& path : files) {
    const auto result = redflag::check_paths({path.string()});
    INFO(path.filename().string() << "\n" << redflag::render_text(result.diagnostics, result.files));
    CHECK(result.diagnostics.empty());
  }
}

TEST_CASE("every diagnostic code appears in a golden file") {
  // These cannot live in a committed file; tests/compiler/hostile_test.cpp covers them.
  const std::set<std::string> generated_only = {
      "E001",  // a path that cannot be read
      "E002",  // a directory without `.rf` files
      "E060",  // a file over 64 MiB
      "E064",  // 65,536 `at least` items
  };
  std::set<std::string> seen;
  for (const auto& path : golden_files("fail_")) {
    const std::string expected = expected_of(read(path));
    const auto open = expected.find("[E");  // "error[E012]: ..."
    if (open != std::string::npos) seen.insert(expected.substr(open + 1, 4));
  }
  for (const auto kind : redflag::all_diag_kinds()) {
    const std::string c(redflag::diag_code(kind));
    INFO(c);
    CHECK((seen.count(c) == 1) != (generated_only.count(c) == 1));
  }
}

TEST_CASE("every broken declaration of a file is reported, not just the first") {
  const InGoldenDir in_golden_dir;
  const auto result = redflag::check_paths({"fail_several_errors.rf"});
  std::vector<std::string> lines;
  for (const auto& d : result.diagnostics) {
    lines.push_back(fmt::format("{}:{}: {}", d.span.begin.line, d.span.begin.column,
                                redflag::diag_code(d.kind)));
  }
  CHECK(lines == std::vector<std::string>{"2:1: E010", "4:13: E011", "5:8: E011"});
}

TEST_CASE("a directory loads every .rf below it, sorted, as one KB") {
  const auto result = redflag::check_paths({std::string(REDFLAG_GOLDEN_DIR) + "/multi"});
  INFO(redflag::render_text(result.diagnostics, result.files));
  CHECK(result.diagnostics.empty());
  REQUIRE(result.files.size() == 2);
  CHECK(result.files[0].path < result.files[1].path);
  CHECK(result.kb.flags.size() == 1);
}
