#include "compiler/syntax/parse_builder.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <utility>

namespace redflag::internal {

SourceSpan ParseBuilder::span(const SourceLoc& begin, std::uint64_t end) const {
  const std::uint64_t stop = std::min<std::uint64_t>(end, line_end(begin.offset));
  SourceSpan result;
  result.begin = begin;
  result.length = static_cast<std::uint32_t>(stop > begin.offset ? stop - begin.offset : 0);
  return result;
}

std::uint64_t ParseBuilder::line_end(std::uint64_t offset) const {
  offset = std::min<std::uint64_t>(offset, text.size());
  if (scanned && offset >= scanned_from && offset <= scanned_end) return scanned_end;
  // Scan up to what is known to hold no "\n", or else to the end.
  const bool before = scanned && offset < scanned_from;
  const std::uint64_t limit = before ? scanned_from : text.size();
  const auto found = std::string_view(text).substr(offset, limit - offset).find('\n');
  if (found != std::string_view::npos) {
    scanned_end = offset + found;
  } else if (!before) {
    scanned_end = text.size();
  }
  scanned = true;
  scanned_from = offset;
  return scanned_end;
}

std::string ParseBuilder::where(const SourceSpan& span) const {
  return fmt::format("{}:{}:{}", kb.files.at(span.begin.file_id), span.begin.line,
                     span.begin.column);
}

void ParseBuilder::once(std::string_view clause, SourceSpan where) {
  if (clauses.insert(std::string(clause)).second) return;
  static constexpr std::string_view kDeclWords[] = {"", "the `kb` header", "source", "levels",
                                                    "fact", "define", "flag", "topic", "test"};
  static_assert(std::size(kDeclWords) == static_cast<std::size_t>(DeclKind::Test) + 1,
                "kDeclWords follows DeclKind");
  const auto word = kDeclWords[static_cast<std::size_t>(decl)];
  const std::string where_text =
      decl == DeclKind::Kb ? std::string(word) : fmt::format("{} `{}`", word, decl_name);
  diagnostics.report<DiagKind::DuplicateClause>(where, clause, where_text);
}

void ParseBuilder::start(DeclKind kind, std::string name) {
  decl = kind;
  decl_name = std::move(name);
  clauses.clear();
}

void ParseBuilder::reset_after_error() {
  stack.clear();
  at_least_counts.clear();
  set_names.clear();
  set_spans.clear();
  decl = DeclKind::None;
}

ast::ExprPtr ParseBuilder::pop() {
  ast::ExprPtr top = std::move(stack.back());
  stack.pop_back();
  return top;
}

std::vector<ast::Citation>& ParseBuilder::cites() {
  return decl == DeclKind::Flag ? kb.flags.back().cites : kb.topics.back().cites;
}

std::string unescape(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\') {
      out += body[i];
      continue;
    }
    const char code = body[++i];  // the grammar guarantees a valid escape code follows
    out += code == 'n' ? '\n' : code == 't' ? '\t' : code;
  }
  return out;
}

std::string dedent(std::string_view body) {
  std::vector<std::string> lines;
  for (std::size_t start = 0;;) {
    const auto end = body.find('\n', start);
    std::string line(body.substr(start, end == std::string_view::npos ? end : end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  const auto blank = [](const std::string& line) {
    return line.find_first_not_of(" \t") == std::string::npos;
  };
  if (!lines.empty() && blank(lines.front())) lines.erase(lines.begin());
  if (!lines.empty() && blank(lines.back())) lines.pop_back();
  std::size_t indent = std::string::npos;
  for (const auto& line : lines) {
    if (!blank(line)) indent = std::min(indent, line.find_first_not_of(" \t"));
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    if (!blank(lines[i])) out += lines[i].substr(indent);
  }
  return out;
}

}  // namespace redflag::internal
