// `redflag fmt` over every valid source in the repository: the formatted KB parses and checks
// cleanly, formatting it again changes nothing, every comment is still there in order, and the
// compiled bytecode is byte-identical once source line numbers are set to 0 (layout moves lines,
// and only the LINES table and the flags' and tests' `line` fields record them).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/codegen/codegen.hpp"
#include "compiler/diagnostics/diagnostic_render.hpp"
#include "compiler/fmt/format_source.hpp"
#include "compiler/frontend.hpp"
#include "runtime/bytecode_writer.hpp"

namespace {

namespace fs = std::filesystem;
using redflag::SourceFile;

std::string read_file(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  return buffer.str();
}

// One KB of the corpus: a name for messages and its files, in load order.
struct CorpusKb {
  std::string name;
  std::vector<SourceFile> files;
};

// Every `.rf` below [directory], sorted, as one KB.
CorpusKb directory_kb(const std::string& directory) {
  CorpusKb kb{directory, {}};
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(REDFLAG_SOURCE_DIR) / directory)) {
    if (entry.path().extension() == ".rf") kb.files.push_back({entry.path().string(), ""});
  }
  std::sort(kb.files.begin(), kb.files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  for (auto& file : kb.files) file.text = read_file(file.path);
  return kb;
}

// Each `.rf` file in [directory] whose name starts with [prefix], as a KB of its own.
std::vector<CorpusKb> file_kbs(const std::string& directory, const std::string& prefix) {
  std::vector<CorpusKb> kbs;
  for (const auto& entry : fs::directory_iterator(fs::path(REDFLAG_SOURCE_DIR) / directory)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".rf" || name.rfind(prefix, 0) != 0) continue;
    kbs.push_back({directory + "/" + name, {{entry.path().string(), read_file(entry.path())}}});
  }
  return kbs;
}

// The ```redflag blocks of docs/language.md, each a KB.
std::vector<CorpusKb> language_doc_kbs() {
  std::istringstream doc(read_file(fs::path(REDFLAG_SOURCE_DIR) / "docs/language.md"));
  std::vector<CorpusKb> kbs;
  bool inside = false;
  for (std::string line; std::getline(doc, line);) {
    if (inside && line == "```") {
      inside = false;
    } else if (inside) {
      kbs.back().files.front().text += line + "\n";
    } else if (line == "```redflag") {
      inside = true;
      kbs.push_back({"docs/language.md block " + std::to_string(kbs.size() + 1), {{"language.md", ""}}});
    }
  }
  return kbs;
}

std::vector<CorpusKb> corpus() {
  std::vector<CorpusKb> kbs{directory_kb("kb/back_pain"), directory_kb("examples/kb/qsofa"),
                            directory_kb("examples/kb/news2")};
  for (auto group : {file_kbs("examples/kb", ""), file_kbs("tests/golden/check", "ok_"),
                     file_kbs("tests/golden/codegen", ""), language_doc_kbs()}) {
    kbs.insert(kbs.end(), group.begin(), group.end());
  }
  return kbs;
}

// The bytecode of a checked KB with every source line number set to 0.
std::vector<std::uint8_t> bytecode_without_lines(const redflag::ast::Kb& kb) {
  redflag::Image image = redflag::generate_image(kb);
  for (auto& flag : image.flags) flag.line = 0;
  for (auto& test : image.tests) test.line = 0;
  for (auto& line : image.lines) line.line = 0;
  return redflag::write_image(image);
}

std::vector<std::string> comment_texts(const redflag::ast::Kb& kb) {
  std::vector<std::string> texts;
  for (const auto& comment : kb.comments) {
    texts.push_back(comment.text.substr(0, comment.text.find_last_not_of(" \t") + 1));
  }
  return texts;
}

}  // namespace

TEST_CASE("fmt keeps the meaning and the comments of every valid source, idempotently") {
  const auto kbs = corpus();
  REQUIRE(kbs.size() >= 10);
  for (const auto& kb : kbs) {
    INFO(kb.name);
    const auto original = redflag::check_sources(kb.files);
    INFO(redflag::render_text(original.diagnostics, original.files));
    REQUIRE_FALSE(original.has_errors());

    std::vector<SourceFile> formatted = kb.files;
    for (auto& file : formatted) file.text = redflag::format_source(file.text);
    const auto reloaded = redflag::check_sources(formatted);
    INFO(redflag::render_text(reloaded.diagnostics, reloaded.files));
    REQUIRE(reloaded.diagnostics.size() == original.diagnostics.size());

    for (const auto& file : formatted) {
      INFO(file.path << "\n" << file.text);
      CHECK(redflag::format_source(file.text) == file.text);
      CHECK(file.text.find(" \n") == std::string::npos);
    }
    CHECK(comment_texts(reloaded.kb) == comment_texts(original.kb));
    CHECK(bytecode_without_lines(reloaded.kb) == bytecode_without_lines(original.kb));
  }
}

TEST_CASE("the shipped KB and the examples are fmt-clean") {
  for (const auto& kb : {directory_kb("kb/back_pain"), directory_kb("examples/kb")}) {
    for (const auto& file : kb.files) {
      INFO(file.path);
      CHECK(redflag::format_source(file.text) == file.text);
    }
  }
}
