#include "tools/lsp/feature_context.hpp"

#include "tools/lsp/document_store.hpp"

namespace redflag::lsp {

DocumentAt document_of(Workspace& workspace, const json& params) {
  if (!params.is_object() || !params.contains("textDocument") || !params["textDocument"].is_object() ||
      !params["textDocument"].contains("uri") || !params["textDocument"]["uri"].is_string()) {
    throw LspError(ErrorCode::InvalidParams, "the params have no `textDocument.uri`");
  }
  const std::string uri = params["textDocument"]["uri"].get<std::string>();
  const std::string path = path_of_uri(uri);
  const KbAnalysis& kb = workspace.kb_of(path);
  const auto file_id = kb.file_id(path);
  if (!file_id) throw LspError(ErrorCode::InvalidParams, "`" + uri + "` is not a source of a KB");
  return DocumentAt{kb, *file_id, uri};
}

std::size_t offset_of(const DocumentAt& document, const json& params) {
  const Position position = position_from_json(params.value("position", json()));
  const auto offset = document.lines().offset_of(position);
  if (!offset) {
    throw LspError(ErrorCode::InvalidParams, "line " + std::to_string(position.line) + " is past the end of `" +
                                                 document.uri + "`, which has " +
                                                 std::to_string(document.lines().line_count()) + " lines");
  }
  return *offset;
}

std::string uri_of(const KbAnalysis& kb, std::uint32_t file_id) {
  return uri_of_path(kb.frontend().files[file_id].path);
}

json location_json(const KbAnalysis& kb, const SourceSpan& span) {
  const std::uint32_t file_id = span.begin.file_id;
  return json{{"uri", uri_of(kb, file_id)}, {"range", span_range(kb.lines[file_id], span)}};
}

}  // namespace redflag::lsp
