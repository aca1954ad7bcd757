#include "compiler/lint/truth_keys.hpp"

#include <algorithm>

#include "compiler/lint/condition_operands.hpp"

namespace redflag::lint {
namespace {

using ast::Expr;
using ast::ExprKind;
using Key = TruthKeys::Key;
using Keys = std::vector<Key>;
constexpr std::uint32_t kNoSlot = TruthKeys::kNoSlot;

// Larger sets of keys are weakened. Joining keys pairwise multiplies their numbers, so parts
// with more keys than this together are not joined, and at least N of more parts than
// kMaxPairedParts takes the keys of any part.
constexpr std::size_t kMaxKeys = 16;
constexpr std::size_t kMaxPairedParts = 16;

const Keys kNothingNeeded = {Key{kNoSlot, kNoSlot}};
const Keys kNever = {};

Keys one_slot(std::uint32_t slot) { return {Key{slot, kNoSlot}}; }

// Sorted, without repeats, and weakened past kMaxKeys.
Keys tidied(Keys keys) {
  const auto tidy = [&] {
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  };
  if (std::any_of(keys.begin(), keys.end(), [](const Key& key) { return key[0] == kNoSlot; })) {
    return kNothingNeeded;
  }
  tidy();
  if (keys.size() <= kMaxKeys) return keys;
  for (auto& key : keys) key[1] = kNoSlot;
  tidy();
  return keys.size() <= kMaxKeys ? keys : kNothingNeeded;
}

// Either [a] or [b] is needed.
Keys either(Keys a, const Keys& b) {
  a.insert(a.end(), b.begin(), b.end());
  return tidied(std::move(a));
}

// The two smallest slots of [a] and [b] together.
Key joined(const Key& a, const Key& b) {
  std::array<std::uint32_t, 4> slots = {a[0], a[1], b[0], b[1]};
  std::sort(slots.begin(), slots.end());
  const auto end = std::unique(slots.begin(), slots.end());
  Key key = {slots[0], end - slots.begin() > 1 ? slots[1] : kNoSlot};
  return key;
}

// Both [a] and [b] are needed: a key of each, joined; or the keys of one of them.
Keys both(const Keys& a, const Keys& b) {
  if (a.empty() || b.empty()) return kNever;
  if (a.size() * b.size() > kMaxKeys) return a.size() <= b.size() ? a : b;
  Keys keys;
  for (const auto& x : a) {
    for (const auto& y : b) keys.push_back(joined(x, y));
  }
  return tidied(std::move(keys));
}

// [count] of [parts] are needed.
Keys some_of(const std::vector<const Keys*>& parts, std::int64_t count) {
  if (count <= 0) return kNothingNeeded;
  if (count > static_cast<std::int64_t>(parts.size())) return kNever;
  Keys keys;
  if (count == 1 || parts.size() > kMaxPairedParts) {
    for (const auto* part : parts) keys = either(std::move(keys), *part);
    return keys;
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    for (std::size_t j = i + 1; j < parts.size(); ++j) keys = either(std::move(keys), both(*parts[i], *parts[j]));
  }
  return keys;
}

// A comparison between the facts among [operands]: the solver never decides it true or false.
TruthKeys::Key decided_by_facts(const std::vector<ast::ExprPtr>& operands) {
  std::vector<std::uint32_t> slots;
  for (const auto& operand : operands) {
    if (is_fact(*operand)) slots.push_back(operand->ref_id);
  }
  std::sort(slots.begin(), slots.end());
  return {slots.empty() ? kNoSlot : slots[0], slots.size() > 1 ? slots[1] : kNoSlot};
}

}  // namespace

TruthKeys::TruthKeys(const ast::Kb& kb) : kb_(kb), define_needs_(kb.defines.size()) {}

std::vector<TruthKeys::Key> TruthKeys::of(const Expr& condition) { return needs(condition).true_; }

TruthKeys::Needs TruthKeys::needs(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::BoolConst:
      return {expr.tri == 1 ? kNothingNeeded : kNever, expr.tri == 0 ? kNothingNeeded : kNever,
              expr.tri != 2 ? kNothingNeeded : kNever};
    case ExprKind::Name: {
      if (expr.ref != ast::RefKind::Define) {
        const Keys fact = one_slot(expr.ref_id);
        return {fact, fact, fact};
      }
      auto& memo = define_needs_[expr.ref_id];
      if (!memo) memo = needs(*kb_.defines[expr.ref_id].condition);
      return *memo;
    }
    case ExprKind::Known: return {one_slot(expr.ref_id), kNothingNeeded, kNothingNeeded};
    case ExprKind::Not: {
      Needs part = needs(*expr.children[0]);
      return {std::move(part.false_), std::move(part.true_), std::move(part.decided)};
    }
    case ExprKind::And:
    case ExprKind::Or: {
      const bool is_and = expr.kind == ExprKind::And;
      Keys all = kNothingNeeded, any, decided;
      for (const auto& child : expr.children) {
        const Needs part = needs(*child);
        all = both(all, is_and ? part.true_ : part.false_);
        any = either(std::move(any), is_and ? part.false_ : part.true_);
        decided = either(std::move(decided), part.decided);
      }
      if (is_and) return {std::move(all), std::move(any), std::move(decided)};
      return {std::move(any), std::move(all), std::move(decided)};
    }
    case ExprKind::AtLeast: return at_least_needs(expr);
    // Numeric comparisons and the other counts: not decided by single facts.
    case ExprKind::AtMost:
    case ExprKind::Exactly:
    case ExprKind::Arith: return {kNever, kNever, {decided_by_facts(expr.children)}};
    case ExprKind::Compare:
      if (expr.numeric) return {kNever, kNever, {decided_by_facts(expr.children)}};
      return compare_needs(expr);
    case ExprKind::InSet: {
      const Keys fact = one_slot(expr.children[0]->ref_id);
      return {fact, fact, fact};
    }
    case ExprKind::Between: {
      if (expr.numeric || expr.children[1]->kind != ExprKind::Number ||
          expr.children[2]->kind != ExprKind::Number) {
        return {kNever, kNever, {decided_by_facts(expr.children)}};
      }
      const Keys fact = one_slot(expr.children[0]->ref_id);
      return {fact, fact, fact};
    }
    case ExprKind::Number:
    case ExprKind::Urgency: break;
  }
  return {kNothingNeeded, kNothingNeeded, kNothingNeeded};
}

