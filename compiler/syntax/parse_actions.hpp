// The PEGTL actions that turn grammar matches into the AST (included by compiler/syntax/parse.cpp only).
//
// One `action<rule>` per rule that carries data; every other rule has no action. Actions only
// build the tree and report the few problems visible while parsing (a long identifier, a
// number a double cannot hold, a repeated clause, a second `kb`); everything else is left to
// name resolution and type checks.
#pragma once

#include <algorithm>
#include <charconv>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

#include "compiler/syntax/parse_builder.hpp"
#include "grammar/grammar.hpp"

namespace redflag::internal {

namespace g = redflag::grammar;

template <typename Rule>
struct action : tao::pegtl::nothing<Rule> {};

template <typename ActionInput>
SourceLoc loc_of(const ActionInput& in, const ParseBuilder& b) {
  const auto position = in.position();
  return SourceLoc{b.file_id, static_cast<std::uint32_t>(position.line),
                   static_cast<std::uint32_t>(position.column), position.byte};
}

template <typename ActionInput>
SourceSpan span_of(const ActionInput& in, const ParseBuilder& b) {
  const SourceLoc begin = loc_of(in, b);
  return b.span(begin, begin.offset + in.size());
}

// Where the match [in] ends: the input stands just past it while its action runs.
template <typename ActionInput>
SourceLoc end_of(const ActionInput& in, const ParseBuilder& b) {
  const auto& end = in.input().iterator();
  return SourceLoc{b.file_id, static_cast<std::uint32_t>(end.line),
                   static_cast<std::uint32_t>(end.column), end.byte};
}

// Pushes a new expression node of [kind] spanning [in].
template <typename ActionInput>
ast::Expr& push_expr(ast::ExprKind kind, const ActionInput& in, ParseBuilder& b) {
  auto expr = std::make_unique<ast::Expr>();
  expr->kind = kind;
  expr->span = span_of(in, b);
  expr->text_begin = expr->span.begin;
  expr->text_end = end_of(in, b);
  b.stack.push_back(std::move(expr));
  return *b.stack.back();
}

// Replaces the top [count] stack entries by one node of [kind] with them as children, from the
// first child's start to the end of [in].
template <typename ActionInput>
void fold(ast::ExprKind kind, std::size_t count, const ActionInput& in, ParseBuilder& b) {
  auto node = std::make_unique<ast::Expr>();
  node->kind = kind;
  const auto first = b.stack.end() - static_cast<std::ptrdiff_t>(count);
  for (auto it = first; it != b.stack.end(); ++it) node->children.push_back(std::move(*it));
  b.stack.erase(first, b.stack.end());
  const SourceLoc begin = node->children.front()->span.begin;
  node->span = b.span(begin, loc_of(in, b).offset + in.size());
  node->text_begin = node->children.front()->text_begin;
  node->text_end = end_of(in, b);
  b.stack.push_back(std::move(node));
}

// `a and b and c` becomes one And node with three children (likewise `or`).
template <typename ActionInput>
void fold_associative(ast::ExprKind kind, const ActionInput& in, ParseBuilder& b) {
  ast::Expr& left = *b.stack[b.stack.size() - 2];
  if (left.kind != kind) return fold(kind, 2, in, b);
  left.children.push_back(b.pop());
  left.span = b.span(left.span.begin, loc_of(in, b).offset + in.size());
  left.text_end = end_of(in, b);
  left.parenthesized = false;  // `(a and b) and c`: the parentheses hold only part of it now
}

// ---- Lexical ----

template <> struct action<g::comment> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    const SourceLoc begin = loc_of(in, b);
    if (!b.kb.comments.empty() && b.kb.comments.back().span.begin.file_id == b.file_id &&
        b.kb.comments.back().span.begin.offset >= begin.offset) {
      return;  // matched again after backtracking
    }
    std::string text = in.string();
    if (!text.empty() && text.back() == '\r') text.pop_back();
    const auto line_start = b.text.rfind('\n', begin.offset == 0 ? 0 : begin.offset - 1);
    const std::size_t from = (line_start == std::string::npos || begin.offset == 0) ? 0 : line_start + 1;
    const bool own_line =
        b.text.find_first_not_of(" \t", from) == static_cast<std::size_t>(begin.offset);
    b.kb.comments.push_back(ast::Comment{std::move(text), span_of(in, b), own_line});
  }
};

template <> struct action<g::identifier> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    if (in.size() <= g::kMaxIdentifierBytes) return;
    const SourceLoc begin = loc_of(in, b);
    if (begin.offset == b.last_long_identifier) return;
    b.last_long_identifier = begin.offset;
    b.diagnostics.report<DiagKind::IdentifierTooLong>(SourceSpan{begin, 1}, in.size(),
                                                      g::kMaxIdentifierBytes);
  }
};

template <> struct action<g::string_rest> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    const std::string_view body(in.begin(), in.size() - 1);  // without the closing quote
    b.pending_text = unescape(body);
  }
};

template <> struct action<g::text_block_rest> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.pending_text = dedent(std::string_view(in.begin(), in.size() - 3));
  }
};

template <> struct action<g::number> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.pending_literal = ast::Literal{};
    b.pending_literal.text = in.string();
    b.pending_literal.span = span_of(in, b);
    const NumberReading reading = read_number(b.pending_literal.text);
    b.pending_literal.value = reading.value;
    if (reading.fit == NumberReading::Fit::TooLarge) {
      b.diagnostics.report<DiagKind::NumberTooLarge>(b.pending_literal.span, b.pending_literal.text);
    } else if (reading.fit == NumberReading::Fit::TooSmall) {
      b.diagnostics.report<DiagKind::NumberTooSmall>(b.pending_literal.span, b.pending_literal.text);
    }
  }
};

