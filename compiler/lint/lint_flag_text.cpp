// What a reviewer needs to trust a flag: a rationale, a citation, text that tells it apart
// from the other flags, and a `see` list that names each topic once.
//
// Near-duplicate texts: compiler/lint/text_similarity.hpp says when two are; the search for
// each flag's first is compiler/lint/near_duplicates.hpp.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "compiler/lint/lint_checks.hpp"
#include "compiler/lint/near_duplicates.hpp"
#include "compiler/lint/text_similarity.hpp"

namespace redflag::lint {
namespace {

void check_duplicates(LintContext& context, std::string_view what,
                      std::string ast::Flag::*field) {
  const auto& flags = context.kb().flags;
  std::vector<std::string> texts;
  for (const auto& flag : flags) texts.push_back(normalise(flag.*field));
  const auto first = first_near_duplicates(texts);
  for (std::size_t later = 0; later < flags.size(); ++later) {
    if (!first[later]) continue;
    const std::size_t earlier = *first[later];
    const double alike = similarity(texts[earlier], texts[later]);
    const auto& flag = flags[later];
    const std::string how =
        alike == 1 ? "the same" : fmt::format("nearly the same ({:.0f}% alike)", std::floor(alike * 100));
    context.report(LintId::DuplicateText, flag.span, flag.span,
                   fmt::format("flag `{}` has {} {} as flag `{}`", flag.name, how, what,
                               flags[earlier].name));
  }
}

}  // namespace

void check_flag_text(LintContext& context) {
  for (const auto& flag : context.kb().flags) {
    if (flag.because.empty()) {
      context.report(LintId::MissingRationale, flag.span, flag.span,
                     fmt::format("flag `{}` has no rationale (`because`)", flag.name));
    }
    if (flag.cites.empty()) {
      context.report(LintId::MissingCitation, flag.span, flag.span,
                     fmt::format("flag `{}` cites no source (`cite`)", flag.name));
    }
  }
  for (const auto& flag : context.kb().flags) {
    for (std::size_t i = 0; i < flag.see.size(); ++i) {
      const auto first = std::find(flag.see.begin(), flag.see.begin() + i, flag.see[i]);
      if (first == flag.see.begin() + i) continue;
      auto& finding = context.report(LintId::DuplicateSee, flag.see_spans[i], flag.span,
                                     fmt::format("flag `{}` names topic `{}` twice in `see`",
                                                 flag.name, flag.see[i]));
      // The fix deletes `, name` when it stands on one line.
      const SourceSpan& before = flag.see_spans[i - 1];
      const SourceSpan& here = flag.see_spans[i];
      if (before.begin.line != here.begin.line) continue;
      SourceSpan gone{before.begin, 0};
      gone.begin.offset += before.length;
      gone.begin.column += before.length;
      gone.length = static_cast<std::uint32_t>(here.begin.offset + here.length - gone.begin.offset);
      finding.fixes.push_back(Fix{fmt::format("delete the repeated `{}`", flag.see[i]), {TextEdit{gone, ""}}});
    }
  }
  check_duplicates(context, "title", &ast::Flag::title);
  check_duplicates(context, "rationale", &ast::Flag::because);
}

}  // namespace redflag::lint
