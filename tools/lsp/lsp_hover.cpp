// Hover: a declaration (fact, define, flag, topic, source, level, score, test, kb), a unit, or
// the explanation of the diagnostics under the cursor.
#include <algorithm>
#include <cctype>

#include "compiler/diagnostics/diagnostic_docs.hpp"
#include "compiler/lint/lint.hpp"
#include "runtime/units.hpp"
#include "tools/lsp/declaration_text.hpp"
#include "tools/lsp/feature_context.hpp"
#include "tools/lsp/features.hpp"

namespace redflag::lsp {
namespace {

// The characters of a unit or a lint id around [offset]: `[lb_av]`, `mm[Hg]`, `unused-fact`.
bool is_word_byte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("_[]/%.-").find(c) != std::string_view::npos;
}

std::string word_at(const std::string& text, std::size_t offset) {
  std::size_t begin = offset;
  while (begin > 0 && is_word_byte(text[begin - 1])) --begin;
  std::size_t end = offset;
  while (end < text.size() && is_word_byte(text[end])) ++end;
  return text.substr(begin, end - begin);
}

std::string describe_unit(const std::string& word) {
  if (word.empty() || std::isdigit(static_cast<unsigned char>(word[0]))) return "";
  const auto unit = find_unit(word);
  if (!unit) return "";
  std::string text = "Unit `" + word + "`";
  if (unit->code != word) text += ", UCUM `" + unit->code + "`";
  return text + "; dimension: " + std::string(dimension_name(unit->dimension)) + "\n";
}

// Whether [word] is a compiler code: `E` or `W` and three digits.
bool is_compiler_code(const std::string& word) {
  return word.size() == 4 && (word[0] == 'E' || word[0] == 'W') &&
         std::all_of(word.begin() + 1, word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The explanation of code [code]: `redflag explain` for compiler codes, the catalog for lints.
std::string describe_code(const std::string& code) {
  if (is_compiler_code(code)) {
    if (const auto text = explain_code(code)) return *text;
  }
  if (const auto lint = lint::find_lint(code)) {
    const auto& info = lint::lint_info(*lint);
    return "`" + std::string(info.id) + "`: " + std::string(info.short_description) + "\n\n" + std::string(info.help) + "\n";
  }
  return "";
}

bool covers(const SourceSpan& span, std::uint32_t file_id, std::size_t offset) {
  return span.begin.file_id == file_id && span.begin.line != 0 && span.begin.offset <= offset &&
         offset <= span.begin.offset + span.length;
}

std::string diagnostics_at(const DocumentAt& document, std::size_t offset) {
  std::string text;
  for (const auto& diagnostic : document.kb.frontend().diagnostics) {
    if (covers(diagnostic.span, document.file_id, offset)) text += "\n---\n" + describe_code(std::string(diag_code(diagnostic.kind)));
  }
  for (const auto& finding : document.kb.lint.findings) {
    if (covers(finding.span, document.file_id, offset)) text += "\n---\n" + describe_code(std::string(lint::lint_info(finding.lint).id));
  }
  return text;
}

}  // namespace

json hover(Workspace& workspace, const json& params) {
  const DocumentAt document = document_of(workspace, params);
  const std::size_t offset = offset_of(document, params);
  std::string text;
  json range;
  if (const Occurrence* occurrence = document.kb.index->at(document.file_id, offset)) {
    text = describe(document.kb, occurrence->key);
    range = span_range(document.lines(), occurrence->span);
  } else {
    const std::string word = word_at(document.text(), offset);
    text = describe_unit(word);
    if (text.empty()) text = describe_code(word);
  }
  text += diagnostics_at(document, offset);
  if (text.empty()) return nullptr;
  json result = {{"contents", {{"kind", "markdown"}, {"value", text}}}};
  if (!range.is_null()) result["range"] = range;
  return result;
}

}  // namespace redflag::lsp
