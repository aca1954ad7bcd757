#include "compiler/syntax/parse_builder.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string_view>
#include <type_traits>
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

void ParseBuilder::note_runaway_block(const SourceSpan& span, std::string_view text) {
  static constexpr std::string_view kDeclarationWords[] = {"kb", "source", "levels", "fact", "define",
                                                           "flag", "score", "topic", "test"};
  std::uint32_t line = span.begin.line;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') continue;
    ++line;
    for (const std::string_view word : kDeclarationWords) {
      if (text.compare(i + 1, word.size(), word) != 0 || i + 1 + word.size() >= text.size() ||
          text[i + 1 + word.size()] != ' ') {
        continue;
      }
      SourceSpan opening = span;
      opening.length = 3;
      runaway_block = RunawayBlock{opening, line, std::string(word)};
      return;
    }
  }
}

void ParseBuilder::start(DeclKind kind, std::string name) {
  runaway_block.reset();
  decl = kind;
  decl_name = std::move(name);
  clauses.clear();
}

namespace {

// Removes the last entry of [declarations], the broken one, and notes its name in [unparsed].
template <typename Declaration>
void drop_last(std::vector<Declaration>& declarations, std::set<std::string>& unparsed) {
  if (declarations.empty()) return;
  if constexpr (std::is_same_v<Declaration, ast::Source>) {
    unparsed.insert(declarations.back().id);
  } else {
    unparsed.insert(declarations.back().name);
  }
  declarations.pop_back();
}

}  // namespace

void ParseBuilder::drop_unnamed() {
  // The declaration keyword, then the word where its name would be (`fact when : bool`).
  const auto word_at = [this](std::size_t at) {
    std::size_t end = at;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) ++end;
    return std::pair(std::string_view(text).substr(at, end - at), end);
  };
  std::size_t name_at = word_at(decl_offset).second;
  while (name_at < text.size() && (text[name_at] == ' ' || text[name_at] == '\t')) ++name_at;
  const std::string_view name = word_at(name_at).first;
  if (!name.empty()) kb.unparsed.names.insert(std::string(name));
}

void ParseBuilder::drop_declaration() {
  auto& unparsed = kb.unparsed;
  switch (decl) {
    case DeclKind::None: drop_unnamed(); break;
    case DeclKind::Kb: unparsed.header = unparsed.header || header == &*kb.header; break;
    case DeclKind::Levels: unparsed.levels = unparsed.levels || levels == &*kb.levels; break;
    case DeclKind::Source: drop_last(kb.sources, unparsed.names); break;
    case DeclKind::Fact: drop_last(kb.facts, unparsed.names); break;
    case DeclKind::Define: drop_last(kb.defines, unparsed.names); break;
    case DeclKind::Flag: drop_last(kb.flags, unparsed.names); break;
    case DeclKind::Score: drop_last(kb.scores, unparsed.names); break;
    case DeclKind::Topic: drop_last(kb.topics, unparsed.names); break;
    case DeclKind::Test: kb.tests.pop_back(); break;
  }
}

void ParseBuilder::reset_after_error() {
  drop_declaration();
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
