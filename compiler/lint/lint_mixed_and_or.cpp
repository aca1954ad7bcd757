// mixed-and-or: `a and b or c` reads as `(a and b) or c`, because `and` binds tighter than
// `or`; an author who meant `a and (b or c)` gets a flag that fires for every patient with c.
// Like clang's -Wlogical-op-parentheses, it asks for parentheses wherever an `and` stands
// unparenthesised inside an `or`, and offers the fix that writes the ones the parser used.
// (An `or` inside an `and` needs parentheses to parse at all, so the reverse cannot happen.)
#include <fmt/format.h>

#include "compiler/lint/lint_checks.hpp"
#include "compiler/written_text.hpp"

namespace redflag::lint {
namespace {

// A zero-length edit inserting [text] at [at].
TextEdit insert_at(const SourceLoc& at, std::string text) {
  return TextEdit{SourceSpan{at, 0}, std::move(text)};
}

void check_or(LintContext& context, const ast::Expr& either, const SourceSpan& declaration) {
  Fix fix;
  for (const auto& child : either.children) {
    if (child->kind != ast::ExprKind::And || child->parenthesized) continue;
    fix.edits.push_back(insert_at(child->text_begin, "("));
    fix.edits.push_back(insert_at(child->text_end, ")"));
  }
  if (fix.edits.empty()) return;
  // The condition as the parser reads it: its own text with the fix applied.
  const std::uint32_t file_id = either.span.begin.file_id;
  const std::string_view file = context.frontend.files.at(file_id).text;
  const std::string fixed = one_line(
      apply_fixes(file.substr(0, either.text_end.offset), file_id, {&fix}).substr(either.text_begin.offset));
  fix.description = "add missing parentheses";
  context
      .report(LintId::MixedAndOr, either.span, declaration,
              fmt::format("`and` mixed with `or` without parentheses reads as `{}`: `and` binds "
                          "tighter",
                          fixed))
      .fixes.push_back(std::move(fix));
}

}  // namespace

void check_mixed_and_or(LintContext& context) {
  for_each_condition(context.kb(), [&](const ast::Expr& condition, const SourceSpan& declaration) {
    for_each_expr(condition, [&](const ast::Expr& expr) {
      if (expr.kind == ast::ExprKind::Or) check_or(context, expr, declaration);
    });
  });
}

}  // namespace redflag::lint
