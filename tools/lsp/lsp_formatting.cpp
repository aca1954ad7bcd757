// Formatting: exactly `redflag fmt`'s layout (compiler/fmt/format_source.hpp) as text edits.
//
// A document with syntax errors is not formatted (fmt leaves such a file alone): the result is
// no edits. The edits are the changed line runs of fmt's own line diff
// (compiler/fmt/line_diff.hpp); range formatting keeps those that touch the range's lines.
#include <sstream>

#include "compiler/fmt/format_source.hpp"
#include "compiler/fmt/line_diff.hpp"
#include "compiler/syntax/parse.hpp"
#include "tools/lsp/feature_context.hpp"
#include "tools/lsp/features.hpp"

namespace redflag::lsp {
namespace {

// One run of changed lines: old lines [first, first + count) become [text].
struct LineEdit {
  std::size_t first = 0;
  std::size_t count = 0;
  std::string text;
};

// The changed runs of the unified diff [diff] (lines `@@ -a,b +c,d @@`, ` `, `-`, `+`).
std::vector<LineEdit> line_edits(const std::string& diff) {
  std::vector<LineEdit> edits;
  std::istringstream lines(diff);
  std::string line;
  std::size_t old_line = 0;
  bool in_run = false;
  while (std::getline(lines, line)) {
    if (line.rfind("@@ -", 0) == 0) {
      // `-a,b`: lines a..a+b-1 (1-based); with b = 0 the hunk inserts after line a.
      const std::size_t start = std::stoul(line.substr(4));
      const std::size_t comma = line.find(',', 4), space = line.find(' ', 4);
      const bool empty = comma < space && line.compare(comma + 1, space - comma - 1, "0") == 0;
      old_line = empty || start == 0 ? start : start - 1;
      in_run = false;
    } else if (line.rfind("---", 0) == 0 || line.rfind("+++", 0) == 0 || line.empty() || line[0] == '\\') {
      continue;
    } else if (line[0] == ' ') {
      ++old_line;
      in_run = false;
    } else {
      if (!in_run) edits.push_back(LineEdit{old_line, 0, ""});
      in_run = true;
      if (line[0] == '-') {
        ++edits.back().count;
        ++old_line;
      } else {
        edits.back().text += line.substr(1) + "\n";
      }
    }
  }
  return edits;
}

json format_edits(Workspace& workspace, const json& params, bool ranged) {
  const DocumentAt document = document_of(workspace, params);
  const std::string& text = document.text();
  ast::Kb parsed;
  Diagnostics diagnostics;
  parse_source(SourceFile{document.kb.frontend().files[document.file_id].path, text}, 0, parsed, diagnostics);
  json edits = json::array();
  if (diagnostics.error_count() > 0) return edits;
  const std::string formatted = format_source(text);
  if (formatted == text) return edits;
  std::size_t first_line = 0, last_line = document.lines().line_count();
  if (ranged) {
    first_line = position_from_json(params.at("range").at("start")).line;
    last_line = position_from_json(params.at("range").at("end")).line;
  }
  const LineIndex& lines = document.lines();
  std::string applied;  // the text the edits make, checked against fmt's
  std::size_t copied = 0;
  for (const LineEdit& edit : line_edits(unified_diff(text, formatted, "a", "b"))) {
    if (ranged && (edit.first > last_line || edit.first + std::max<std::size_t>(edit.count, 1) <= first_line)) continue;
    const std::size_t start = lines.line_start(edit.first);
    const std::size_t end = lines.line_start(edit.first + edit.count);
    applied += text.substr(copied, start - copied) + edit.text;
    copied = end;
    edits.push_back({{"range", range_json(lines.position_of(start), lines.position_of(end))}, {"newText", edit.text}});
  }
  if (!ranged && applied + text.substr(copied) != formatted) {
    // The diff's view of a last line without a newline: replace the whole text instead.
    return json::array({{{"range", range_json({}, lines.position_of(text.size()))}, {"newText", formatted}}});
  }
  return edits;
}

}  // namespace

json formatting(Workspace& workspace, const json& params) { return format_edits(workspace, params, false); }

json range_formatting(Workspace& workspace, const json& params) { return format_edits(workspace, params, true); }

}  // namespace redflag::lsp
