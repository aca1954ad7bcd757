// Semantic tokens, so that any LSP editor colours the language as the compiler reads it:
// keywords, comments, strings and text blocks, numbers, units, and every name by what it names
// (from the symbol index: a fact, a define, a flag ...), declarations marked as such.
//
// It scans the text itself (a file being typed rarely parses) and looks names up in the index
// of the last analysis. A text block spanning lines is sent one token per line, since clients
// need not support multi-line tokens.
#include <array>
#include <cctype>
#include <string_view>

#include "tools/lsp/feature_context.hpp"
#include "tools/lsp/features.hpp"

namespace redflag::lsp {
namespace {

enum TokenType { kKeyword, kComment, kString, kNumber, kOperator, kVariable, kFunction, kEvent, kEnumMember,
                 kNamespace, kType, kProperty, kClass };
constexpr std::array<const char*, 13> kTypeNames = {"keyword", "comment", "string", "number", "operator", "variable",
                                                    "function", "event", "enumMember", "namespace", "type",
                                                    "property", "class"};

// The reserved words, as grammar/grammar.hpp's REDFLAG_GRAMMAR_KEYWORDS lists them (only the
// parser may include the grammar).
constexpr std::string_view kKeywords[] = {
    "kb", "title", "version", "status", "reviewed", "next_review", "author", "source", "url", "levels", "fact", "ask",
    "means", "bool", "number", "integer", "one", "of", "text", "between", "and", "or", "not", "in", "define", "flag",
    "when", "because", "cite", "advise", "see", "topic", "test", "given", "expect", "urgency", "flags", "no", "fired",
    "undetermined", "known", "unknown", "true", "false", "at", "least", "draft", "active", "retired", "complete",
    "incomplete", "mass", "time", "length", "temperature", "quantity", "most", "exactly", "score", "item", "on",
    "below", "from", "for"};

bool is_keyword(std::string_view word) {
  for (const auto keyword : kKeywords) {
    if (keyword == word) return true;
  }
  return false;
}

int type_of(SymbolKind kind) {
  switch (kind) {
    case SymbolKind::Kb: return kNamespace;
    case SymbolKind::Level: return kEnumMember;
    case SymbolKind::Source: return kProperty;
    case SymbolKind::Fact: return kVariable;
    case SymbolKind::Define: return kFunction;
    case SymbolKind::Flag: return kEvent;
    case SymbolKind::Score: return kClass;
    case SymbolKind::Topic: return kNamespace;
    case SymbolKind::Test: return kString;
  }
  return kVariable;
}

bool is_name_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Appends tokens in order, as the relative five-integer encoding LSP 3.17 defines.
class TokenWriter {
 public:
  explicit TokenWriter(const LineIndex& lines) : lines_(lines) {}

  // A token of [type] over bytes [begin, end), split at line breaks.
  void add(std::size_t begin, std::size_t end, int type, bool declaration = false) {
    while (begin < end) {
      const Position start = lines_.position_of(begin);
      const std::size_t line_end = std::min(end, lines_.line_start(start.line) + lines_.line_text(start.line).size());
      const Position stop = lines_.position_of(line_end);
      if (stop.character > start.character) {
        data_.push_back(start.line - line_);
        data_.push_back(start.line == line_ ? start.character - character_ : start.character);
        data_.push_back(stop.character - start.character);
        data_.push_back(type);
        data_.push_back(declaration ? 1 : 0);
        line_ = start.line;
        character_ = start.character;
      }
      begin = lines_.line_start(start.line + 1);
    }
  }
  json take() { return std::move(data_); }

 private:
  const LineIndex& lines_;
  json data_ = json::array();
  std::uint32_t line_ = 0, character_ = 0;
};

}  // namespace

json semantic_tokens_legend() {
  return {{"tokenTypes", kTypeNames}, {"tokenModifiers", json::array({"declaration"})}};
}

json semantic_tokens(Workspace& workspace, const json& params) {
  const DocumentAt document = document_of(workspace, params);
  const std::string& text = document.text();
  TokenWriter tokens(document.lines());
  bool after_number = false;  // a word right after a number is its unit
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    std::size_t end = i + 1;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (c == '\n') after_number = false;
      i = end;
      continue;
    }
    if (c == '#') {
      end = std::min(text.find('\n', i), text.size());
      tokens.add(i, end, kComment);
    } else if (text.compare(i, 3, "\"\"\"") == 0) {
      const std::size_t close = text.find("\"\"\"", i + 3);
      end = close == std::string::npos ? text.size() : close + 3;
      tokens.add(i, end, kString);
    } else if (c == '"') {
      while (end < text.size() && text[end] != '"' && text[end] != '\n') end += text[end] == '\\' ? 2 : 1;
      end = std::min(end + 1, text.size());
      tokens.add(i, end, kString);
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      while (end < text.size() && (is_name_byte(text[end]) || text[end] == '.' || text[end] == '-')) ++end;
      tokens.add(i, end, kNumber);
      after_number = true;
      i = end;
      continue;
    } else if (is_name_byte(c) || (after_number && (c == '[' || c == '/' || c == '%'))) {
      const bool unit = after_number;
      while (end < text.size() && (is_name_byte(text[end]) || (unit && std::string_view("[]/.%").find(text[end]) != std::string_view::npos))) ++end;
      const std::string_view word(text.data() + i, end - i);
      if (unit && !is_keyword(word)) {
        tokens.add(i, end, kType);
      } else if (is_keyword(word)) {
        tokens.add(i, end, kKeyword);
      } else if (const Occurrence* occurrence = document.kb.index->at(document.file_id, i)) {
        tokens.add(i, end, type_of(occurrence->key.kind), occurrence->declaration);
      } else {
        tokens.add(i, end, kVariable);
      }
    } else {
      while (end < text.size() && std::string_view("<>=!").find(text[end]) != std::string_view::npos) ++end;
      if (std::string_view("<>=!+-*/").find(c) != std::string_view::npos) tokens.add(i, end, kOperator);
    }
    after_number = false;
    i = end;
  }
  return {{"data", tokens.take()}};
}

}  // namespace redflag::lsp
