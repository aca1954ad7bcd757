// The state the parse actions share while building the AST of one file.
//
// Expressions are built bottom-up on a stack: operands push, operators pop their operands and
// push the result, and a null entry marks where the items of an `at least` list begin. Values
// whose rule is shared by several clauses (the last string, the last number) wait in `pending_*`
// until the clause's own action takes them.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast.hpp"
#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/syntax/literals.hpp"

namespace redflag::internal {

// The declaration whose clauses the parser is reading.
enum class DeclKind : std::uint8_t { None, Kb, Source, Levels, Fact, Define, Flag, Score, Topic, Test };

struct ParseBuilder {
  ParseBuilder(ast::Kb& kb_in, Diagnostics& diagnostics_in, std::uint32_t file_id_in,
               const std::string& text_in)
      : kb(kb_in), diagnostics(diagnostics_in), file_id(file_id_in), text(text_in) {}

  ast::Kb& kb;
  Diagnostics& diagnostics;
  std::uint32_t file_id;
  const std::string& text;

  DeclKind decl = DeclKind::None;
  std::string decl_name;           // for "`title` given twice in flag `x`"
  std::set<std::string> clauses;   // single clauses seen in the current declaration
  std::uint64_t decl_offset = 0;   // where the declaration being read starts
  ast::KbHeader* header = nullptr;  // &*kb.header, or &spare_header for a second `kb`
  ast::Levels* levels = nullptr;    // likewise for `levels`
  ast::KbHeader spare_header;
  ast::Levels spare_levels;

  std::vector<ast::ExprPtr> stack;
  std::vector<std::uint32_t> at_least_counts;
  std::vector<char> arith_ops;  // `+ - * /` whose right operand is being read
  std::vector<ast::ExprKind> count_modes;  // AtLeast, AtMost or Exactly, one per open count
  ast::Literal pending_points;  // the points of the row or condition item being read
  ast::Literal band_low, band_high;
  std::vector<std::string> set_names;
  std::vector<SourceSpan> set_spans;
  std::string known_name;
  SourceSpan known_span;
  ast::Literal pending_literal;
  std::string pending_text;
  std::uint64_t last_long_identifier = UINT64_MAX;  // offset, so backtracking reports it once

  // The span from byte [begin] to byte [end] of the file, cut at the end of [begin]'s line.
  SourceSpan span(const SourceLoc& begin, std::uint64_t end) const;
  // The offset of the first "\n" at or after [offset], or the text's size.
  std::uint64_t line_end(std::uint64_t offset) const;
  // What line_end last learnt: [scanned_from, scanned_end) holds no "\n", and scanned_end is a
  // "\n" or the end. Every operand of a long condition spans back to its start, so without it
  // a 10 MB one-line condition was scanned once per operand (minutes instead of a second).
  mutable bool scanned = false;
  mutable std::uint64_t scanned_from = 0;
  mutable std::uint64_t scanned_end = 0;

  // "kb/a.rf:3:6": where [span] stands, for "the first is at".
  std::string where(const SourceSpan& span) const;

  // Reports E012 when the single clause [clause] was already given in this declaration.
  void once(std::string_view clause, SourceSpan where);

  // Starts declaration [kind] named [name]: the clauses that follow belong to it.
  void start(DeclKind kind, std::string name);

  // Forgets the half-built expression state after a syntax error, and drops the declaration the
  // error cut short, noting its name in kb.unparsed.
  void reset_after_error();

  // Called as a declaration starts at byte [offset]: its clauses belong to no declaration until
  // its name is read.
  void begin_declaration(std::uint64_t offset) {
    decl = DeclKind::None;
    decl_offset = offset;
  }

  // A text block of the current topic that holds a line starting with a declaration keyword,
  // which means its closing `"""` is missing and it ran into the next topic's block. A syntax
  // error in the topic is then reported as E006 at the block's opening (compiler/syntax/parse.cpp).
  struct RunawayBlock {
    SourceSpan opening;            // the opening `"""`
    std::uint32_t keyword_line = 0;  // the line of the swallowed declaration
    std::string keyword;           // `topic`
  };
  std::optional<RunawayBlock> runaway_block;
  // Sets runaway_block when the block [text] at [span] holds a line that starts a declaration.
  void note_runaway_block(const SourceSpan& span, std::string_view text);

  ast::ExprPtr pop();
  // The citation list of the current flag, score or topic.
  std::vector<ast::Citation>& cites();

 private:
  void drop_declaration();
  // Notes what a declaration broken before its name would have declared.
  void drop_unnamed();
};

}  // namespace redflag::internal
