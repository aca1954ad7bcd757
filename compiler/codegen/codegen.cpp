#include "compiler/codegen/codegen.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include "compiler/codegen/codegen_tables.hpp"
#include "compiler/codegen/expr_emitter.hpp"

namespace redflag {
namespace {

using ast::Expr;
using ast::ExprKind;
using ast::RefKind;

// Calls [visit] on every fact, define and score (an item counts as its score) [expr] reads
// directly.
void for_each_reference(const Expr& expr, const std::function<void(RefKind, std::uint32_t)>& visit) {
  if (expr.kind == ExprKind::Known) {
    visit(RefKind::Fact, expr.ref_id);
  } else if (expr.kind == ExprKind::Name) {
    switch (expr.ref) {
      case RefKind::Fact:
      case RefKind::Define:
      case RefKind::Score: visit(expr.ref, expr.ref_id); break;
      case RefKind::Item: visit(RefKind::Score, expr.ref_id); break;
      default: break;
    }
  }
  for (const auto& child : expr.children) for_each_reference(*child, visit);
}

// A define or a score: what the program computes before the flags.
struct Computed {
  RefKind kind;  // Define or Score
  std::uint32_t id;
};

// What each define and score reads, transitively, and the order that evaluates dependencies
// first.
class DefineGraph {
 public:
  explicit DefineGraph(const ast::Kb& kb)
      : kb_(kb), define_count_(kb.defines.size()), facts_(kb.defines.size() + kb.scores.size()),
        state_(facts_.size()) {}

  // Visits the defines and scores [expr] reads (and theirs) in dependency order; returns its facts.
  std::set<std::uint32_t> reach(const Expr& expr) {
    std::set<std::uint32_t> facts;
    for_each_reference(expr, [&](RefKind kind, std::uint32_t id) {
      if (kind == RefKind::Fact) {
        facts.insert(id);
        return;
      }
      const std::size_t node = kind == RefKind::Define ? id : define_count_ + id;
      visit({kind, id});
      facts.insert(facts_[node].begin(), facts_[node].end());
    });
    return facts;
  }

  // Visits score [id] and what it reads.
  const std::set<std::uint32_t>& reach_score(std::uint32_t id) {
    visit({RefKind::Score, id});
    return facts_[define_count_ + id];
  }

  const std::vector<Computed>& order() const { return order_; }

 private:
  enum class State : std::uint8_t { Unvisited, Visiting, Done };

  // Name resolution rejected cycles, so Visiting is never met again on a checked KB.
  void visit(Computed computed) {
    const std::size_t node = computed.kind == RefKind::Define ? computed.id : define_count_ + computed.id;
    if (state_[node] != State::Unvisited) return;
    state_[node] = State::Visiting;
    std::set<std::uint32_t> facts;
    if (computed.kind == RefKind::Define) {
      facts = reach(*kb_.defines[computed.id].condition);
    } else {
      for (const auto& item : kb_.scores[computed.id].items) {
        if (item.fact_id != ast::kNoId) facts.insert(item.fact_id);
        const auto add = [&](const Expr& expr) {
          const auto read = reach(expr);
          facts.insert(read.begin(), read.end());
        };
        if (item.condition) add(*item.condition);
        for (const auto& group : item.groups) {
          if (group.guard) add(*group.guard);
        }
      }
    }
    facts_[node] = std::move(facts);
    state_[node] = State::Done;
    order_.push_back(computed);
  }

