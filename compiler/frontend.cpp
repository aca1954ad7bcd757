#include "compiler/frontend.hpp"

#include <algorithm>

#include "compiler/check/check_phases.hpp"
#include "compiler/source_tree.hpp"
#include "compiler/syntax/parse.hpp"

namespace redflag {
namespace {

// Parses the [readable] files of [result], then runs the semantic phases if every file was read.
void run(FrontendResult& result, const std::vector<std::uint32_t>& readable,
         Diagnostics& diagnostics) {
  for (const auto& file : result.files) {
    result.kb.files.push_back(file.path);
    result.kb.file_names.push_back(file.name.empty() ? file.path : file.name);
  }
  // A file that could not be read is missing whole; checking the others would report every
  // use of its names. A syntax error only drops its declaration (kb.unparsed), so the
  // declarations that parsed are checked in the same pass.
  const bool every_file_read = diagnostics.error_count() == 0;
  for (const std::uint32_t file_id : readable) {
    parse_source(result.files[file_id], file_id, result.kb, diagnostics);
  }
  // The `kb` header or `levels` a syntax error hid is not also reported missing.
  if (diagnostics.error_count() > 0) {
    result.kb.unparsed.header = result.kb.unparsed.header || !result.kb.header;
    result.kb.unparsed.levels = result.kb.unparsed.levels || !result.kb.levels;
  }
  if (every_file_read) {
    const internal::Symbols symbols = internal::resolve_declarations(result.kb, diagnostics);
    internal::check_facts(result.kb, diagnostics);
    internal::check_fhir(result.kb, diagnostics);
    internal::check_conditions(result.kb, symbols, diagnostics);
    internal::check_scores(result.kb, symbols, diagnostics);
    internal::check_define_cycles(result.kb, diagnostics);
  }
  result.diagnostics = diagnostics.take();
  // Report in source order (problems of the whole KB last), whichever phase found them.
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::pair(a.span.begin.file_id, a.span.begin.offset) <
                            std::pair(b.span.begin.file_id, b.span.begin.offset);
                   });
}

}  // namespace

bool FrontendResult::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

FrontendResult check_paths(const std::vector<std::string>& paths) {
  FrontendResult result;
  Diagnostics diagnostics;
  std::vector<std::uint32_t> readable;
  for (const std::uint32_t file_id : expand_paths(paths, result.files, diagnostics)) {
    if (read_source(result.files[file_id], file_id, diagnostics)) readable.push_back(file_id);
  }
  run(result, readable, diagnostics);
  return result;
}

FrontendResult check_sources(std::vector<SourceFile> files) {
  FrontendResult result;
  Diagnostics diagnostics;
  result.files = std::move(files);
  std::vector<std::uint32_t> readable;
  for (std::uint32_t file_id = 0; file_id < result.files.size(); ++file_id) {
    if (check_text(result.files[file_id], file_id, diagnostics)) readable.push_back(file_id);
  }
  run(result, readable, diagnostics);
  return result;
}

}  // namespace redflag
