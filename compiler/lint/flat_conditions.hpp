// A KB's conditions copied, as the linter's solver reads them, into one array of small nodes.
//
// The solver (compiler/lint/condition_solver.hpp) evaluates the same conditions millions of
// times. Walking the AST for that chases a pointer per child into nodes of hundreds of bytes
// spread over the whole parse; a flat node holds just what evaluation reads, and a node's
// children sit next to each other, so a condition fills a few cache lines. Only the conditions
// asked for are copied, with the defines they use (each define once).
#pragma once

#include <cstdint>
#include <vector>

#include "compiler/ast.hpp"

namespace redflag::lint {

class FlatConditions {
 public:
  struct Node {
    ast::ExprKind kind;
    ast::RefKind ref;
    ast::Cmp cmp;
    std::uint8_t tri;
    bool negated;
    std::uint32_t ref_id;
    std::uint32_t count;     // `at least count of`
    std::uint32_t first;     // the children are nodes first .. first + children - 1
    std::uint32_t children;
    double value;            // canonical_value
    std::uint64_t set_mask;  // InSet: bit i for enum value i
    bool numeric;            // a comparison of numeric values (CMPN), which the solver leaves open
  };

  // [kb] must have passed checking and outlive this.
  explicit FlatConditions(const ast::Kb& kb);

  // Copies [expr], a part of [kb], and returns its node. [expr] must be analysable
  // (ConditionSolver::analysable), which bounds the copy's recursion.
  std::uint32_t copy(const ast::Expr& expr);
  // The node of the condition of define [define]; it must have been copied (with a condition
  // that uses it).
  std::uint32_t define_node(std::uint32_t define) const { return define_nodes_[define]; }

  const Node& operator[](std::uint32_t node) const { return nodes_[node]; }

 private:
  static constexpr std::uint32_t kNotCopied = 0xFFFFFFFFu;

  void fill(std::uint32_t node, const ast::Expr& expr);

  const ast::Kb& kb_;
  std::vector<Node> nodes_;
  std::vector<std::uint32_t> define_nodes_;
};

}  // namespace redflag::lint
