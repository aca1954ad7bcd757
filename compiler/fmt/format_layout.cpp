// The layout pass of `redflag fmt`: declarations at column 0, one clause per line indented by
// 2, long clauses filled at `and` / `or` / `,` with continuation lines indented by 4, comments
// where they stood. docs/fmt.md states the rules this file implements.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "compiler/fmt/format_source.hpp"
#include "compiler/fmt/format_tokens.hpp"

namespace redflag {
namespace {

using formatter::Token;
using formatter::TokenComment;
using formatter::TokenKind;

constexpr std::size_t kClauseIndent = 2;
constexpr std::size_t kContinuationIndent = 4;
constexpr std::size_t kTextBlockExtraIndent = 2;

// Each declaration keyword with the keywords that start its clauses (grammar/grammar.hpp).
struct DeclShape {
  std::string_view keyword;
  std::vector<std::string_view> clauses;
};
const std::array<DeclShape, 9> kDecls{{
    {"kb", {"title", "version", "status", "reviewed", "next_review", "author"}},
    {"source", {"url"}},
    {"levels", {"indicator"}},
    {"fact", {"ask", "means", "fhir"}},
    {"define", {}},
    {"flag", {"title", "when", "because", "cite", "advise", "see"}},
    {"score", {"title", "cite", "item"}},  // and bands, laid out by score_lines
    {"topic", {"when", "cite"}},  // and text blocks
    {"test", {"given", "expect"}},
}};

const DeclShape* decl_shape(const Token& token) {
  if (token.kind != TokenKind::Word) return nullptr;
  for (const auto& decl : kDecls) {
    if (decl.keyword == token.text) return &decl;
  }
  return nullptr;
}

bool starts_clause(const DeclShape& decl, const Token& token) {
  if (token.kind == TokenKind::TextBlock) return decl.keyword == "topic";
  return token.kind == TokenKind::Word &&
         std::find(decl.clauses.begin(), decl.clauses.end(), token.text) != decl.clauses.end();
}

bool is_punct(const Token& token, std::string_view text) {
  return token.kind == TokenKind::Punct && token.text == text;
}

// Whether a blank separates [previous] and [next] on one line.
bool needs_space(const Token& previous, const Token& next) {
  if (is_punct(previous, "(") || is_punct(previous, "{")) return false;
  if (is_punct(next, ")") || is_punct(next, "}") || is_punct(next, ",")) return false;
  return !(previous.kind == TokenKind::Word && previous.text == "known" && is_punct(next, "("));
}

// The columns [token] takes on its line (a text block: its opening quotes).
std::size_t width(const Token& token) {
  return token.kind == TokenKind::TextBlock ? 3 : token.text.size();
}

// Where a clause may be broken: before a top-level `and` / `or` (not the `and` of a
// `between`), or after a top-level comma.
enum class Break : std::uint8_t { None, And, Or, Comma };

// One output line: its code (with indentation) and a trailing comment.
struct OutLine {
  std::string code;
  std::string comment;
};

class Printer {
 public:
  explicit Printer(const formatter::TokenizedFile& file) : tokens_(file.tokens), file_(file) {}

  std::string print() {
    bool previous_multi_line = false;
    for (std::size_t begin = 0; begin < tokens_.size();) {
      const DeclShape* decl = decl_shape(tokens_[begin]);
      std::size_t end = begin + 1;
      while (end < tokens_.size() && !starts_declaration(end)) ++end;
      const std::size_t first_line = out_.size();
      declaration(decl, begin, end);
      // Lay out first, then decide the blank line before it (it depends on its height).
      std::vector<OutLine> body(out_.begin() + static_cast<std::ptrdiff_t>(first_line), out_.end());
      out_.resize(first_line);
      const bool multi_line = body.size() > 1;
      top_level_comments(tokens_[begin].leading, tokens_[begin].blank_before,
                         begin > 0 && (multi_line || previous_multi_line));
      out_.insert(out_.end(), body.begin(), body.end());
      previous_multi_line = multi_line;
      begin = end;
    }
    top_level_comments(file_.final_comments, false, false);
    return render();
  }

 private:
  // Whether token [i] starts a declaration: its keyword, except `score` in `expect score`.
  bool starts_declaration(std::size_t i) const {
    if (decl_shape(tokens_[i]) == nullptr) return false;
    const Token& previous = tokens_[i - 1];
    return !(previous.kind == TokenKind::Word && previous.text == "expect");
  }

