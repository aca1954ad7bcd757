// run_lints: every check, then suppressions, then levels; and what the checks share.
#include <algorithm>

#include "compiler/lint/lint_checks.hpp"
#include "compiler/lint/suppression.hpp"
#include "compiler/written_text.hpp"

namespace redflag::lint {

LintFinding& LintContext::report(LintId lint, SourceSpan span, const SourceSpan& declaration,
                                 std::string message) {
  // A caret line shows one source line: clip a span that runs on.
  const std::string& text = frontend.files.at(span.begin.file_id).text;
  const auto line_end = std::min(text.find('\n', span.begin.offset), text.size());
  span.length = static_cast<std::uint32_t>(
      std::min<std::uint64_t>(span.length, line_end - span.begin.offset));
  LintFinding finding;
  finding.lint = lint;
  finding.span = span;
  finding.decl_line = declaration.begin.line;
  finding.message = std::move(message);
  findings.push_back(std::move(finding));
  return findings.back();
}

std::string LintContext::text_of(const SourceSpan& span) const {
  const std::string_view text = frontend.files.at(span.begin.file_id).text;
  std::string_view source = text.substr(span.begin.offset, span.length);
  // The span of `(a and b) or c` starts after its first `(`: take back the parentheses it
  // closes, so that the text shown is balanced.
  auto open = std::count(source.begin(), source.end(), '(');
  std::size_t begin = span.begin.offset;
  while (std::count(source.begin(), source.end(), ')') > open && begin > 0) {
    const char c = text[--begin];
    if (c != '(' && c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    open += c == '(';
    source = text.substr(begin, span.begin.offset + span.length - begin);
  }
  return one_line(source);
}

std::string LintContext::written(const ast::Expr& expr) const {
  return written_text(frontend.files.at(expr.span.begin.file_id).text, expr);
}

void for_each_expr(const ast::Expr& expr, const std::function<void(const ast::Expr&)>& visit) {
  visit(expr);
  for (const auto& child : expr.children) for_each_expr(*child, visit);
}

void for_each_condition(const ast::Kb& kb,
                        const std::function<void(const ast::Expr&, const SourceSpan&)>& visit) {
  for (const auto& define : kb.defines) visit(*define.condition, define.span);
  for (const auto& flag : kb.flags) visit(*flag.condition, flag.span);
  for (const auto& score : kb.scores) {
    for (const auto& item : score.items) {
      if (item.condition) visit(*item.condition, score.span);
      for (const auto& group : item.groups) {
        if (group.guard) visit(*group.guard, score.span);
      }
    }
  }
  for (const auto& topic : kb.topics) {
    if (topic.condition) visit(*topic.condition, topic.span);
  }
}

std::vector<LintFinding> run_lints(const FrontendResult& frontend, const LintOptions& options) {
  std::vector<LintFinding> findings;
  LintContext context{frontend, options, findings};
  check_unused(context);
  check_flag_text(context);
  check_logic(context);
  check_mixed_and_or(context);
  check_comparisons(context);
  check_governance(context);
  check_tests(context);
  // Suppressions match findings whatever their level, so that turning a lint off in the
  // config does not make its suppressions "unused".
  auto suppressions = find_suppressions(frontend.kb);
  apply_suppressions(findings, suppressions);
  for (auto& finding : unused_suppressions(suppressions)) findings.push_back(std::move(finding));
  const auto levels = effective_levels(options);
  findings.erase(std::remove_if(findings.begin(), findings.end(),
                                [&](const LintFinding& finding) {
                                  return levels[static_cast<std::size_t>(finding.lint)] ==
                                         LintLevel::Off;
                                }),
                 findings.end());
  for (auto& finding : findings) {
    finding.severity = levels[static_cast<std::size_t>(finding.lint)] == LintLevel::Error
                           ? Severity::Error
                           : Severity::Warning;
  }
  std::stable_sort(findings.begin(), findings.end(), [](const LintFinding& a, const LintFinding& b) {
    return std::pair(a.span.begin.file_id, a.span.begin.offset) <
           std::pair(b.span.begin.file_id, b.span.begin.offset);
  });
  return findings;
}

}  // namespace redflag::lint
