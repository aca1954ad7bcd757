#include "compiler/lint/flat_conditions.hpp"

namespace redflag::lint {

FlatConditions::FlatConditions(const ast::Kb& kb)
    : kb_(kb), define_nodes_(kb.defines.size(), kNotCopied) {}

std::uint32_t FlatConditions::copy(const ast::Expr& expr) {
  const auto node = static_cast<std::uint32_t>(nodes_.size());
  nodes_.emplace_back();
  fill(node, expr);
  return node;
}

// Copies [expr] into nodes_[node] and its children after the end. nodes_ grows meanwhile, so
// nodes are named by index, never by reference.
void FlatConditions::fill(std::uint32_t node, const ast::Expr& expr) {
  std::uint64_t set_mask = 0;
  for (const auto id : expr.set_ids) set_mask |= std::uint64_t{1} << id;
  const auto first = static_cast<std::uint32_t>(nodes_.size());
  nodes_[node] = {expr.kind, expr.ref,  expr.cmp, expr.tri, expr.negated, expr.ref_id, expr.count,
                  first,     static_cast<std::uint32_t>(expr.children.size()), expr.canonical_value,
                  set_mask,  expr.numeric};
  nodes_.resize(first + expr.children.size());
  for (std::size_t i = 0; i < expr.children.size(); ++i) {
    fill(first + static_cast<std::uint32_t>(i), *expr.children[i]);
  }
  if (expr.kind == ast::ExprKind::Name && expr.ref == ast::RefKind::Define &&
      define_nodes_[expr.ref_id] == kNotCopied) {
    define_nodes_[expr.ref_id] = copy(*kb_.defines[expr.ref_id].condition);
  }
}

}  // namespace redflag::lint
