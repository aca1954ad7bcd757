// Golden tests for `check`: every tests/golden/check/*.rf file pins, in order, every diagnostic the
// front end (check_paths) reports for it, one comment line per diagnostic:
//
//   # CHECK: line:col: severity[code]: message
//
// for example `# CHECK: 11:21: error[E040]: unknown unit `kgz`; did you mean `kg` or `kgs`?`.
// Help lines are not pinned (render_test.cpp covers rendering). The CHECK lines form one block at the
// top of the file, and their line numbers count the block itself: they are the file's real
// positions, as `redflag check` prints them. A KB-wide problem shows as `0:0`; a newline in a
// message would show as `\n`. fail_*.rf must report at least one error; ok_*.rf must report no
// error and carry no CHECK line unless it has warnings, which it pins the same way. The test fails
// when a diagnostic is missing, extra, reordered or changed, printing expected against actual.
//
// To accept what the compiler reports now, run
//
//   REDFLAG_UPDATE_GOLDEN=1 build/tests/compiler/frontend_test
//
// which rewrites the CHECK block of every file that differs (repeating until the line numbers settle,
// since the block's size moves the lines below it), then review `git diff tests/golden/check`.
// docs/diagnostics.md ("Golden files") says the same for maintainers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/diagnostics/diagnostic_render.hpp"
#include "compiler/frontend.hpp"

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kCheckPrefix = "# CHECK: ";
constexpr std::string_view kBom = "\xEF\xBB\xBF";
// Rewrites per file before the update gives up on line numbers that do not settle.
constexpr int kMaxUpdatePasses = 4;

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

// A file's text cut into lines, each without its "\n" (a "\r" before it stays).
std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const auto end = text.find('\n', begin);
    if (end == std::string::npos) {
      lines.push_back(text.substr(begin));
      break;
    }
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

// [line] without a leading BOM and a trailing "\r".
std::string_view bare(std::string_view line) {
  if (line.substr(0, kBom.size()) == kBom) line.remove_prefix(kBom.size());
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool is_check_line(std::string_view line) { return bare(line).substr(0, kCheckPrefix.size()) == kCheckPrefix; }

// Every CHECK line's expectation, in file order.
std::vector<std::string> expected_of(const std::string& text) {
  std::vector<std::string> expected;
  for (const auto& line : split_lines(text)) {
    if (is_check_line(line)) expected.emplace_back(bare(line).substr(kCheckPrefix.size()));
  }
  return expected;
}

// One diagnostic as its CHECK line shows it.
std::string check_form(const redflag::Diagnostic& d) {
  std::string message;
  for (const char c : d.message) {
    if (c == '\n') {
      message += "\\n";
    } else if (c == '\r') {
      message += "\\r";
    } else {
      message += c;
    }
  }
  return fmt::format("{}:{}: {}[{}]: {}", d.span.begin.line, d.span.begin.column,
                     redflag::severity_name(d.severity), redflag::diag_code(d.kind), message);
}

std::vector<std::string> actual_of(const redflag::FrontendResult& result) {
  std::vector<std::string> actual;
  for (const auto& d : result.diagnostics) actual.push_back(check_form(d));
  return actual;
}

// [text] with its CHECK lines replaced by one block of [checks], where the first CHECK line was
// (at the top, after a BOM, when there was none). Keeps the file's line ending.
std::string with_checks(const std::string& text, const std::vector<std::string>& checks) {
  const bool has_bom = text.rfind(kBom, 0) == 0;
  const std::string cr = text.find("\r\n") != std::string::npos ? "\r" : "";
  std::vector<std::string> block;
  for (const auto& check : checks) block.push_back(std::string(kCheckPrefix) + check + cr);

  const auto lines = split_lines(has_bom ? text.substr(kBom.size()) : text);
  std::vector<std::string> kept;
  bool placed = std::none_of(lines.begin(), lines.end(), is_check_line);
  if (placed) kept = block;
  for (const auto& line : lines) {
    if (!is_check_line(line)) {
      kept.push_back(line);
    } else if (!placed) {
      kept.insert(kept.end(), block.begin(), block.end());
      placed = true;
    }
  }
  std::string out(has_bom ? kBom : "");
  for (std::size_t i = 0; i < kept.size(); ++i) {
    out += kept[i];
    if (i + 1 < kept.size() || text.empty() || text.back() == '\n') out += "\n";
  }
  return out;
}

// Expected against actual as a line diff (longest common subsequence): ` ` both, `-` expected
// only (missing), `+` actual only (extra); a changed or moved diagnostic shows as `-` and `+`.
std::string diff_text(const std::vector<std::string>& expected, const std::vector<std::string>& actual) {
  const std::size_t n = expected.size(), m = actual.size();
  std::vector<std::vector<std::size_t>> lcs(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      lcs[i][j] = expected[i] == actual[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::string out;
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] == actual[j]) {
      out += "    " + expected[i++] + "\n";
      ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      out += "  - " + expected[i++] + "\n";
    } else {
      out += "  + " + actual[j++] + "\n";
    }
  }
  return out;
}

