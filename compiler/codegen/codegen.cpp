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

// Calls [visit] on every fact and every define [expr] reads directly.
void for_each_reference(const Expr& expr, const std::function<void(RefKind, std::uint32_t)>& visit) {
  if ((expr.kind == ExprKind::Name && (expr.ref == RefKind::Fact || expr.ref == RefKind::Define)) ||
      expr.kind == ExprKind::Known) {
    visit(expr.kind == ExprKind::Known ? RefKind::Fact : expr.ref, expr.ref_id);
  }
  for (const auto& child : expr.children) for_each_reference(*child, visit);
}

// What each define reads, transitively, and the order that evaluates dependencies first.
class DefineGraph {
 public:
  explicit DefineGraph(const ast::Kb& kb) : kb_(kb), facts_(kb.defines.size()), state_(kb.defines.size()) {}

  // Visits the defines [expr] reads (and theirs) in dependency order; returns its facts.
  std::set<std::uint32_t> reach(const Expr& expr) {
    std::set<std::uint32_t> facts;
    for_each_reference(expr, [&](RefKind kind, std::uint32_t id) {
      if (kind == RefKind::Fact) {
        facts.insert(id);
      } else {
        visit_define(id);
        facts.insert(facts_[id].begin(), facts_[id].end());
      }
    });
    return facts;
  }

  const std::vector<std::uint32_t>& order() const { return order_; }

 private:
  enum class State : std::uint8_t { Unvisited, Visiting, Done };

  // Name resolution rejected cycles, so Visiting is never met again on a checked KB.
  void visit_define(std::uint32_t id) {
    if (state_[id] != State::Unvisited) return;
    state_[id] = State::Visiting;
    facts_[id] = reach(*kb_.defines[id].condition);
    state_[id] = State::Done;
    order_.push_back(id);
  }

  const ast::Kb& kb_;
  std::vector<std::set<std::uint32_t>> facts_;
  std::vector<State> state_;
  std::vector<std::uint32_t> order_;
};

class ProgramBuilder {
 public:
  explicit ProgramBuilder(const ast::Kb& kb) : kb_(kb), slots_(kb.defines.size()) {}

  Image build() {
    Image image;
    image.meta = codegen::meta_of(kb_);
    image.levels = kb_.levels ? kb_.levels->names : std::vector<std::string>{};
    image.facts = codegen::facts_of(kb_);
    image.tests = codegen::tests_of(kb_);

    DefineGraph graph(kb_);
    std::vector<std::set<std::uint32_t>> flag_facts;
    for (const auto& flag : kb_.flags) flag_facts.push_back(graph.reach(*flag.condition));
    for (const auto& topic : kb_.topics) {
      if (topic.condition) graph.reach(*topic.condition);
    }

    codegen::ExprEmitter emitter(code_, constants_, slots_);
    for (const auto id : graph.order()) emit_define(image, emitter, id);
    for (std::size_t i = 0; i < kb_.flags.size(); ++i) {
      const auto& flag = kb_.flags[i];
      ImageFlag entry = codegen::flag_entry_of(kb_, flag);
      entry.code_offset = mark_line(image, flag.span);
      entry.facts.assign(flag_facts[i].begin(), flag_facts[i].end());
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
    image.code = code_.bytes();
    return image;
  }

 private:
  // A define that folds to a constant gets no slot: its readers fold it in turn.
  void emit_define(Image& image, codegen::ExprEmitter& emitter, std::uint32_t id) {
    const auto& define = kb_.defines[id];
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
    image.lines.push_back({offset, kb_.files.at(span.begin.file_id), span.begin.line});
    return offset;
  }

  const ast::Kb& kb_;
  CodeBuilder code_;
  codegen::ConstantPool constants_;
  std::vector<codegen::DefineSlot> slots_;
};

}  // namespace

Image generate_image(const ast::Kb& kb) { return ProgramBuilder(kb).build(); }

}  // namespace redflag
