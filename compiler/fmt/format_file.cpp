#include "compiler/fmt/format_file.hpp"

#include "compiler/source_tree.hpp"
#include "compiler/syntax/parse.hpp"

namespace redflag {

ParsedFiles read_and_parse(const std::vector<std::string>& paths) {
  ParsedFiles result;
  Diagnostics diagnostics;
  const auto readable = expand_paths(paths, result.files, diagnostics);
  result.parsed.assign(result.files.size(), false);
  for (const std::uint32_t file_id : readable) {
    if (!read_source(result.files[file_id], file_id, diagnostics)) continue;
    ast::Kb kb;  // fresh per file: two files may both hold a `kb` header
    for (const auto& file : result.files) kb.files.push_back(file.path);
    const std::size_t errors_before = diagnostics.error_count();
    parse_source(result.files[file_id], file_id, kb, diagnostics);
    result.parsed[file_id] = diagnostics.error_count() == errors_before;
  }
  result.diagnostics = diagnostics.take();
  return result;
}

}  // namespace redflag
