// The semantic phases of the front end and the symbol tables they share (compiler-internal).
//
// Order: resolve_declarations builds the tables and resolves every name outside conditions;
// check_facts checks fact types, units and ranges, then test givens; check_conditions resolves
// and types every condition; check_define_cycles needs the define references it set.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/ast.hpp"
#include "compiler/diagnostics/diagnostic.hpp"

namespace redflag::internal {

// One namespace of declared names: name -> index into the Kb table.
struct NameTable {
  std::unordered_map<std::string, std::uint32_t> ids;
  std::vector<std::string_view> names;  // in declaration order, for suggestions

  // The id of [name], or ast::kNoId.
  std::uint32_t find(const std::string& name) const;
};

struct Symbols {
  NameTable facts, defines, scores, flags, topics, sources, levels;
  std::vector<std::string_view> facts_and_defines;  // the namespace conditions use (and scores)
};

Symbols resolve_declarations(ast::Kb& kb, Diagnostics& diagnostics);
void check_facts(ast::Kb& kb, Diagnostics& diagnostics);
// Checks the `fhir` clauses of every fact (compiler/check/check_fhir.cpp).
void check_fhir(ast::Kb& kb, Diagnostics& diagnostics);
// Types every condition and numeric value: defines, flags, topics, score items and guards.
void check_conditions(ast::Kb& kb, const Symbols& symbols, Diagnostics& diagnostics);
// Checks the bands of every banded score item against its fact: units, shapes, no gap, no overlap.
void check_scores(ast::Kb& kb, const Symbols& symbols, Diagnostics& diagnostics);
void check_define_cycles(const ast::Kb& kb, Diagnostics& diagnostics);

// "fact `age`", "mass fact `weight_loss`", for messages.
std::string describe_fact(const ast::Fact& fact);

// "10 kg", a literal as written.
std::string literal_text(const ast::Literal& literal);

// The unit [written] at [span]. In a declaration ([expected] nullopt) it must be of the declared
// [dimension] (any unit for `quantity`); in a literal it must convert to [expected], the fact's
// unit, because of [what] ("`weight_loss`"). Reports E040 (with the likely units), E041 (two
// named dimensions) or E058 and returns nullopt otherwise.
std::optional<Unit> resolve_unit(const std::string& written, const SourceSpan& span,
                                 Dimension dimension, const std::optional<Unit>& expected,
                                 const std::string& what, Diagnostics& diagnostics);

// [literal]'s value converted from [from], its unit, into [to]; reports E057 and returns nullopt
// when the result is beyond a double although the literal is not (`1e307 km` in `cm`), or is
// non-zero but nearer zero than the smallest normal double. NaN (no equivalent) is returned
// as it is, for the caller to judge.
std::optional<double> converted_literal(const ast::Literal& literal, const Unit& from, const Unit& to,
                                        Diagnostics& diagnostics);

// [literal] in [fact]'s canonical unit (a bare number is taken as already in it); reports E042
// for a unit on a plain number fact and bad units as resolve_unit does.
std::optional<double> literal_value(const ast::Literal& literal, const ast::Fact& fact,
                                    Diagnostics& diagnostics);

// Reports E059 and returns false when [fact] is an integer and [value] (of [literal]) is not
// a whole number; true otherwise.
bool check_integer(const ast::Literal& literal, double value, const ast::Fact& fact,
                   Diagnostics& diagnostics);

// Reports E046 when [value] (of [literal]) lies outside [fact]'s declared range.
void check_range(const ast::Literal& literal, double value, const ast::Fact& fact,
                 Diagnostics& diagnostics);

// "kb/a.rf:3:6", where a first declaration stands.
std::string where(const ast::Kb& kb, const SourceSpan& span);

}  // namespace redflag::internal
