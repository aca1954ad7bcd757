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
                                                    "fact", "define", "flag", "score", "topic", "test"};
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
  count_modes.clear();
  arith_ops.clear();
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
  if (decl == DeclKind::Score) return kb.scores.back().cites;
  return decl == DeclKind::Flag ? kb.flags.back().cites : kb.topics.back().cites;
}

}  // namespace redflag::internal