  const ast::Kb& kb_;
  std::size_t define_count_;
  std::vector<std::set<std::uint32_t>> facts_;  // per define, then per score
  std::vector<State> state_;
  std::vector<Computed> order_;
};

// The numeric values [expr] reads directly (N-slots), ascending: a fired flag's computed evidence.
std::vector<std::uint32_t> numbers_read(const Expr& expr, const codegen::NumberSlots& numbers) {
  std::set<std::uint32_t> slots;
  const std::function<void(const Expr&)> walk = [&](const Expr& node) {
    if (node.kind == ExprKind::Name) {
      if (node.ref == RefKind::Define && node.numeric) slots.insert(numbers.defines.at(node.ref_id));
      if (node.ref == RefKind::Score) slots.insert(numbers.scores.at(node.ref_id));
      if (node.ref == RefKind::Item) slots.insert(numbers.items.at(node.ref_id).at(node.item_id));
    }
    for (const auto& child : node.children) walk(*child);
  };
  walk(expr);
  return {slots.begin(), slots.end()};
}

class ProgramBuilder {
 public:
  explicit ProgramBuilder(const ast::Kb& kb) : kb_(kb), slots_(kb.defines.size()) {}

  Image build() {
    Image image;
    image.meta = codegen::meta_of(kb_);
    image.levels = kb_.levels ? kb_.levels->names : std::vector<std::string>{};
    image.facts = codegen::facts_of(kb_);
    image.fhir = codegen::fhir_of(kb_);
    image.indicators = codegen::indicators_of(kb_);

    DefineGraph graph(kb_);
    // Every score is computed and reported, read by a flag or not.
    for (std::uint32_t id = 0; id < kb_.scores.size(); ++id) graph.reach_score(id);
    std::vector<std::set<std::uint32_t>> flag_facts;
    for (const auto& flag : kb_.flags) flag_facts.push_back(graph.reach(*flag.condition));
    for (const auto& topic : kb_.topics) {
      if (topic.condition) graph.reach(*topic.condition);
    }
    number_slots(graph);
    image.tests = codegen::tests_of(kb_, numbers_.scores);

    codegen::ExprEmitter emitter(code_, constants_, slots_, numbers_);
    for (const auto& computed : graph.order()) {
      if (computed.kind == RefKind::Define) {
        emit_define(image, emitter, computed.id);
      } else {
        emit_score(image, emitter, computed.id, graph.reach_score(computed.id));
      }
    }
    for (std::size_t i = 0; i < kb_.flags.size(); ++i) {
      const auto& flag = kb_.flags[i];
      ImageFlag entry = codegen::flag_entry_of(kb_, flag);
      entry.code_offset = mark_line(image, flag.span);
      entry.facts.assign(flag_facts[i].begin(), flag_facts[i].end());
      entry.numbers = numbers_read(*flag.condition, numbers_);
      emitter.emit(*flag.condition);
      emitter.emit_store(Op::Flag, static_cast<std::uint32_t>(i));
      image.flags.push_back(std::move(entry));
    }
    for (std::size_t i = 0; i < kb_.topics.size(); ++i) {
      const auto& topic = kb_.topics[i];
      image.topics.push_back(codegen::topic_entry_of(topic));
      if (!topic.condition) continue;
      mark_line(image, topic.span);
      emitter.emit(*topic.condition);
      emitter.emit_store(Op::Topic, static_cast<std::uint32_t>(i));
    }
    code_.emit(Op::Halt);
    image.constants = constants_.values();
    image.max_stack = emitter.max_depth();
    image.max_number_stack = emitter.max_number_depth();
    image.code = code_.bytes();
    return image;
  }

 private:
  // N-slots in the order the code computes them: a score's items, then the score.
  void number_slots(const DefineGraph& graph) {
    numbers_.defines.assign(kb_.defines.size(), ast::kNoId);
    numbers_.scores.assign(kb_.scores.size(), ast::kNoId);
    numbers_.items.assign(kb_.scores.size(), {});
    std::uint32_t next = 0;
    for (const auto& computed : graph.order()) {
      if (computed.kind == RefKind::Define) {
        if (kb_.defines[computed.id].numeric) numbers_.defines[computed.id] = next++;
        continue;
      }
      for (std::size_t item = 0; item < kb_.scores[computed.id].items.size(); ++item) {
        numbers_.items[computed.id].push_back(next++);
      }
      numbers_.scores[computed.id] = next++;
    }
  }

