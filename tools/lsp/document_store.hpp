// The documents the client has open: their text as typed, which overrides the file on disk.
//
// Documents are keyed by path (file URIs are decoded, docs/editors.md); only `file:` URIs name
// KB sources. Changes are full or incremental (TextDocumentSyncKind.Incremental), positions in
// UTF-16 as text_position.hpp says. A document larger than kMaxSourceBytes is kept (the client
// owns it) but its KB reports the size as the compiler does for a file on disk.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "tools/lsp/lsp_json.hpp"

namespace redflag::lsp {

struct Document {
  std::string uri;
  std::string text;
  std::int64_t version = 0;
};

// The path of file URI [uri] (`file:///a%20b/x.rf` is `/a b/x.rf`); InvalidParams otherwise.
std::string path_of_uri(const std::string& uri);
// The file URI of absolute [path], percent-encoding what RFC 3986 does not allow.
std::string uri_of_path(const std::string& path);

class DocumentStore {
 public:
  void open(const std::string& uri, std::string text, std::int64_t version);
  // Applies `contentChanges` [changes] of didChange in order; InvalidParams when one is malformed.
  void change(const std::string& uri, const json& changes, std::int64_t version);
  void close(const std::string& uri);
  // The open document at [path], if any.
  const Document* find(const std::string& path) const;
  const std::map<std::string, Document>& all() const { return documents_; }

 private:
  std::map<std::string, Document> documents_;  // by path
};

}  // namespace redflag::lsp
