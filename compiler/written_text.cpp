#include "compiler/written_text.hpp"

namespace redflag {

std::string one_line(std::string_view source) {
  std::string out;
  bool in_comment = false;
  for (const char c : source) {
    if (c == '\n') in_comment = false;
    if (c == '#') in_comment = true;
    if (in_comment) continue;
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string written_text(std::string_view file_text, const ast::Expr& expr) {
  const auto begin = expr.text_begin.offset;
  return one_line(file_text.substr(begin, expr.text_end.offset - begin));
}

}  // namespace redflag