  // Own-line [comments] at column 0 before a declaration (or the end of the file), keeping one
  // blank line wherever the source had some; [blank_after] is the blank line before what
  // follows them; [need_blank] asks for at least one blank line in this gap.
  void top_level_comments(const std::vector<TokenComment>& comments, bool blank_after,
                          bool need_blank) {
    std::vector<bool> gaps;
    for (const auto& comment : comments) gaps.push_back(comment.blank_before);
    gaps.push_back(blank_after);
    if (out_.empty()) gaps.front() = false;
    if (need_blank && std::find(gaps.begin(), gaps.end(), true) == gaps.end()) gaps.front() = true;
    for (std::size_t i = 0; i < comments.size(); ++i) {
      if (gaps[i]) out_.push_back({});
      out_.push_back({comments[i].text, ""});
    }
    if (gaps.back() && !out_.empty()) out_.push_back({});
  }

  void declaration(const DeclShape* decl, std::size_t begin, std::size_t end) {
    const std::vector<std::size_t> indents = line_indents(decl, begin, end);
    std::size_t clause_begin = begin;
    for (std::size_t i = begin + 1; i <= end; ++i) {
      if (i < end && indents[i - begin] == kNoLine) continue;
      const std::size_t indent = indents[clause_begin - begin];
      if (clause_begin != begin) own_line_comments(tokens_[clause_begin].leading, indent);
      clause(clause_begin, i, indent);
      clause_begin = i;
    }
  }

  static constexpr std::size_t kNoLine = static_cast<std::size_t>(-1);

  // The indentation of each token of [begin, end) that starts a line, kNoLine for the others:
  // the declaration at 0, clauses at 2; in a score, a banded item's `when` groups at 4 and its
  // bands at 4, or 6 inside a group.
  std::vector<std::size_t> line_indents(const DeclShape* decl, std::size_t begin, std::size_t end) const {
    std::vector<std::size_t> indents(end - begin, kNoLine);
    indents[0] = 0;
    const bool score = decl != nullptr && decl->keyword == "score";
    bool banded = false, grouped = false;
    for (std::size_t i = begin + 1; i < end; ++i) {
      const Token& token = tokens_[i];
      if (decl != nullptr && starts_clause(*decl, token)) {
        indents[i - begin] = kClauseIndent;
        banded = grouped = false;
      } else if (score && token.kind == TokenKind::Word && token.text == "on") {
        banded = true;
      } else if (score && banded && token.kind == TokenKind::Word && token.text == "when") {
        indents[i - begin] = 2 * kClauseIndent;
        grouped = true;
      } else if (score && banded && starts_band(i, end)) {
        indents[i - begin] = (grouped ? 3 : 2) * kClauseIndent;
      }
    }
    return indents;
  }

  // Whether token [i] is the points that start a band: a number followed by `below`, `from` or
  // `for`, and not itself the bound after `from` (`from 9 below 12`).
  bool starts_band(std::size_t i, std::size_t end) const {
    if (tokens_[i].kind != TokenKind::Number || i + 1 >= end) return false;
    const Token& next = tokens_[i + 1];
    const Token& previous = tokens_[i - 1];
    const bool shape = next.kind == TokenKind::Word && (next.text == "below" || next.text == "from" || next.text == "for");
    return shape && !(previous.kind == TokenKind::Word && previous.text == "from");
  }

  void own_line_comments(const std::vector<TokenComment>& comments, std::size_t indent) {
    for (const auto& comment : comments) out_.push_back({std::string(indent, ' ') + comment.text, ""});
  }

  // The break opportunity before each token of [begin, end).
  std::vector<Break> breaks(std::size_t begin, std::size_t end) const {
    std::vector<Break> result(end - begin, Break::None);
    std::vector<int> open_betweens{0};  // per nesting depth
    for (std::size_t i = begin; i < end; ++i) {
      const Token& token = tokens_[i];
      int& betweens = open_betweens.back();
      const bool top = open_betweens.size() == 1;
      if (is_punct(token, "(") || is_punct(token, "{")) {
        open_betweens.push_back(0);
      } else if ((is_punct(token, ")") || is_punct(token, "}")) && !top) {
        open_betweens.pop_back();
      } else if (token.kind == TokenKind::Word && token.text == "between") {
        ++betweens;
      } else if (token.kind == TokenKind::Word && token.text == "and" && betweens > 0) {
        --betweens;
      } else if (top && token.kind == TokenKind::Word && (token.text == "and" || token.text == "or")) {
        result[i - begin] = token.text == "or" ? Break::Or : Break::And;
      } else if (top && is_punct(token, ",") && i + 1 < end) {
        result[i + 1 - begin] = Break::Comma;
      }
    }
    return result;
  }

