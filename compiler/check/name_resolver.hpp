// Name resolution inside conditions and numeric values, shared by their checkers.
//
// A name in a condition is a fact, a define, a score or a score item (`score.item`); this
// resolves it, reports it when it is none of them, and describes an operand for messages.
#pragma once

#include <string>

#include "compiler/check/check_phases.hpp"

namespace redflag::internal {

// Whether [name] is `score.item`.
bool is_item_reference(const std::string& name);

class NameResolver {
 public:
  NameResolver(ast::Kb& kb, const Symbols& symbols, Diagnostics& diagnostics)
      : kb_(kb), symbols_(symbols), diagnostics_(diagnostics) {}

  // Resolves a Name among facts, defines, scores and score items (`news2.respiration`); false
  // (without reporting) when it is none of them.
  bool resolve_name(ast::Expr& expr);

  // Reports an undefined name (E020), a flag's name (E098), or an undefined score or item for
  // `score.item`.
  void undefined_name(const ast::Expr& expr);

  // What a comparison operand is, for messages.
  std::string describe(const ast::Expr& expr) const;

  // The fact [expr] names, or nullptr.
  const ast::Fact* fact_of(const ast::Expr& expr) const;

 protected:
  ast::Kb& kb_;
  const Symbols& symbols_;
  Diagnostics& diagnostics_;

 private:
  // Resolves `score.item`; false when the score or the item is not declared.
  bool resolve_item(ast::Expr& expr);
};

}  // namespace redflag::internal
