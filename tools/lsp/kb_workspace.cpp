#include "tools/lsp/kb_workspace.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "compiler/source_tree.hpp"

namespace fs = std::filesystem;

namespace redflag::lsp {
namespace {

bool is_source_name(const fs::path& path) { return path.extension() == ".rf"; }

bool is_under(const std::string& path, const std::string& root) {
  return path.size() > root.size() && path.compare(0, root.size(), root) == 0 && path[root.size()] == '/';
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Whether [text] has a line that starts the `kb` declaration.
bool has_kb_line(const std::string& text) {
  for (std::size_t start = 0; start < text.size();) {
    if (text.compare(start, 3, "kb ") == 0 || text.compare(start, 3, "kb\t") == 0) return true;
    const std::size_t newline = text.find('\n', start);
    if (newline == std::string::npos) break;
    start = newline + 1;
  }
  return false;
}

}  // namespace

std::optional<std::uint32_t> KbAnalysis::file_id(const std::string& path) const {
  const auto& files = compiled.frontend.files;
  for (std::uint32_t id = 0; id < files.size(); ++id) {
    if (files[id].path == path) return id;
  }
  return std::nullopt;
}

bool Workspace::declares_kb(const std::string& path) const {
  const Document* open = documents_.find(path);
  return has_kb_line(open ? open->text : read_file(path));
}

std::string Workspace::root_of(const std::string& path) {
  std::string folder;
  for (const auto& candidate : folders_) {
    if (is_under(path, candidate) && candidate.size() > folder.size()) folder = candidate;
  }
  std::error_code error;
  for (fs::path dir = fs::path(path).parent_path(); !dir.empty(); dir = dir.parent_path()) {
    bool has_sources = false;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
      if (!is_source_name(it->path())) continue;
      has_sources = true;
      if (declares_kb(it->path().string())) return dir.string();
    }
    const std::string dir_text = dir.string();
    if (!has_sources || dir_text == folder || dir == dir.root_path()) break;
  }
  return path;
}

std::unique_ptr<KbAnalysis> Workspace::analyse(const std::string& root) const {
  std::vector<SourceFile> files;
  Diagnostics listing;
  std::error_code error;
  if (fs::is_directory(root, error)) {
    for (const std::uint32_t id : expand_paths({root}, files, listing)) {
      if (!documents_.find(files[id].path)) files[id].text = read_file(files[id].path);
    }
    for (const auto& open : documents_.all()) {
      const std::string& path = open.first;  // not a structured binding: C++17 lambdas cannot capture one
      const bool listed = std::any_of(files.begin(), files.end(), [&](const SourceFile& file) { return file.path == path; });
      if (!listed && is_under(path, root) && is_source_name(path)) {
        files.push_back(SourceFile{path, {}, relative_source_name(path, root)});
      }
    }
    std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  } else {
    files.push_back(SourceFile{root, read_file(root), relative_source_name(root, root)});
  }
  for (auto& file : files) {
    if (const Document* open = documents_.find(file.path)) file.text = open->text;
  }
  auto kb = std::make_unique<KbAnalysis>();
  kb->root = root;
  kb->compiled = compile_sources(std::move(files));
  const FrontendResult& frontend = kb->compiled.frontend;
  if (!frontend.has_errors()) kb->lint = tools::lint_kb(frontend, {root}, tools::LintSettings{"", options_.today, false});
  if (kb->compiled.image) kb->tests = tools::run_kb_tests(frontend, *kb->compiled.image, false);
  kb->index = std::make_unique<SymbolIndex>(frontend.kb);
  for (const auto& file : frontend.files) kb->lines.emplace_back(file.text);
  return kb;
}

const KbAnalysis& Workspace::analysis(const std::string& root) {
  auto& slot = kbs_[root];
  if (!slot) slot = analyse(root);
  return *slot;
}

void Workspace::touch(const std::string& path) {
  for (auto& [root, kb] : kbs_) {
    if (kb && (root == path || is_under(path, root))) {
      kb.reset();
      touched_.insert(root);
    }
  }
  const std::string root = root_of(path);
  kbs_.erase(root);
  touched_.insert(root);
}

std::vector<std::string> Workspace::take_touched() {
  std::vector<std::string> roots(touched_.begin(), touched_.end());
  touched_.clear();
  return roots;
}

}  // namespace redflag::lsp