  // A score: each item into its N-slot, then their sum into the score's.
  void emit_score(Image& image, codegen::ExprEmitter& emitter, std::uint32_t id,
                  const std::set<std::uint32_t>& facts) {
    const ast::Score& score = kb_.scores[id];
    for (std::size_t i = 0; i < score.items.size(); ++i) {
      const ast::ScoreItem& item = score.items[i];
      ImageNumber entry;
      entry.name = score.name + "." + item.name;
      entry.kind = NumberKind::Item;
      entry.unit = "1";
      entry.code_offset = mark_line(image, item.span);
      entry.score = numbers_.scores[id];
      entry.fact = item.fact_id;
      entry.facts = item_facts(item);
      emitter.emit_item(item);
      emitter.emit_number_store(numbers_.items[id][i]);
      image.numbers.push_back(std::move(entry));
    }
    ImageNumber entry;
    entry.name = score.name;
    entry.kind = NumberKind::Score;
    entry.unit = "1";
    entry.title = score.title;
    entry.code_offset = mark_line(image, score.span);
    entry.facts.assign(facts.begin(), facts.end());
    entry.cites = codegen::citations_of(score.cites);
    for (std::size_t i = 0; i < score.items.size(); ++i) {
      emitter.emit_number_load(numbers_.items[id][i]);
      if (i > 0) emitter.emit_arith(Op::Add);
    }
    emitter.emit_number_store(numbers_.scores[id]);
    image.numbers.push_back(std::move(entry));
  }

  // The facts one item reads directly: its fact and those of its condition or guards.
  static std::vector<std::uint32_t> item_facts(const ast::ScoreItem& item) {
    std::set<std::uint32_t> facts;
    if (item.fact_id != ast::kNoId) facts.insert(item.fact_id);
    const auto add = [&](const Expr& expr) {
      for_each_reference(expr, [&](RefKind kind, std::uint32_t fact) {
        if (kind == RefKind::Fact) facts.insert(fact);
      });
    };
    if (item.condition) add(*item.condition);
    for (const auto& group : item.groups) {
      if (group.guard) add(*group.guard);
    }
    return {facts.begin(), facts.end()};
  }

  // A define that folds to a constant gets no slot: its readers fold it in turn. A numeric
  // define computes into its N-slot.
  void emit_define(Image& image, codegen::ExprEmitter& emitter, std::uint32_t id) {
    const auto& define = kb_.defines[id];
    if (define.numeric) {
      ImageNumber entry;
      entry.name = define.name;
      entry.kind = NumberKind::Define;
      entry.unit = define.condition->value_unit;
      entry.code_offset = mark_line(image, define.span);
      for_each_reference(*define.condition, [&](RefKind kind, std::uint32_t fact) {
        if (kind == RefKind::Fact) entry.facts.push_back(fact);
      });
      std::sort(entry.facts.begin(), entry.facts.end());
      entry.facts.erase(std::unique(entry.facts.begin(), entry.facts.end()), entry.facts.end());
      emitter.emit_number(*define.condition);
      emitter.emit_number_store(numbers_.defines[id]);
      image.numbers.push_back(std::move(entry));
      return;
    }
    slots_[id].constant = emitter.fold(*define.condition);
    if (slots_[id].constant) return;
    slots_[id].slot = static_cast<std::uint32_t>(image.defines.size());
    image.defines.push_back({define.name, mark_line(image, define.span)});
    emitter.emit(*define.condition);
    emitter.emit_store(Op::DefSet, slots_[id].slot);
  }

  // Records that the code from here on comes from [span]'s line; returns the code offset.
  std::uint32_t mark_line(Image& image, const SourceSpan& span) {
    const auto offset = static_cast<std::uint32_t>(code_.offset());
    image.lines.push_back({offset, kb_.file_names.at(span.begin.file_id), span.begin.line});
    return offset;
  }

  const ast::Kb& kb_;
  CodeBuilder code_;
  codegen::ConstantPool constants_;
  std::vector<codegen::DefineSlot> slots_;
  codegen::NumberSlots numbers_;
};

}  // namespace

Image generate_image(const ast::Kb& kb) { return ProgramBuilder(kb).build(); }

}  // namespace redflag
