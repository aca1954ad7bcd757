// What every feature needs from a request's params: the document, its KB, a position in it.
#pragma once

#include <cstdint>
#include <string>

#include "tools/lsp/kb_workspace.hpp"
#include "tools/lsp/lsp_json.hpp"

namespace redflag::lsp {

// The document a request names, in its analysed KB.
struct DocumentAt {
  const KbAnalysis& kb;
  std::uint32_t file_id;
  std::string uri;
  const LineIndex& lines() const { return kb.lines[file_id]; }
  const std::string& text() const { return kb.frontend().files[file_id].text; }
};

// The document of [params].textDocument.uri; InvalidParams when it is missing or no KB holds it.
DocumentAt document_of(Workspace& workspace, const json& params);
// The byte offset of [params].position in [document]; InvalidParams when the line is past the end.
std::size_t offset_of(const DocumentAt& document, const json& params);
// An LSP Location of [span] in [kb].
json location_json(const KbAnalysis& kb, const SourceSpan& span);
// The URI of file [file_id] of [kb].
std::string uri_of(const KbAnalysis& kb, std::uint32_t file_id);

}  // namespace redflag::lsp
