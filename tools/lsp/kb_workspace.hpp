// The KBs of the editor's workspace, each analysed as `check`, `lint` and `test` would.
//
// A file belongs to the KB of the nearest directory above it (within a workspace folder, and
// through directories that hold `.rf` files) that has a file declaring `kb`; a file outside any
// such directory is a KB of its own. A KB's analysis is its files as open in the editor, else as
// on disk, compiled (compiler/compiler.hpp), linted (tools/lint/lint_run.hpp) and, when it
// compiles, its tests run (tools/test/test_report.hpp). It is cached until one of its files
// changes, open or on disk (touch).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compiler/compiler.hpp"
#include "tools/lint/lint_run.hpp"
#include "tools/lsp/document_store.hpp"
#include "tools/lsp/symbol_index.hpp"
#include "tools/lsp/text_position.hpp"
#include "tools/test/test_report.hpp"

namespace redflag::lsp {

struct KbAnalysis {
  std::string root;  // the KB's directory, or its one file
  CompileResult compiled;
  tools::LintRun lint;  // empty unless the KB compiles
  std::optional<tools::TestRun> tests;  // when the KB compiles
  std::unique_ptr<SymbolIndex> index;
  std::vector<LineIndex> lines;  // per file of compiled.frontend.files

  const FrontendResult& frontend() const { return compiled.frontend; }
  // The file id of [path] in this KB, if it is one of its files.
  std::optional<std::uint32_t> file_id(const std::string& path) const;
};

struct WorkspaceOptions {
  std::string today;  // YYYY-MM-DD for `review-overdue`
};

class Workspace {
 public:
  explicit Workspace(WorkspaceOptions options) : options_(std::move(options)) {}

  void add_folder(const std::string& path) { folders_.push_back(path); }
  DocumentStore& documents() { return documents_; }

  // The root of the KB that holds the file [path].
  std::string root_of(const std::string& path);
  // The analysis of the KB that holds [path].
  const KbAnalysis& kb_of(const std::string& path) { return analysis(root_of(path)); }
  const KbAnalysis& analysis(const std::string& root);
  // The file [path] changed (edited, saved, created or deleted): its KB is analysed again.
  void touch(const std::string& path);
  // The KBs touched since the last call, each once.
  std::vector<std::string> take_touched();
  bool has_touched() const { return !touched_.empty(); }

 private:
  std::unique_ptr<KbAnalysis> analyse(const std::string& root) const;
  bool declares_kb(const std::string& path) const;

  WorkspaceOptions options_;
  DocumentStore documents_;
  std::vector<std::string> folders_;
  std::map<std::string, std::unique_ptr<KbAnalysis>> kbs_;
  std::set<std::string> touched_;
};

}  // namespace redflag::lsp