std::string mismatch_report(const std::string& name, const std::vector<std::string>& expected,
                            const std::vector<std::string>& actual) {
  return fmt::format(
      "{}: the diagnostics differ from its CHECK lines ({} expected, {} reported)\n"
      "  (`-` pinned but not reported, `+` reported but not pinned)\n{}"
      "REDFLAG_UPDATE_GOLDEN=1 build/tests/compiler/frontend_test accepts the new output",
      name, expected.size(), actual.size(), diff_text(expected, actual));
}

// Runs in the golden directory so paths in messages ("the first is at x.rf:3:6") are stable.
struct InGoldenDir {
  fs::path previous = fs::current_path();
  InGoldenDir() { fs::current_path(REDFLAG_GOLDEN_DIR); }
  ~InGoldenDir() { fs::current_path(previous); }
};

bool updating() { return std::getenv("REDFLAG_UPDATE_GOLDEN") != nullptr; }

// Checks [path] (relative to the golden directory) against its CHECK lines; when updating,
// rewrites them first until they hold. Returns the final front-end result.
redflag::FrontendResult check_golden(const fs::path& path, bool may_update) {
  const std::string name = path.filename().string();
  auto result = redflag::check_paths({name});
  auto text = read(name);
  auto expected = expected_of(text);
  auto actual = actual_of(result);
  for (int pass = 0; may_update && expected != actual && pass < kMaxUpdatePasses; ++pass) {
    text = with_checks(text, actual);
    std::ofstream(name, std::ios::binary) << text;
    result = redflag::check_paths({name});
    expected = expected_of(text);
    actual = actual_of(result);
    if (expected == actual) WARN("updated the CHECK lines of " << name);
  }
  if (actual != expected) {
    FAIL_CHECK((may_update ? fmt::format("{}: the CHECK lines did not settle after {} rewrites\n", name,
                                         kMaxUpdatePasses)
                           : std::string())
               << mismatch_report(name, expected, actual));
  }
  return result;
}

}  // namespace

TEST_CASE("every fail_*.rf golden file reports exactly its CHECK diagnostics, in order") {
  const InGoldenDir in_golden_dir;
  const auto files = golden_files("fail_");
  REQUIRE(files.size() >= 40);
  for (const auto& path : files) {
    const auto result = check_golden(path, updating());
    INFO(path.filename().string() << " must report at least one error");
    CHECK(result.has_errors());
  }
}

