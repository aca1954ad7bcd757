// Machine-applicable fixes: the edits that resolve a diagnostic or a lint finding when the
// author's intent is unambiguous (`==` for `=`, missing parentheses).
//
// A fix is a description and a list of edits; every edit replaces the bytes of one span (on one
// line; length 0 inserts) with new text. Edits of one fix never overlap. Renderers show fixes as
// `fix:` lines in text, a `fixes` array in JSON (docs/diagnostics.md) and SARIF `fixes`; the
// language server turns them into code actions. apply_fixes applies them to a file's text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/source_loc.hpp"

namespace redflag {

struct TextEdit {
  SourceSpan span;          // the bytes replaced; length 0 inserts before span.begin
  std::string replacement;  // the new text
};

struct Fix {
  std::string description;  // "replace `==` with `=`"
  std::vector<TextEdit> edits;
};

// [text] (the file [file_id]) with every edit of [fixes] in that file applied. Edits that overlap
// an edit already taken are skipped, as rustfix does, and counted in [skipped] when given.
std::string apply_fixes(std::string_view text, std::uint32_t file_id, const std::vector<const Fix*>& fixes,
                        std::size_t* skipped = nullptr);

}  // namespace redflag
