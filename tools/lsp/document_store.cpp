#include "tools/lsp/document_store.hpp"

#include <cctype>
#include <cstdio>

#include "tools/lsp/text_position.hpp"

namespace redflag::lsp {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Document& document_at(std::map<std::string, Document>& documents, const std::string& uri) {
  const auto found = documents.find(path_of_uri(uri));
  if (found == documents.end()) throw LspError(ErrorCode::InvalidParams, "`" + uri + "` is not open");
  return found->second;
}

}  // namespace

std::string path_of_uri(const std::string& uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.compare(0, kScheme.size(), kScheme) != 0) {
    throw LspError(ErrorCode::InvalidParams, "`" + uri + "` is not a file: URI");
  }
  std::string path;
  for (std::size_t i = kScheme.size(); i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && hex_value(uri[i + 1]) >= 0 && hex_value(uri[i + 2]) >= 0) {
      path += static_cast<char>(hex_value(uri[i + 1]) * 16 + hex_value(uri[i + 2]));
      i += 2;
    } else {
      path += uri[i];
    }
  }
  if (path.empty() || path[0] != '/') throw LspError(ErrorCode::InvalidParams, "`" + uri + "` has no absolute path");
  return path;
}

std::string uri_of_path(const std::string& path) {
  std::string uri = "file://";
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || std::string_view("/-._~").find(c) != std::string_view::npos) {
      uri += c;
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", byte);
      uri += escaped;
    }
  }
  return uri;
}

void DocumentStore::open(const std::string& uri, std::string text, std::int64_t version) {
  documents_[path_of_uri(uri)] = Document{uri, std::move(text), version};
}

void DocumentStore::change(const std::string& uri, const json& changes, std::int64_t version) {
  Document& document = document_at(documents_, uri);
  if (!changes.is_array()) throw LspError(ErrorCode::InvalidParams, "`contentChanges` is not an array");
  for (const json& change : changes) {
    if (!change.is_object() || !change.contains("text") || !change["text"].is_string()) {
      throw LspError(ErrorCode::InvalidParams, "a content change has no `text`");
    }
    if (!change.contains("range")) {
      document.text = change["text"].get<std::string>();
      continue;
    }
    const LineIndex index(document.text);
    const auto start = index.offset_of(position_from_json(change["range"].value("start", json())));
    const auto end = index.offset_of(position_from_json(change["range"].value("end", json())));
    if (!start || !end || *end < *start) {
      throw LspError(ErrorCode::InvalidParams, "a content change's range is not in `" + uri + "`");
    }
    document.text.replace(*start, *end - *start, change["text"].get<std::string>());
  }
  document.version = version;
}

void DocumentStore::close(const std::string& uri) { documents_.erase(path_of_uri(uri)); }

const Document* DocumentStore::find(const std::string& path) const {
  const auto found = documents_.find(path);
  return found == documents_.end() ? nullptr : &found->second;
}

}  // namespace redflag::lsp
