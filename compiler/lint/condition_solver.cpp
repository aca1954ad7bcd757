#include "compiler/lint/condition_solver.hpp"

#include <algorithm>
#include <cmath>

#include "compiler/lint/condition_operands.hpp"
#include "compiler/lint/flat_conditions.hpp"
#include "runtime/tri.hpp"

namespace redflag::lint {
namespace {

using ast::Expr;
using ast::ExprKind;
using ast::RefKind;

// Evaluation recurses once per nesting level and define; 4096 levels stay far from the stack
// limit. The search gives up after kMaxSteps evaluated nodes or with more than kMaxFacts facts.
constexpr std::uint32_t kMaxDepth = 4096;
constexpr std::uint64_t kMaxSteps = 2'000'000;
constexpr std::size_t kMaxFacts = 1024;

constexpr TriSet bit(Tri value) { return static_cast<TriSet>(1u << static_cast<unsigned>(value)); }

constexpr Tri kTris[] = {Tri::False, Tri::True, Tri::Unknown};

template <typename Op>
TriSet combine(TriSet a, TriSet b, Op op) {
  TriSet result = 0;
  for (const Tri x : kTris) {
    for (const Tri y : kTris) {
      if ((a & bit(x)) && (b & bit(y))) result |= bit(op(x, y));
    }
  }
  return result;
}

TriSet negate(TriSet set) {
  return static_cast<TriSet>(((set & kCanBeFalse) << 1) | ((set & kCanBeTrue) >> 1) |
                             (set & kCanBeUnknown));
}

using Node = FlatConditions::Node;

// The constant value of a literal or enum value operand.
double constant_of(const Node& node) {
  return node.kind == ExprKind::Number ? node.value : node.ref_id;
}

}  // namespace

ConditionSolver::ConditionSolver(const ast::Kb& kb)
    : kb_(kb), urgency_slot_(static_cast<std::uint32_t>(kb.facts.size())),
      define_height_(kb.defines.size(), 0), flat_(kb), slot_seen_(kb.facts.size() + 1, false),
      define_seen_(kb.defines.size(), false), thresholds_(kb.facts.size() + 1),
      enum_masks_(kb.facts.size() + 1), classes_(kb.facts.size() + 1),
      assigned_(kb.facts.size() + 1, -1), define_memo_(kb.defines.size(), 0),
      define_epoch_(kb.defines.size(), 0) {
  // Heights of defines in dependency order, without recursing along define chains.
  std::vector<std::uint8_t> state(kb.defines.size(), 0);  // 0 new, 1 entered, 2 done
  std::vector<std::uint32_t> stack;
  std::vector<std::uint32_t> refs;
  const auto collect_refs = [&](const Expr& expr, auto& self) -> void {
    if (expr.kind == ExprKind::Name && expr.ref == RefKind::Define) refs.push_back(expr.ref_id);
    for (const auto& child : expr.children) self(*child, self);
  };
  for (std::uint32_t root = 0; root < kb.defines.size(); ++root) {
    stack.push_back(root);
    while (!stack.empty()) {
      const std::uint32_t define = stack.back();
      if (state[define] == 0) {
        state[define] = 1;
        refs.clear();
        collect_refs(*kb.defines[define].condition, collect_refs);
        for (const auto ref : refs) {
          if (state[ref] == 0) stack.push_back(ref);
        }
        continue;
      }
      stack.pop_back();
      if (state[define] == 1) {
        define_height_[define] = height(*kb.defines[define].condition);
        state[define] = 2;
      }
    }
  }
}

std::uint32_t ConditionSolver::height(const Expr& expr) const {
  std::uint32_t below = 0;
  if (expr.kind == ExprKind::Name && expr.ref == RefKind::Define) below = define_height_[expr.ref_id];
  for (const auto& child : expr.children) below = std::max(below, height(*child));
  return std::min(below, kMaxDepth) + 1;
}

bool ConditionSolver::analysable(const Expr& expr) const { return height(expr) <= kMaxDepth; }

std::uint32_t ConditionSolver::node_of(const Expr& expr) {
  const auto [entry, added] = nodes_.try_emplace(&expr, kNotAnalysable);
  if (added && analysable(expr)) entry->second = flat_.copy(expr);
  return entry->second;
}

bool ConditionSolver::can_be(const Expr& expr, TriSet wanted, bool known_only) {
  const std::uint32_t node = node_of(expr);
  return node == kNotAnalysable || solve({{node, wanted}}, known_only);
}

bool ConditionSolver::can_be_true_without(const Expr& a, const Expr& b) {
  const std::uint32_t node_a = node_of(a), node_b = node_of(b);
  if (node_a == kNotAnalysable || node_b == kNotAnalysable) return true;
  return solve({{node_a, kCanBeTrue}, {node_b, kCanBeFalse | kCanBeUnknown}}, false);
}

std::optional<ConditionSolver::Case> ConditionSolver::true_case(
    const Expr& expr, const std::vector<std::uint32_t>& unknown) {
  const std::uint32_t node = node_of(expr);
  if (node == kNotAnalysable) return std::nullopt;
  const std::vector<Goal> goals = {{node, kCanBeTrue}};
  if (!prepare(goals, false)) return std::nullopt;
  for (const auto slot : unknown) {
    if (slot_seen_[slot]) classes_[slot] = {Class{false}};
  }
  std::optional<Case> found;
  unknown_first_ = true;
  found_ = &found;
  search(goals, 0);
  unknown_first_ = false;
  found_ = nullptr;
  return found;
}

bool ConditionSolver::true_in_each(const Expr& expr, const std::vector<Case>& cases) {
  const std::uint32_t node = node_of(expr);
  if (node == kNotAnalysable) return false;
  forget_last_solve();
  known_only_ = false;
  collect(node);
  for (const auto slot : order_) assigned_[slot] = 0;
  for (const auto& c : cases) {
    // Each slot [expr] reads has one class: the case's, or unknown.
    for (const auto slot : order_) classes_[slot] = {Class{false}};
    for (const auto& [slot, value] : c) {
      if (slot_seen_[slot]) classes_[slot] = {value};
    }
    ++epoch_;
    if (eval(node) != kCanBeTrue) return false;
  }
  return true;
}

bool ConditionSolver::solve(const std::vector<Goal>& goals, bool known_only) {
  return !prepare(goals, known_only) || search(goals, 0);
}

bool ConditionSolver::prepare(const std::vector<Goal>& goals, bool known_only) {
  forget_last_solve();
  known_only_ = known_only;
  for (const auto& goal : goals) collect(goal.node);
  if (order_.size() > kMaxFacts) return false;
  for (const auto slot : order_) build_classes(slot, known_only);
  return true;
}

// Clears what the last solve recorded, slot by slot and define by define, so that a solve costs
// what its conditions read, not what the KB declares. The define memo needs no clearing: its
// epochs only grow.
void ConditionSolver::forget_last_solve() {
  for (const auto slot : order_) {
    slot_seen_[slot] = false;
    thresholds_[slot].clear();
    enum_masks_[slot].clear();
    classes_[slot].clear();
    assigned_[slot] = -1;
  }
  order_.clear();
  for (const auto define : defines_read_) define_seen_[define] = false;
  defines_read_.clear();
  steps_ = 0;
}

void ConditionSolver::see(std::uint32_t slot) {
  if (!slot_seen_[slot]) order_.push_back(slot);
  slot_seen_[slot] = true;
}

// Records the facts node [at] reads, in first-seen order, and what it compares them with.
void ConditionSolver::collect(std::uint32_t at) {
  const Node& node = flat_[at];
  if (node.kind == ExprKind::Urgency) see(urgency_slot_);
  if ((node.kind == ExprKind::Name || node.kind == ExprKind::Known) && node.ref == RefKind::Fact) {
    see(node.ref_id);
  }
  if (node.kind == ExprKind::Name && node.ref == RefKind::Define && !define_seen_[node.ref_id]) {
    define_seen_[node.ref_id] = true;
    defines_read_.push_back(node.ref_id);
    collect(flat_.define_node(node.ref_id));
  }
  const bool compares_constant =
      node.kind == ExprKind::Compare || node.kind == ExprKind::Between;
  if (compares_constant && is_fact(flat_[node.first]) != is_fact(flat_[node.first + 1])) {
    const Node& fact = is_fact(flat_[node.first]) ? flat_[node.first] : flat_[node.first + 1];
    for (std::uint32_t i = 0; i < node.children; ++i) {
      const Node& other = flat_[node.first + i];
      if (other.kind == ExprKind::Number) thresholds_[fact.ref_id].push_back(other.value);
      if (other.kind == ExprKind::Name && other.ref == RefKind::EnumValue) {
        enum_masks_[fact.ref_id].push_back(std::uint64_t{1} << other.ref_id);
      }
    }
  }
  if (node.kind == ExprKind::InSet) enum_masks_[flat_[node.first].ref_id].push_back(node.set_mask);
  for (std::uint32_t i = 0; i < node.children; ++i) collect(node.first + i);
}

void ConditionSolver::build_classes(std::uint32_t slot, bool known_only) {
  auto& classes = classes_[slot];
  if (slot == urgency_slot_) {
    const auto levels = static_cast<std::uint32_t>(kb_.levels ? kb_.levels->names.size() : 1);
    for (std::uint32_t low = 0; low < levels; ++low) {
      for (std::uint32_t high = low; high < (known_only ? low + 1 : levels); ++high) {
        classes.push_back({true, 0, low, high});
      }
    }
    return;
  }
  const ast::Fact& fact = kb_.facts[slot];
  switch (fact.type) {
    case ast::FactType::Bool: classes = {{true, 1}, {true, 0}}; break;
    case ast::FactType::Text: classes = {{true, 0}}; break;
    case ast::FactType::Enum: {
      // Values with the same membership in every set compared against behave alike: a value
      // starts a class unless an earlier one has its signature (a bit per set).
      const auto& masks = enum_masks_[slot];
      const std::size_t words = masks.size() / 64 + 1;
      std::vector<std::uint64_t> signatures(fact.enum_values.size() * words, 0);
      for (std::uint32_t value = 0; value < fact.enum_values.size(); ++value) {
        const auto signature = signatures.begin() + value * words;
        for (std::size_t i = 0; i < masks.size(); ++i) {
          signature[i / 64] |= ((masks[i] >> value) & 1) << (i % 64);
        }
        bool seen = false;
        for (std::uint32_t earlier = 0; earlier < value && !seen; ++earlier) {
          seen = std::equal(signature, signature + words, signatures.begin() + earlier * words);
        }
        if (!seen) classes.push_back({true, double(value)});
      }
      break;
    }
    case ast::FactType::Number:
    case ast::FactType::Integer:
    case ast::FactType::Quantity: {
      // An integer's thresholds and bounds are whole (E059), so its classes are whole values.
      const bool whole = fact.type == ast::FactType::Integer;
      const bool bounded = fact.min && fact.max;
      std::vector<double> points;
      for (const double t : thresholds_[slot]) {
        if (!bounded || (t >= fact.min_value && t <= fact.max_value)) points.push_back(t);
      }
      if (bounded) points.insert(points.end(), {fact.min_value, fact.max_value});
      std::sort(points.begin(), points.end());
      points.erase(std::unique(points.begin(), points.end()), points.end());
      if (points.empty()) points.push_back(0);
      if (!bounded) classes.push_back({true, points.front() - std::max(1.0, std::fabs(points.front()))});
      for (std::size_t i = 0; i < points.size(); ++i) {
        classes.push_back({true, points[i]});
        if (i + 1 == points.size()) break;
        // An open interval with no double (no integer, for an integer) inside holds no value a
        // case can give.
        double middle = points[i] + (points[i + 1] - points[i]) / 2;
        if (whole) middle = std::floor(middle);
        if (middle > points[i] && middle < points[i + 1]) classes.push_back({true, middle});
      }
      if (!bounded) classes.push_back({true, points.back() + std::max(1.0, std::fabs(points.back()))});
      break;
    }
  }
  if (!known_only) classes.push_back({false, 0});
}

bool ConditionSolver::search(const std::vector<Goal>& goals, std::size_t index) {
  if (steps_ > kMaxSteps) return true;
  ++epoch_;
  for (const auto& goal : goals) {
    if (!(eval(goal.node) & goal.wanted)) return false;
  }
  if (index == order_.size()) return found_case();
  const std::uint32_t slot = order_[index];
  const std::size_t count = classes_[slot].size();
  for (std::size_t i = 0; i < count; ++i) {
    // The unknown class, when there is one, is the last.
    assigned_[slot] = static_cast<std::int32_t>(unknown_first_ ? count - 1 - i : i);
    if (search(goals, index + 1)) return true;
  }
  assigned_[slot] = -1;
  return false;
}

bool ConditionSolver::found_case() {
  if (found_) {
    Case& found = found_->emplace();
    for (const auto slot : order_) found.emplace_back(slot, classes_[slot][assigned_[slot]]);
  }
  return true;
}

TriSet ConditionSolver::open() const {
  return known_only_ ? kCanBeFalse | kCanBeTrue : kCanBeFalse | kCanBeTrue | kCanBeUnknown;
}

TriSet ConditionSolver::eval(std::uint32_t at) {
  ++steps_;
  const Node& node = flat_[at];
  switch (node.kind) {
    case ExprKind::BoolConst: return bit(static_cast<Tri>(node.tri));
    case ExprKind::Name:
      if (node.ref == RefKind::Define) return eval_define(node.ref_id);
      return eval_fact(node.ref_id, [](double value) { return value != 0; });
    case ExprKind::Known: {
      const auto c = assigned_[node.ref_id];
      if (c < 0) return known_only_ ? kCanBeTrue : kCanBeTrue | kCanBeFalse;
      return classes_[node.ref_id][c].known ? kCanBeTrue : kCanBeFalse;
    }
    case ExprKind::Not: return negate(eval(node.first));
    case ExprKind::And:
    case ExprKind::Or: {
      const bool is_and = node.kind == ExprKind::And;
      TriSet result = is_and ? kCanBeTrue : kCanBeFalse;
      for (std::uint32_t child = node.first; child < node.first + node.children; ++child) {
        result = is_and ? combine(result, eval(child), tri_and) : combine(result, eval(child), tri_or);
      }
      return result;
    }
    case ExprKind::AtLeast: return eval_at_least(node);
    // Numeric comparisons and the other counts are not modelled: anything is possible, so no
    // lint claims they are impossible or always hold.
    case ExprKind::AtMost:
    case ExprKind::Exactly:
    case ExprKind::Arith: return open();
    case ExprKind::Compare:
      if (node.numeric) return open();
      return eval_compare(node);
    case ExprKind::InSet:
      return eval_fact(flat_[node.first].ref_id, [&](double value) {
        return ((node.set_mask >> static_cast<std::uint32_t>(value)) & 1) != node.negated;
      });
    case ExprKind::Between: {
      if (node.numeric) return open();
      const Node& low = flat_[node.first + 1];
      const Node& high = flat_[node.first + 2];
      if (low.kind != ExprKind::Number || high.kind != ExprKind::Number) {
        std::vector<std::uint32_t> slots;
        for (std::uint32_t child = node.first; child < node.first + node.children; ++child) {
          if (is_fact(flat_[child])) slots.push_back(flat_[child].ref_id);
        }
        return eval_free(slots);
      }
      return eval_fact(flat_[node.first].ref_id, [&](double value) {
        return value >= low.value && value <= high.value;
      });
    }
    case ExprKind::Number:
    case ExprKind::Urgency: break;
  }
  return open();
}

TriSet ConditionSolver::eval_define(std::uint32_t define) {
  if (define_epoch_[define] != epoch_) {
    define_memo_[define] = eval(flat_.define_node(define));
    define_epoch_[define] = epoch_;
  }
  return define_memo_[define];
}

template <typename Test>
TriSet ConditionSolver::eval_fact(std::uint32_t slot, Test test) const {
  const auto c = assigned_[slot];
  if (c < 0) return open();
  const Class& value = classes_[slot][c];
  return value.known ? bit(tri_of(test(value.value))) : kCanBeUnknown;
}

TriSet ConditionSolver::eval_free(const std::vector<std::uint32_t>& slots) const {
  bool all_assigned = true;
  for (const auto slot : slots) {
    if (assigned_[slot] < 0) {
      all_assigned = false;
    } else if (!classes_[slot][assigned_[slot]].known) {
      return kCanBeUnknown;
    }
  }
  return all_assigned ? kCanBeFalse | kCanBeTrue : open();
}

TriSet ConditionSolver::eval_compare(const Node& node) {
  const Node& left = flat_[node.first];
  const Node& right = flat_[node.first + 1];
  if (left.kind == ExprKind::Urgency) return eval_urgency(node.cmp, right.ref_id);
  if (right.kind == ExprKind::Urgency) {
    // `level < urgency` is `urgency > level`.
    return eval_urgency(ast::swapped(node.cmp), left.ref_id);
  }
  const auto code = ast::cmp_code(node.cmp);
  if (is_boolean_operand(left) || is_boolean_operand(right)) {
    const bool equal = node.cmp == ast::Cmp::Eq;
    return combine(eval(node.first), eval(node.first + 1), [equal](Tri a, Tri b) {
      if (a == Tri::Unknown || b == Tri::Unknown) return Tri::Unknown;
      return tri_of((a == b) == equal);
    });
  }
  if (is_fact(left) && is_fact(right)) return eval_free({left.ref_id, right.ref_id});
  if (is_fact(left)) {
    const double constant = constant_of(right);
    return eval_fact(left.ref_id, [&](double value) { return compare(value, code, constant); });
  }
  const double constant = constant_of(left);
  return eval_fact(right.ref_id, [&](double value) { return compare(constant, code, value); });
}

// As the reference evaluator: decided when every level in [low, high] agrees.
TriSet ConditionSolver::eval_urgency(ast::Cmp cmp, std::uint32_t level) {
  const auto c = assigned_[urgency_slot_];
  if (c < 0) return open();
  const Class& range = classes_[urgency_slot_][c];
  bool any_true = false, any_false = false;
  for (std::uint32_t u = range.low; u <= range.high; ++u) {
    (compare(u, ast::cmp_code(cmp), level) ? any_true : any_false) = true;
  }
  return any_true && any_false ? kCanBeUnknown : bit(tri_of(any_true));
}

// `at least N of`: true is possible when N items can be true; false when fewer than N items
// cannot be false; unknown when, with every item that can be unknown made unknown, some choice
// of the others leaves fewer than N true but at least N true or unknown.
TriSet ConditionSolver::eval_at_least(const Node& node) {
  const std::int64_t needed = node.count;
  std::int64_t can_be_true = 0, cannot_be_false = 0, can_be_unknown = 0, must_be_true = 0,
               either = 0;
  for (std::uint32_t child = node.first; child < node.first + node.children; ++child) {
    const TriSet set = eval(child);
    can_be_true += (set & kCanBeTrue) != 0;
    cannot_be_false += (set & kCanBeFalse) == 0;
    if (set & kCanBeUnknown) {
      ++can_be_unknown;
    } else if (set == kCanBeTrue) {
      ++must_be_true;
    } else if (set == (kCanBeTrue | kCanBeFalse)) {
      ++either;
    }
  }
  TriSet result = 0;
  if (can_be_true >= needed) result |= kCanBeTrue;
  if (cannot_be_false < needed) result |= kCanBeFalse;
  const std::int64_t fewest = std::max<std::int64_t>(0, needed - must_be_true - can_be_unknown);
  const std::int64_t most = std::min(either, needed - 1 - must_be_true);
  if (can_be_unknown > 0 && fewest <= most) result |= kCanBeUnknown;
  return result;
}

}  // namespace redflag::lint
