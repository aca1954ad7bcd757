// Document and workspace symbols, and folding ranges: the declarations of a KB.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "tools/lsp/declaration_extent.hpp"
#include "tools/lsp/feature_context.hpp"
#include "tools/lsp/features.hpp"

namespace redflag::lsp {
namespace {

// LSP SymbolKind numbers (3.17 "SymbolKind") for each kind of declaration.
int lsp_symbol_kind(SymbolKind kind) {
  switch (kind) {
    case SymbolKind::Kb: return 2;       // Module
    case SymbolKind::Level: return 22;   // EnumMember
    case SymbolKind::Source: return 19;  // Object
    case SymbolKind::Fact: return 13;    // Variable
    case SymbolKind::Define: return 12;  // Function
    case SymbolKind::Flag: return 24;    // Event
    case SymbolKind::Score: return 16;   // Number
    case SymbolKind::Topic: return 15;   // String
    case SymbolKind::Test: return 6;     // Method
  }
  return 13;
}

// The whole declaration whose name is at [span]: from its line's start to its last line's end.
json declaration_range(const LineIndex& lines, const SourceSpan& span) {
  const std::size_t first = span.begin.line - 1;
  const std::size_t last = declaration_end(lines, first);
  const Position end = lines.position_of(lines.line_start(last) + lines.line_text(last).size());
  return range_json(Position{static_cast<std::uint32_t>(first), 0}, end);
}

bool is_top_level(const Occurrence& declaration) { return declaration.key.kind != SymbolKind::Level; }

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

}  // namespace

json document_symbols(Workspace& workspace, const json& params) {
  const DocumentAt document = document_of(workspace, params);
  json symbols = json::array();
  for (const Occurrence* declaration : document.kb.index->declarations()) {
    if (declaration->span.begin.file_id != document.file_id) continue;
    const json selection = span_range(document.lines(), declaration->span);
    symbols.push_back({{"name", declaration->key.name},
                       {"detail", symbol_kind_keyword(declaration->key.kind)},
                       {"kind", lsp_symbol_kind(declaration->key.kind)},
                       {"range", is_top_level(*declaration) ? declaration_range(document.lines(), declaration->span) : selection},
                       {"selectionRange", selection}});
  }
  return symbols;
}

json workspace_symbols(Workspace& workspace, const std::vector<std::string>& roots, const json& params) {
  const std::string query = lower(params.value("query", ""));
  std::set<std::string> kb_roots;
  for (const auto& root : roots) {
    std::error_code error;
    for (std::filesystem::recursive_directory_iterator it(root, error), end; !error && it != end; it.increment(error)) {
      if (it->path().extension() == ".rf") kb_roots.insert(workspace.root_of(it->path().string()));
    }
  }
  json symbols = json::array();
  for (const auto& root : kb_roots) {
    const KbAnalysis& kb = workspace.analysis(root);
    for (const Occurrence* declaration : kb.index->declarations()) {
      if (lower(declaration->key.name).find(query) == std::string::npos) continue;
      symbols.push_back({{"name", declaration->key.name},
                         {"kind", lsp_symbol_kind(declaration->key.kind)},
                         {"containerName", kb.frontend().kb.header ? kb.frontend().kb.header->id : root},
                         {"location", location_json(kb, declaration->span)}});
    }
  }
  return symbols;
}

json folding_ranges(Workspace& workspace, const json& params) {
  const DocumentAt document = document_of(workspace, params);
  json ranges = json::array();
  for (const Occurrence* declaration : document.kb.index->declarations()) {
    if (declaration->span.begin.file_id != document.file_id || !is_top_level(*declaration)) continue;
    const std::size_t first = declaration->span.begin.line - 1;
    const std::size_t last = declaration_end(document.lines(), first);
    if (last > first) ranges.push_back({{"startLine", first}, {"endLine", last}, {"kind", "region"}});
  }
  return ranges;
}

}  // namespace redflag::lsp
