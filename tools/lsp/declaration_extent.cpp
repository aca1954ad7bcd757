#include "tools/lsp/declaration_extent.hpp"

namespace redflag::lsp {
namespace {

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

}  // namespace

std::size_t declaration_end(const LineIndex& lines, std::size_t line) {
  std::size_t last = line;
  for (std::size_t next = line + 1; next < lines.line_count(); ++next) {
    const std::string_view text = lines.line_text(next);
    if (is_blank(text)) continue;
    const bool column_one = text[0] != ' ' && text[0] != '\t';
    if (column_one && text[0] != '#') break;
    if (!column_one) last = next;
  }
  return last;
}

}  // namespace redflag::lsp