TEST_CASE("every ok_*.rf golden file has no error and reports exactly its CHECK diagnostics") {
  const InGoldenDir in_golden_dir;
  const auto files = golden_files("ok_");
  REQUIRE(!files.empty());
  for (const auto& path : files) {
    // An error in an ok_ file is a failure to fix, never an expectation to pin.
    const bool clean = !redflag::check_paths({path.filename().string()}).has_errors();
    const auto result = check_golden(path, updating() && clean);
    INFO(path.filename().string() << "\n" << redflag::render_text(result.diagnostics, result.files));
    CHECK(!result.has_errors());
  }
}

TEST_CASE("the CHECK block of a golden file is rewritten in place") {
  const std::vector<std::string> two = {"2:1: error[E010]: a", "3:1: error[E011]: b"};
  SECTION("a file without CHECK lines gets them at the top") {
    CHECK(with_checks("fact x : bool\n", two) ==
          "# CHECK: 2:1: error[E010]: a\n# CHECK: 3:1: error[E011]: b\nfact x : bool\n");
  }
  SECTION("the block replaces every CHECK line, where the first one was") {
    const std::string text = "# a note\n# CHECK: 9:9: error[E001]: old\nfact x : bool\n# CHECK: 8:8: error[E002]: old";
    CHECK(expected_of(text) == std::vector<std::string>{"9:9: error[E001]: old", "8:8: error[E002]: old"});
    CHECK(with_checks(text, two) ==
          "# a note\n# CHECK: 2:1: error[E010]: a\n# CHECK: 3:1: error[E011]: b\nfact x : bool");
  }
  SECTION("a BOM stays first and CRLF files get CRLF CHECK lines") {
    const std::string text = std::string(kBom) + "# CHECK: 1:1: error[E001]: old\r\nfact x : bool\r\n";
    CHECK(expected_of(text) == std::vector<std::string>{"1:1: error[E001]: old"});
    CHECK(with_checks(text, {"2:1: error[E010]: a"}) ==
          std::string(kBom) + "# CHECK: 2:1: error[E010]: a\r\nfact x : bool\r\n");
    CHECK(with_checks(text, {}) == std::string(kBom) + "fact x : bool\r\n");
  }
  SECTION("a mismatch lists expected against actual") {
    CHECK(diff_text({"1:1: a", "2:1: b"}, {"1:1: a", "3:1: c", "2:1: b"}) == "    1:1: a\n  + 3:1: c\n    2:1: b\n");
    CHECK(diff_text({"1:1: a", "2:1: b"}, {"2:1: b", "1:1: a"}) == "  - 1:1: a\n    2:1: b\n  + 1:1: a\n");
    CHECK(diff_text({"1:1: a"}, {"1:1: b"}) == "  - 1:1: a\n  + 1:1: b\n");
  }
}

TEST_CASE("every diagnostic code appears in a golden file") {
  // These cannot live in a committed file; tests/compiler/hostile_test.cpp covers them.
  const std::set<std::string> generated_only = {
      "E001",  // a path that cannot be read
      "E002",  // a directory without `.rf` files
      "E060",  // a file over 64 MiB
      "E064",  // 65,536 `at least` items
      "W001",  // a KB directory entry skipped (links: tests/compiler/source_tree_test.cpp)
  };
  std::set<std::string> seen;
  for (const auto& path : golden_files("fail_")) {
    for (const auto& expected : expected_of(read(path))) {
      const auto open = expected.find("[E");  // "error[E012]: ..."
      if (open != std::string::npos) seen.insert(expected.substr(open + 1, 4));
    }
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
  CHECK(lines == std::vector<std::string>{"4:1: E010", "6:13: E011", "7:8: E011"});
}

TEST_CASE("a directory loads every .rf below it, sorted, as one KB") {
  const auto result = redflag::check_paths({std::string(REDFLAG_GOLDEN_DIR) + "/multi"});
  INFO(redflag::render_text(result.diagnostics, result.files));
  CHECK(result.diagnostics.empty());
  REQUIRE(result.files.size() == 2);
  CHECK(result.files[0].path < result.files[1].path);
  CHECK(result.kb.flags.size() == 1);
}
