// Name resolution outside conditions: the symbol tables, duplicate and missing declarations,
// and every reference by name to a level, topic, source, flag or fact; plus define cycles.
#include <algorithm>
#include <functional>

#include "compiler/check/check_phases.hpp"
#include "runtime/suggest.hpp"

namespace redflag::internal {

std::uint32_t NameTable::find(const std::string& name) const {
  const auto it = ids.find(name);
  return it == ids.end() ? ast::kNoId : it->second;
}

std::string where(const ast::Kb& kb, const SourceSpan& span) {
  return fmt::format("{}:{}:{}", kb.files.at(span.begin.file_id), span.begin.line,
                     span.begin.column);
}

namespace {

// "number", or the dimension of a quantity ("mass").
std::string_view type_word(const ast::Fact& fact) {
  switch (fact.type) {
    case ast::FactType::Bool: return "bool";
    case ast::FactType::Number: return "number";
    case ast::FactType::Integer: return "integer";
    case ast::FactType::Quantity: return dimension_name(fact.dimension);
    case ast::FactType::Enum: return "enum";
    case ast::FactType::Text: return "text";
  }
  return "";
}

}  // namespace

std::string describe_fact(const ast::Fact& fact) {
  return fmt::format("{} fact `{}`", type_word(fact), fact.name);
}

namespace {

// Reports E026 for [kind] [name] at [span], with a note showing the [first] declaration.
void report_duplicate(const ast::Kb& kb, const SourceSpan& span, std::string_view kind, const std::string& name,
                      const SourceSpan& first, Diagnostics& diagnostics) {
  diagnostics.report<DiagKind::DuplicateName>(span, kind, name, where(kb, first))
      .related.push_back(RelatedLocation{first, "the first declaration is here"});
}

// Adds [name] declared at [span] to [table] as id [id]; reports E026 when [kind]'s name was
// already declared in [table] or in [shared] (facts and defines share one namespace).
void declare(const ast::Kb& kb, NameTable& table, const NameTable* shared, std::string_view kind,
             const std::string& name, const SourceSpan& span, const std::vector<SourceSpan>& spans,
             const std::vector<SourceSpan>* shared_spans, Diagnostics& diagnostics) {
  const std::uint32_t id = static_cast<std::uint32_t>(table.names.size());
  if (const auto previous = table.find(name); previous != ast::kNoId) {
    report_duplicate(kb, span, kind, name, spans[previous], diagnostics);
  } else if (const auto other = shared ? shared->find(name) : ast::kNoId; other != ast::kNoId) {
    report_duplicate(kb, span, kind, name, (*shared_spans)[other], diagnostics);
  } else {
    table.ids.emplace(name, id);
  }
  table.names.push_back(name);
}

// Builds [table] from the `name`/`span` members of [items].
template <typename Item>
void declare_all(const ast::Kb& kb, NameTable& table, const NameTable* shared,
                 std::string_view kind, const std::vector<Item>& items,
                 const std::vector<SourceSpan>* shared_spans, Diagnostics& diagnostics,
                 std::vector<SourceSpan>& spans) {
  for (const auto& item : items) {
    if constexpr (std::is_same_v<Item, ast::Source>) {
      spans.push_back(item.span);
      declare(kb, table, shared, kind, item.id, item.span, spans, shared_spans, diagnostics);
    } else {
      spans.push_back(item.span);
      declare(kb, table, shared, kind, item.name, item.span, spans, shared_spans, diagnostics);
    }
  }
}

// Looks [name] up in [table] for a reference at [span]; reports [kKind] with a suggestion unless
// [name] may be a declaration a syntax error cut short (of [kb]).
template <DiagKind kKind>
std::uint32_t resolve(const ast::Kb& kb, const NameTable& table, const std::string& name,
                      const SourceSpan& span, Diagnostics& diagnostics) {
  const std::uint32_t id = table.find(name);
  const bool unparsed = kKind == DiagKind::UndefinedLevel ? kb.unparsed.levels : kb.unparsed.has(name);
  if (id == ast::kNoId && !unparsed) {
    // A KB has a few levels: when none is close, name them all.
    diagnostics.report<kKind>(span, name,
                              kKind == DiagKind::UndefinedLevel ? did_you_mean_or_list(name, table.names, "level")
                                                                : did_you_mean(name, table.names));
  }
  return id;
}

void check_required(ast::Kb& kb, Diagnostics& diagnostics) {
  SourceSpan no_file;
  no_file.begin.file_id = kNoFile;
  if (!kb.header && !kb.unparsed.header) {
    diagnostics.report<DiagKind::MissingDeclaration>(
        no_file, "kb", "`kb my_kb title \"...\" version 0.1.0 status draft`");
  } else if (!kb.unparsed.header) {
    const ast::KbHeader& header = *kb.header;
    const std::pair<bool, std::string_view> kRequired[] = {
        {header.title.empty(), "title"}, {header.version.empty(), "version"},
        {header.status.empty(), "status"}};
    for (const auto& [missing, clause] : kRequired) {
      if (missing) {
        diagnostics.report<DiagKind::MissingClause>(header.span, "the `kb` header", clause,
                                                    fmt::format("`{} ...`", clause));
      }
    }
  }
  if (!kb.levels && !kb.unparsed.levels) {
    diagnostics.report<DiagKind::MissingDeclaration>(no_file, "levels",
                                                     "`levels routine < urgent`");
  }
  for (const auto& flag : kb.flags) {
    const std::string what = fmt::format("flag `{}`", flag.name);
    if (flag.title.empty()) {
      diagnostics.report<DiagKind::MissingClause>(flag.span, what, "title", "`title \"...\"`");
    }
    if (!flag.condition) {
      diagnostics.report<DiagKind::MissingClause>(flag.span, what, "when", "`when CONDITION`");
    }
  }
}

void resolve_tests(ast::Kb& kb, const Symbols& symbols, Diagnostics& diagnostics) {
  for (auto& test : kb.tests) {
    for (auto& given : test.givens) {
      given.fact_id = symbols.facts.find(given.fact);
      if (given.fact_id != ast::kNoId || kb.unparsed.has(given.fact)) continue;
      const std::string hint = symbols.defines.find(given.fact) != ast::kNoId
                                   ? fmt::format("; `{}` is a define, and tests give facts", given.fact)
                                   : did_you_mean(given.fact, symbols.facts.names);
      diagnostics.report<DiagKind::UndefinedFact>(given.span, given.fact, hint);
    }
    for (auto& expectation : test.expectations) {
      for (std::size_t i = 0; i < expectation.names.size(); ++i) {
        const std::string& name = expectation.names[i];
        const SourceSpan& span = expectation.name_spans[i];
        using Kind = ast::Expectation::Kind;
        if (expectation.kind == Kind::Score) {
          expectation.ids.push_back(
              resolve<DiagKind::UndefinedScore>(kb, symbols.scores, name, span, diagnostics));
        } else if (expectation.kind == Kind::Status) {
          expectation.ids.push_back(name == "complete" ? 0 : 1);
        } else if (expectation.kind == Kind::Urgency) {
          expectation.ids.push_back(
              resolve<DiagKind::UndefinedLevel>(kb, symbols.levels, name, span, diagnostics));
        } else {
          expectation.ids.push_back(
              resolve<DiagKind::UndefinedFlag>(kb, symbols.flags, name, span, diagnostics));
        }
      }
    }
  }
}

}  // namespace

Symbols resolve_declarations(ast::Kb& kb, Diagnostics& diagnostics) {
  Symbols symbols;
  check_required(kb, diagnostics);
  std::vector<SourceSpan> fact_spans, define_spans, flag_spans, topic_spans, source_spans;
  declare_all(kb, symbols.facts, nullptr, "fact", kb.facts, nullptr, diagnostics, fact_spans);
  declare_all(kb, symbols.defines, &symbols.facts, "define", kb.defines, &fact_spans, diagnostics,
              define_spans);
  std::vector<SourceSpan> score_spans;
  declare_all(kb, symbols.scores, &symbols.defines, "score", kb.scores, &define_spans, diagnostics,
              score_spans);
  for (std::size_t i = 0; i < kb.scores.size(); ++i) {
    const auto fact = symbols.facts.find(kb.scores[i].name);
    if (fact != ast::kNoId && symbols.scores.find(kb.scores[i].name) == i) {
      symbols.scores.ids.erase(kb.scores[i].name);
      report_duplicate(kb, kb.scores[i].span, "score", kb.scores[i].name, fact_spans[fact], diagnostics);
    }
  }
  declare_all(kb, symbols.flags, nullptr, "flag", kb.flags, nullptr, diagnostics, flag_spans);
  declare_all(kb, symbols.topics, nullptr, "topic", kb.topics, nullptr, diagnostics, topic_spans);
  declare_all(kb, symbols.sources, nullptr, "source", kb.sources, nullptr, diagnostics,
              source_spans);
  if (kb.levels) {
    for (std::size_t i = 0; i < kb.levels->names.size(); ++i) {
      const std::string& name = kb.levels->names[i];
      if (symbols.levels.find(name) != ast::kNoId) {
        diagnostics.report<DiagKind::DuplicateValue>(kb.levels->spans[i], "level", name);
      }
      symbols.levels.ids.emplace(name, static_cast<std::uint32_t>(i));
      symbols.levels.names.push_back(name);
    }
  }
  symbols.facts_and_defines = symbols.facts.names;
  symbols.facts_and_defines.insert(symbols.facts_and_defines.end(), symbols.defines.names.begin(),
                                   symbols.defines.names.end());
  symbols.facts_and_defines.insert(symbols.facts_and_defines.end(), symbols.scores.names.begin(),
                                   symbols.scores.names.end());

  const auto resolve_cites = [&](std::vector<ast::Citation>& cites) {
    for (auto& cite : cites) {
      cite.source_id = resolve<DiagKind::UndefinedSource>(kb, symbols.sources, cite.source,
                                                          cite.source_span, diagnostics);
    }
  };
  for (auto& flag : kb.flags) {
    if (kb.levels) {
      flag.level_id = resolve<DiagKind::UndefinedLevel>(kb, symbols.levels, flag.level, flag.level_span,
                                                        diagnostics);
    }
    for (std::size_t i = 0; i < flag.see.size(); ++i) {
      flag.see_ids.push_back(resolve<DiagKind::UndefinedTopic>(kb, symbols.topics, flag.see[i],
                                                               flag.see_spans[i], diagnostics));
    }
    resolve_cites(flag.cites);
  }
  for (auto& topic : kb.topics) resolve_cites(topic.cites);
  for (auto& score : kb.scores) {
    resolve_cites(score.cites);
    if (score.items.empty()) diagnostics.report<DiagKind::NoItems>(score.span, score.name);
    std::vector<std::string_view> seen;
    for (const auto& item : score.items) {
      if (std::find(seen.begin(), seen.end(), item.name) != seen.end()) {
        diagnostics.report<DiagKind::DuplicateValue>(item.span, fmt::format("score `{}`'s item", score.name),
                                                     item.name);
      }
      seen.push_back(item.name);
    }
  }
  resolve_tests(kb, symbols, diagnostics);
  return symbols;
}

void check_define_cycles(const ast::Kb& kb, Diagnostics& diagnostics) {
  // Nodes: the defines, then the scores (a score's items read conditions, which may read
  // defines, which may read scores). What each node uses (expressions nest at most 256 deep,
  // so recursion is fine here).
  const std::size_t define_count = kb.defines.size();
  const std::size_t node_count = define_count + kb.scores.size();
  std::vector<std::vector<std::uint32_t>> uses(node_count);
  const std::function<void(const ast::Expr&, std::vector<std::uint32_t>&)> collect =
      [&](const ast::Expr& expr, std::vector<std::uint32_t>& out) {
        if (expr.kind == ast::ExprKind::Name && expr.ref == ast::RefKind::Define) {
          out.push_back(expr.ref_id);
        } else if (expr.kind == ast::ExprKind::Name &&
                   (expr.ref == ast::RefKind::Score || expr.ref == ast::RefKind::Item)) {
          out.push_back(static_cast<std::uint32_t>(define_count + expr.ref_id));
        }
        for (const auto& child : expr.children) collect(*child, out);
      };
  for (std::size_t id = 0; id < define_count; ++id) {
    if (kb.defines[id].condition) collect(*kb.defines[id].condition, uses[id]);
  }
  for (std::size_t id = 0; id < kb.scores.size(); ++id) {
    for (const auto& item : kb.scores[id].items) {
      if (item.condition) collect(*item.condition, uses[define_count + id]);
      for (const auto& group : item.groups) {
        if (group.guard) collect(*group.guard, uses[define_count + id]);
      }
    }
  }
  const auto name_of = [&](std::uint32_t node) -> const std::string& {
    return node < define_count ? kb.defines[node].name : kb.scores[node - define_count].name;
  };
  const auto span_of = [&](std::uint32_t node) -> const SourceSpan& {
    return node < define_count ? kb.defines[node].span : kb.scores[node - define_count].span;
  };
  // Depth-first with an explicit stack, since a chain of defines may be arbitrarily long; a use
  // of a node still on the stack closes a cycle.
  enum class Mark : std::uint8_t { New, Active, Done };
  std::vector<Mark> marks(node_count, Mark::New);
  std::vector<std::pair<std::uint32_t, std::size_t>> stack;  // node, next use to visit
  for (std::uint32_t root = 0; root < node_count; ++root) {
    if (marks[root] != Mark::New) continue;
    marks[root] = Mark::Active;
    stack.emplace_back(root, 0);
    while (!stack.empty()) {
      auto& [id, next] = stack.back();
      if (next == uses[id].size()) {
        marks[id] = Mark::Done;
        stack.pop_back();
        continue;
      }
      const std::uint32_t used = uses[id][next++];
      if (marks[used] == Mark::New) {
        marks[used] = Mark::Active;
        stack.emplace_back(used, 0);
      } else if (marks[used] == Mark::Active) {
        const auto start = std::find_if(stack.begin(), stack.end(),
                                        [&](const auto& entry) { return entry.first == used; });
        std::string cycle;
        for (auto it = start; it != stack.end(); ++it) cycle += fmt::format("`{}` -> ", name_of(it->first));
        cycle += fmt::format("`{}`", name_of(used));
        diagnostics.report<DiagKind::DefineCycle>(span_of(used), used < define_count ? "define" : "score",
                                                  name_of(used), cycle);
      }
    }
  }
}

}  // namespace redflag::internal
