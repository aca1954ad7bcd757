// Declarations nobody uses: facts no condition reads, defines no condition uses, topics that can
// never be shown and sources nothing cites. A use inside an unused define still counts: the
// define is reported itself, and deleting it reveals the rest on the next run.
#include <fmt/format.h>

#include "compiler/lint/lint_checks.hpp"

namespace redflag::lint {

void check_unused(LintContext& context) {
  const ast::Kb& kb = context.kb();
  std::vector<bool> fact_used(kb.facts.size()), define_used(kb.defines.size());
  std::vector<bool> topic_linked(kb.topics.size()), source_cited(kb.sources.size());
  for_each_condition(kb, [&](const ast::Expr& condition, const SourceSpan&) {
    for_each_expr(condition, [&](const ast::Expr& expr) {
      if (expr.ref == ast::RefKind::Fact) fact_used[expr.ref_id] = true;
      if (expr.ref == ast::RefKind::Define) define_used[expr.ref_id] = true;
    });
  });
  const auto cite = [&](const std::vector<ast::Citation>& cites) {
    for (const auto& citation : cites) source_cited[citation.source_id] = true;
  };
  for (const auto& flag : kb.flags) {
    for (const auto topic : flag.see_ids) topic_linked[topic] = true;
    cite(flag.cites);
  }
  for (const auto& topic : kb.topics) cite(topic.cites);
  for (const auto& score : kb.scores) {
    cite(score.cites);
    for (const auto& item : score.items) {
      if (item.fact_id != ast::kNoId) fact_used[item.fact_id] = true;
    }
  }

  for (std::size_t i = 0; i < kb.facts.size(); ++i) {
    if (fact_used[i]) continue;
    const auto& fact = kb.facts[i];
    context.report(LintId::UnusedFact, fact.span, fact.span,
                   fmt::format("fact `{}` is never used in a condition", fact.name));
  }
  for (std::size_t i = 0; i < kb.defines.size(); ++i) {
    if (define_used[i]) continue;
    const auto& define = kb.defines[i];
    context.report(LintId::UnusedDefine, define.span, define.span,
                   fmt::format("define `{}` is never used", define.name));
  }
  for (std::size_t i = 0; i < kb.topics.size(); ++i) {
    const auto& topic = kb.topics[i];
    if (topic_linked[i] || topic.condition) continue;
    context.report(LintId::UnusedTopic, topic.span, topic.span,
                   fmt::format("topic `{}` is never shown: no flag links it with `see` and it "
                               "has no `when`",
                               topic.name));
  }
  for (std::size_t i = 0; i < kb.sources.size(); ++i) {
    if (source_cited[i]) continue;
    const auto& source = kb.sources[i];
    context.report(LintId::UnusedSource, source.span, source.span,
                   fmt::format("source `{}` is never cited", source.id));
  }
}

}  // namespace redflag::lint
