// The UCUM grammar (§§1–8 of the specification) as a recursive-descent parser over bytes.
//
//   main-term  := '/' term | term
//   term       := component (('.' | '/') component)*
//   component  := simple-unit exponent? annotation? | factor annotation? | annotation | '(' term ')'
//   simple-unit:= atom | prefix metric-atom          (`10*` and `10^` are atoms: `10*3`, `10^3`)
//   exponent   := ('+' | '-')? digits
//   annotation := '{' ASCII 33–126 except braces '}'
//
// Departures from the BNF: a factor may carry an annotation (`1{c}`, as the functional tests
// require). The parser does not look atoms up itself: an AtomSource gives each atom's meaning,
// so the same grammar reads user input and, while the table is being resolved, the table's own
// definitions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "runtime/ucum/ucum.hpp"

namespace redflag::ucum::internal {

// Gives the meaning of table atom [index], or nullptr with [error] set when it has none.
class AtomSource {
 public:
  virtual const Unit* atom(std::size_t index, std::string& error) = 0;

 protected:
  ~AtomSource() = default;
};

// Parses [code], looking atoms up in [atoms].
ParseResult parse_with(std::string_view code, AtomSource& atoms);

}  // namespace redflag::ucum::internal