  // The columns of tokens [from, to) on one line.
  std::size_t run_width(std::size_t from, std::size_t to) const {
    std::size_t columns = 0;
    for (std::size_t i = from; i < to; ++i) {
      columns += width(tokens_[i]) + (i > from && needs_space(tokens_[i - 1], tokens_[i]) ? 1 : 0);
    }
    return columns;
  }

  // Lays out the clause of tokens [begin, end) starting at column [indent].
  void clause(std::size_t begin, std::size_t end, std::size_t indent) {
    const std::vector<Break> kinds = breaks(begin, end);
    const bool or_first = indent + run_width(begin, end) > kFormatWidth &&
                          std::find(kinds.begin(), kinds.end(), Break::Or) != kinds.end();
    std::string line(indent, ' ');
    bool line_start = true;
    const auto new_line = [&](std::size_t next_indent) {
      out_.push_back({line, ""});
      line.assign(next_indent, ' ');
      line_start = true;
    };
    for (std::size_t i = begin; i < end; ++i) {
      const Token& token = tokens_[i];
      const Break kind = kinds[i - begin];
      if (i > begin && !token.leading.empty()) {
        if (!line_start) new_line(kContinuationIndent);
        own_line_comments(token.leading, kContinuationIndent);
      } else if (!line_start && kind != Break::None) {
        std::size_t next = i + 1;
        while (next < end && kinds[next - begin] == Break::None) ++next;
        const std::size_t space = needs_space(tokens_[i - 1], token) ? 1 : 0;
        if ((or_first && kind == Break::Or) || line.size() + space + run_width(i, next) > kFormatWidth) {
          new_line(kContinuationIndent);
        }
      }
      if (!line_start && needs_space(tokens_[i - 1], token)) line += ' ';
      line_start = false;
      if (token.kind == TokenKind::TextBlock) {
        text_block(line, token.value);
      } else {
        line += token.text;
      }
      if (!token.trailing.empty()) {
        out_.push_back({line, token.trailing});
        line.assign(kContinuationIndent, ' ');
        line_start = true;
      }
    }
    if (!line_start) out_.push_back({line, ""});
  }

  // Appends a text block holding [value] to [line]: its lines indented like the line it opens
  // on (2 more when other code precedes it there); [line] is left as the closing quotes.
  void text_block(std::string& line, const std::string& value) {
    const std::size_t line_indent = line.find_first_not_of(' ');
    const bool alone = line_indent == std::string::npos;
    const std::size_t indent = alone ? line.size() : line_indent + kTextBlockExtraIndent;
    out_.push_back({line + "\"\"\"", ""});
    for (std::size_t start = 0;;) {
      const auto stop = value.find('\n', start);
      const std::string text = value.substr(start, stop == std::string::npos ? stop : stop - start);
      out_.push_back({text.empty() ? "" : std::string(indent, ' ') + text, ""});
      if (stop == std::string::npos) break;
      start = stop + 1;
    }
    line = std::string(indent, ' ') + "\"\"\"";
  }

  // The lines joined, trailing comments aligned within each run of consecutive lines that
  // have one.
  std::string render() const {
    std::string text;
    for (std::size_t i = 0; i < out_.size();) {
      std::size_t run_end = i + 1;
      std::size_t column = out_[i].code.size();
      if (!out_[i].comment.empty()) {
        while (run_end < out_.size() && !out_[run_end].comment.empty()) {
          column = std::max(column, out_[run_end++].code.size());
        }
      }
      for (; i < run_end; ++i) {
        text += out_[i].code;
        if (!out_[i].comment.empty()) {
          text += std::string(column - out_[i].code.size() + 1, ' ') + out_[i].comment;
        }
        text += '\n';
      }
    }
    return text;
  }

  const std::vector<Token>& tokens_;
  const formatter::TokenizedFile& file_;
  std::vector<OutLine> out_;
};

}  // namespace

std::string format_source(std::string_view text) {
  const formatter::TokenizedFile file = formatter::tokenize(text);
  return Printer(file).print();
}

}  // namespace redflag
