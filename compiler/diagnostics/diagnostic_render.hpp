// Rendering diagnostics, the same for every verb: as text for people or as JSON for tools.
//
// Text is `file:line:col: error[E012]: message`, the source line, a caret/tilde line under the
// span, then `help:` and `fix:` lines (rustc/clang style); colour (ANSI) only when asked for.
// A related location follows as `note: file:line:col: message` with its own source line.
// JSON is an array of {code, severity, file, line, column, end_column, message, help, fixes,
// related},
// where end_column is one past the last column of the span; line and columns are 0 for a problem
// without position, file is "" for a problem of the whole KB. Each fix is {description, edits},
// each edit {file, line, column, end_column, replacement}; each related place {file, line, column,
// end_column, message}. JSON columns count bytes (1-based); text carets count characters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/source_file.hpp"

namespace redflag {

struct RenderOptions {
  bool color = false;
};

// What the renderers need of one problem. Compiler diagnostics render through it, and so do
// the linter's findings (compiler/lint/lint.hpp), whose codes are lint ids (`unused-fact`).
struct Problem {
  std::string_view code;
  Severity severity = Severity::Error;
  SourceSpan span;
  std::string_view message;
  std::vector<std::string_view> help;
  const std::vector<Fix>* fixes = nullptr;  // none when null
  const std::vector<RelatedLocation>* related = nullptr;  // none when null
};

// [diagnostics] as problems; views into [diagnostics].
std::vector<Problem> problems_of(const std::vector<Diagnostic>& diagnostics);

// One diagnostic as text, ending with a newline; [files] are indexed by the span's file_id.
std::string render_text(const Diagnostic& diagnostic, const std::vector<SourceFile>& files,
                        const RenderOptions& options = {});

// All [diagnostics] as text, separated by blank lines.
std::string render_text(const std::vector<Diagnostic>& diagnostics,
                        const std::vector<SourceFile>& files, const RenderOptions& options = {});

// All [diagnostics] as one JSON array, ending with a newline.
std::string render_json(const std::vector<Diagnostic>& diagnostics,
                        const std::vector<SourceFile>& files);

// [problems] as text, separated by blank lines, like render_text.
std::string render_problems_text(const std::vector<Problem>& problems,
                                 const std::vector<SourceFile>& files,
                                 const RenderOptions& options = {});

// [problems] as one JSON array, like render_json.
std::string render_problems_json(const std::vector<Problem>& problems,
                                 const std::vector<SourceFile>& files);

// The closing line after text diagnostics: "error: 3 errors in kb/x.rf" (or "in 2 files", or
// "in the KB" when no file is involved), ending with a newline; "" when there are no errors.
std::string render_summary(const std::vector<Diagnostic>& diagnostics,
                           const std::vector<SourceFile>& files);

}  // namespace redflag
