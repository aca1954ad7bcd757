// Go to definition, find references and rename, over every file of the KB.
//
// Rename covers facts, defines, flags, topics, sources, levels and scores. It refuses a name
// that is not an identifier, one another declaration of the same namespace already has (facts
// and defines share one: conditions name both), and any rename after which the KB would have
// more errors than before (a keyword, say): the KB is checked again with the edits applied.
#include <algorithm>
#include <cctype>
#include <map>

#include "compiler/frontend.hpp"
#include "tools/lsp/feature_context.hpp"
#include "tools/lsp/features.hpp"

namespace redflag::lsp {
namespace {

const Occurrence& occurrence_at(const DocumentAt& document, const json& params) {
  const Occurrence* occurrence = document.kb.index->at(document.file_id, offset_of(document, params));
  if (occurrence == nullptr) throw LspError(ErrorCode::RequestFailed, "no name of the KB is at this position");
  return *occurrence;
}

// Whether [name] is an identifier: a letter or `_`, then letters, digits and `_`.
bool is_identifier(const std::string& name) {
  const auto name_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  return !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) && std::all_of(name.begin(), name.end(), name_char);
}

bool renamable(SymbolKind kind) { return kind != SymbolKind::Test && kind != SymbolKind::Kb; }

bool same_namespace(SymbolKind a, SymbolKind b) {
  const auto is_value = [](SymbolKind kind) { return kind == SymbolKind::Fact || kind == SymbolKind::Define; };
  return a == b || (is_value(a) && is_value(b));
}

// [files] with every occurrence of [key] in [index] replaced by [name].
std::vector<SourceFile> renamed_files(std::vector<SourceFile> files, const SymbolIndex& index, const SymbolKey& key,
                                      const std::string& name) {
  auto occurrences = index.of(key);
  std::sort(occurrences.begin(), occurrences.end(), [](const Occurrence* a, const Occurrence* b) {
    return a->span.begin.offset > b->span.begin.offset;  // back to front: earlier offsets stay right
  });
  for (const Occurrence* occurrence : occurrences) {
    files[occurrence->span.begin.file_id].text.replace(occurrence->span.begin.offset, occurrence->span.length, name);
  }
  return files;
}

}  // namespace

json definition(Workspace& workspace, const json& params) {
  const DocumentAt document = document_of(workspace, params);
  const Occurrence* occurrence = document.kb.index->at(document.file_id, offset_of(document, params));
  if (occurrence == nullptr) return nullptr;
  const Occurrence* declared = document.kb.index->declaration(occurrence->key);
  return declared ? location_json(document.kb, declared->span) : json(nullptr);
}

json references(Workspace& workspace, const json& params) {
  const DocumentAt document = document_of(workspace, params);
  const Occurrence* occurrence = document.kb.index->at(document.file_id, offset_of(document, params));
  json locations = json::array();
  if (occurrence == nullptr) return locations;
  const bool with_declaration = params.value("context", json::object()).value("includeDeclaration", true);
  for (const Occurrence* found : document.kb.index->of(occurrence->key)) {
    if (found->declaration && !with_declaration) continue;
    locations.push_back(location_json(document.kb, found->span));
  }
  return locations;
}

json prepare_rename(Workspace& workspace, const json& params) {
  const DocumentAt document = document_of(workspace, params);
  const Occurrence* occurrence = document.kb.index->at(document.file_id, offset_of(document, params));
  if (occurrence == nullptr || !renamable(occurrence->key.kind) || !document.kb.index->declaration(occurrence->key)) {
    return nullptr;
  }
  return {{"range", span_range(document.lines(), occurrence->span)}, {"placeholder", occurrence->key.name}};
}

json rename(Workspace& workspace, const json& params) {
  const DocumentAt document = document_of(workspace, params);
  const Occurrence& occurrence = occurrence_at(document, params);
  const SymbolKey& key = occurrence.key;
  const std::string name = params.at("newName").get<std::string>();
  const char* what = symbol_kind_keyword(key.kind);
  if (!renamable(key.kind)) throw LspError(ErrorCode::RequestFailed, std::string("a ") + what + " cannot be renamed");
  if (!is_identifier(name)) {
    throw LspError(ErrorCode::RequestFailed, "`" + name + "` is not a name; names are letters, digits and `_`");
  }
  const SymbolIndex& index = *document.kb.index;
  for (const Occurrence* declared : index.declarations()) {
    if (declared->key.name == name && same_namespace(declared->key.kind, key.kind) && !(declared->key == key)) {
      throw LspError(ErrorCode::RequestFailed, "`" + name + "` is already the name of " +
                                                   symbol_kind_keyword(declared->key.kind) + " `" + name + "`");
    }
  }
  const FrontendResult& before = document.kb.frontend();
  const FrontendResult after = check_sources(renamed_files(before.files, index, key, name));
  const auto errors = [](const FrontendResult& result) {
    return std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                         [](const Diagnostic& diagnostic) { return diagnostic.severity == Severity::Error; });
  };
  if (errors(after) > errors(before)) {
    throw LspError(ErrorCode::RequestFailed, "renaming " + std::string(what) + " `" + key.name + "` to `" + name +
                                                 "` breaks the KB: " + after.diagnostics.front().message);
  }
  std::map<std::string, json> changes;
  for (const Occurrence* found : index.of(key)) {
    const std::uint32_t file_id = found->span.begin.file_id;
    auto& edits = changes[uri_of(document.kb, file_id)];
    if (edits.is_null()) edits = json::array();
    edits.push_back({{"range", span_range(document.kb.lines[file_id], found->span)}, {"newText", name}});
  }
  return {{"changes", changes}};
}

}  // namespace redflag::lsp
