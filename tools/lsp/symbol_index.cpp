#include "tools/lsp/symbol_index.hpp"

#include <algorithm>
#include <tuple>

namespace redflag::lsp {
namespace {

// Collects the occurrences of one KB while walking its declarations.
class Collector {
 public:
  Collector(const ast::Kb& kb, std::vector<Occurrence>& out) : kb_(kb), out_(out) {}

  void run() {
    if (kb_.header) declare(SymbolKind::Kb, kb_.header->id, kb_.header->span);
    if (kb_.levels) {
      for (std::size_t i = 0; i < kb_.levels->names.size(); ++i) {
        declare(SymbolKind::Level, kb_.levels->names[i], kb_.levels->spans[i]);
      }
    }
    for (const auto& source : kb_.sources) declare(SymbolKind::Source, source.id, source.span);
    for (const auto& fact : kb_.facts) declare(SymbolKind::Fact, fact.name, fact.span);
    for (const auto& define : kb_.defines) {
      declare(SymbolKind::Define, define.name, define.span);
      expr(define.condition.get());
    }
    for (const auto& flag : kb_.flags) {
      declare(SymbolKind::Flag, flag.name, flag.span);
      if (!flag.level.empty()) refer(SymbolKind::Level, flag.level, flag.level_span);
      expr(flag.condition.get());
      cites(flag.cites);
      for (std::size_t i = 0; i < flag.see.size(); ++i) refer(SymbolKind::Topic, flag.see[i], flag.see_spans[i]);
    }
    for (const auto& score : kb_.scores) {
      declare(SymbolKind::Score, score.name, score.span);
      cites(score.cites);
      for (const auto& item : score.items) {
        if (!item.fact.empty()) refer(SymbolKind::Fact, item.fact, item.fact_span);
        for (const auto& group : item.groups) expr(group.guard.get());
        expr(item.condition.get());
      }
    }
    for (const auto& topic : kb_.topics) {
      declare(SymbolKind::Topic, topic.name, topic.span);
      expr(topic.condition.get());
      cites(topic.cites);
    }
    for (const auto& test : kb_.tests) {
      declare(SymbolKind::Test, test.name, test.span);
      for (const auto& given : test.givens) refer(SymbolKind::Fact, given.fact, given.span);
      for (const auto& expectation : test.expectations) expected(expectation);
    }
  }

 private:
  void declare(SymbolKind kind, const std::string& name, const SourceSpan& span) {
    container_ = SymbolKey{kind, name};
    out_.push_back(Occurrence{container_, span, true, container_});
  }
  void refer(SymbolKind kind, const std::string& name, const SourceSpan& span) {
    if (span.begin.line == 0 || name.empty()) return;
    out_.push_back(Occurrence{SymbolKey{kind, name}, span, false, container_});
  }
  void cites(const std::vector<ast::Citation>& cites) {
    for (const auto& cite : cites) refer(SymbolKind::Source, cite.source, cite.source_span);
  }
  void expected(const ast::Expectation& expectation) {
    using Kind = ast::Expectation::Kind;
    if (expectation.kind == Kind::Status) return;
    const SymbolKind kind = expectation.kind == Kind::Urgency ? SymbolKind::Level
                            : expectation.kind == Kind::Score ? SymbolKind::Score
                                                              : SymbolKind::Flag;
    for (std::size_t i = 0; i < expectation.names.size(); ++i) refer(kind, expectation.names[i], expectation.name_spans[i]);
  }
  // What an unresolved name most likely means: a fact, else a define.
  SymbolKind guess(const std::string& name) const {
    const bool is_define = std::any_of(kb_.defines.begin(), kb_.defines.end(),
                                       [&](const ast::Define& define) { return define.name == name; });
    return is_define ? SymbolKind::Define : SymbolKind::Fact;
  }
  void expr(const ast::Expr* node) {
    if (node == nullptr) return;
    if (node->kind == ast::ExprKind::Known) refer(guess(node->name), node->name, node->name_span);
    if (node->kind == ast::ExprKind::Name) {
      switch (node->ref) {
        case ast::RefKind::Fact: refer(SymbolKind::Fact, node->name, node->span); break;
        case ast::RefKind::Define: refer(SymbolKind::Define, node->name, node->span); break;
        case ast::RefKind::Level: refer(SymbolKind::Level, node->name, node->span); break;
        case ast::RefKind::Score: refer(SymbolKind::Score, node->name, node->span); break;
        case ast::RefKind::Unresolved: refer(guess(node->name), node->name, node->span); break;
        case ast::RefKind::EnumValue:
        case ast::RefKind::Item: break;
      }
    }
    for (const auto& child : node->children) expr(child.get());
  }

  const ast::Kb& kb_;
  std::vector<Occurrence>& out_;
  SymbolKey container_;
};

auto order(const Occurrence& occurrence) {
  return std::make_tuple(occurrence.span.begin.file_id, occurrence.span.begin.offset);
}

}  // namespace

SymbolIndex::SymbolIndex(const ast::Kb& kb) {
  Collector(kb, occurrences_).run();
  std::stable_sort(occurrences_.begin(), occurrences_.end(),
                   [](const Occurrence& a, const Occurrence& b) { return order(a) < order(b); });
}

const Occurrence* SymbolIndex::at(std::uint32_t file_id, std::uint64_t offset) const {
  for (const auto& occurrence : occurrences_) {
    const auto& begin = occurrence.span.begin;
    if (begin.file_id == file_id && begin.offset <= offset && offset <= begin.offset + occurrence.span.length) {
      return &occurrence;
    }
  }
  return nullptr;
}

std::vector<const Occurrence*> SymbolIndex::of(const SymbolKey& key) const {
  std::vector<const Occurrence*> found;
  if (const Occurrence* declared = declaration(key)) found.push_back(declared);
  for (const auto& occurrence : occurrences_) {
    if (occurrence.key == key && !occurrence.declaration) found.push_back(&occurrence);
  }
  return found;
}

const Occurrence* SymbolIndex::declaration(const SymbolKey& key) const {
  for (const auto& occurrence : occurrences_) {
    if (occurrence.declaration && occurrence.key == key) return &occurrence;
  }
  return nullptr;
}

std::vector<const Occurrence*> SymbolIndex::declarations() const {
  std::vector<const Occurrence*> found;
  for (const auto& occurrence : occurrences_) {
    if (occurrence.declaration) found.push_back(&occurrence);
  }
  return found;
}

const char* symbol_kind_keyword(SymbolKind kind) {
  constexpr const char* kKeywords[] = {"kb", "level", "source", "fact", "define", "flag", "score", "topic", "test"};
  return kKeywords[static_cast<int>(kind)];
}

}  // namespace redflag::lsp