template <> struct action<g::literal_unit> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.pending_literal.unit = in.string();
    b.pending_literal.unit_span = span_of(in, b);
  }
};

// ---- Conditions ----

template <> struct action<g::bool_constant> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    const char first = *in.begin();
    push_expr(ast::ExprKind::BoolConst, in, b).tri = first == 't' ? 1 : first == 'f' ? 0 : 2;
  }
};

template <> struct action<g::number_operand> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    push_expr(ast::ExprKind::Number, in, b).number = b.pending_literal;
  }
};

template <> struct action<g::urgency_operand> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    push_expr(ast::ExprKind::Urgency, in, b);
  }
};

template <> struct action<g::name_operand> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    ast::Expr& expr = push_expr(ast::ExprKind::Name, in, b);
    expr.name = in.string();
    expr.name_span = expr.span;
  }
};

// `( expr )`: the expression's text takes in the parentheses.
template <> struct action<g::paren_expr> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    ast::Expr& expr = *b.stack.back();
    expr.text_begin = loc_of(in, b);
    expr.text_end = end_of(in, b);
    expr.parenthesized = true;
  }
};

template <> struct action<g::known_name> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.known_name = in.string();
    b.known_span = span_of(in, b);
  }
};

template <> struct action<g::known_call> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    ast::Expr& expr = push_expr(ast::ExprKind::Known, in, b);
    expr.name = b.known_name;
    expr.name_span = b.known_span;
  }
};

template <> struct action<g::count_mode> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    const std::string_view words(in.begin(), in.size());
    b.count_modes.push_back(words.front() == 'e'             ? ast::ExprKind::Exactly
                            : words.substr(words.size() - 4) == "most" ? ast::ExprKind::AtMost
                                                                     : ast::ExprKind::AtLeast);
  }
};

template <> struct action<g::at_least_count> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    // Saturates (from_chars leaves it alone when out of range): a count above the limit on
    // items is reported by the type checker anyway.
    std::uint32_t count = std::numeric_limits<std::uint32_t>::max();
    std::from_chars(in.begin(), in.end(), count);
    b.at_least_counts.push_back(count);
    b.stack.push_back(nullptr);  // marks where the items begin
  }
};

template <> struct action<g::at_least> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    auto node = std::make_unique<ast::Expr>();
    node->kind = b.count_modes.back();
    b.count_modes.pop_back();
    node->span = span_of(in, b);
    node->text_begin = node->span.begin;
    node->text_end = end_of(in, b);
    node->count = b.at_least_counts.back();
    b.at_least_counts.pop_back();
    const auto marker = std::find(b.stack.rbegin(), b.stack.rend(), nullptr).base() - 1;
    for (auto it = marker + 1; it != b.stack.end(); ++it) node->children.push_back(std::move(*it));
    b.stack.erase(marker, b.stack.end());
    b.stack.push_back(std::move(node));
  }
};

template <> struct action<g::compare_tail> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    const std::string_view op(in.begin(), 2);
    const bool two = op[1] == '=';
    ast::Cmp cmp = ast::Cmp::Eq;
    switch (op[0]) {
      case '!': cmp = ast::Cmp::Ne; break;
      case '<': cmp = two ? ast::Cmp::Le : ast::Cmp::Lt; break;
      case '>': cmp = two ? ast::Cmp::Ge : ast::Cmp::Gt; break;
      default: break;
    }
    fold(ast::ExprKind::Compare, 2, in, b);
    b.stack.back()->cmp = cmp;
  }
};

// Folds the two operands of `*`, `/`, `+` or `-` whose operator starts at [op].
template <typename In>
void fold_arith(char op, const In& in, ParseBuilder& b) {
  fold(ast::ExprKind::Arith, 2, in, b);
  b.stack.back()->arith = op == '+' ? ast::ArithOp::Add : op == '-' ? ast::ArithOp::Sub
                        : op == '*' ? ast::ArithOp::Mul : ast::ArithOp::Div;
}

template <> struct action<g::mul_op> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) { b.arith_ops.push_back(*in.begin()); }
};
template <> struct action<g::add_op> : action<g::mul_op> {};

template <> struct action<g::product_tail> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    const char op = b.arith_ops.back();
    b.arith_ops.pop_back();
    fold_arith(op, in, b);
  }
};
template <> struct action<g::sum_tail> : action<g::product_tail> {};

template <> struct action<g::set_item> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.set_names.push_back(in.string());
    b.set_spans.push_back(span_of(in, b));
  }
};

template <> struct action<g::in_tail> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    fold(ast::ExprKind::InSet, 1, in, b);
    ast::Expr& node = *b.stack.back();
    node.negated = *in.begin() == 'n';
    node.set_names = std::move(b.set_names);
    node.set_spans = std::move(b.set_spans);
    b.set_names.clear();
    b.set_spans.clear();
  }
};

template <> struct action<g::between_tail> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    fold(ast::ExprKind::Between, 3, in, b);
  }
};

template <> struct action<g::not_expr> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    auto child = b.pop();
    push_expr(ast::ExprKind::Not, in, b).children.push_back(std::move(child));
  }
};

template <> struct action<g::and_tail> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    fold_associative(ast::ExprKind::And, in, b);
  }
};

template <> struct action<g::or_tail> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    fold_associative(ast::ExprKind::Or, in, b);
  }
};

}  // namespace redflag::internal