TruthKeys::Needs TruthKeys::compare_needs(const Expr& expr) {
  const Expr& left = *expr.children[0];
  const Expr& right = *expr.children[1];
  if (left.kind == ExprKind::Urgency || right.kind == ExprKind::Urgency) {
    return {kNothingNeeded, kNothingNeeded, kNothingNeeded};
  }
  if (is_boolean_operand(left) || is_boolean_operand(right)) {
    const Keys sides = both(needs(left).decided, needs(right).decided);
    return {sides, sides, sides};
  }
  if (is_fact(left) && is_fact(right)) return {kNever, kNever, {decided_by_facts(expr.children)}};
  const Keys fact = one_slot(is_fact(left) ? left.ref_id : right.ref_id);
  return {fact, fact, fact};
}

TruthKeys::Needs TruthKeys::at_least_needs(const Expr& expr) {
  std::vector<Needs> parts;
  for (const auto& child : expr.children) parts.push_back(needs(*child));
  const auto all = [&](Keys Needs::*which) {
    std::vector<const Keys*> keys;
    for (const auto& part : parts) keys.push_back(&(part.*which));
    return keys;
  };
  const auto count = static_cast<std::int64_t>(expr.count);
  const auto size = static_cast<std::int64_t>(parts.size());
  return {some_of(all(&Needs::true_), count), some_of(all(&Needs::false_), size - count + 1),
          some_of(all(&Needs::decided), std::min(count, size - count + 1))};
}

}  // namespace redflag::lint
