// The table's atoms and prefixes by code, and every atom resolved to a Unit.
//
// Resolution happens once, on first use (thread-safe static initialisation): each defined
// atom's definition is parsed with the same parser as user input, recursively, so `[lb_av]`
// becomes 453.59237 g. An atom whose definition cannot be resolved (a cycle, or a special
// function redflag does not implement) keeps the message and is refused where it is used.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/ucum/internal/table.hpp"
#include "runtime/ucum/ucum.hpp"

namespace redflag::ucum::internal {

// The index of the atom whose case-sensitive code is [code].
std::optional<std::size_t> find_atom(std::string_view code);

// The value of the prefix whose code is [code].
std::optional<double> find_prefix(std::string_view code);

// One resolved atom: its Unit, or why it has none.
struct ResolvedAtom {
  std::optional<Unit> unit;
  std::string error;
};

// Atom [index] of table::kAtoms, resolved.
const ResolvedAtom& resolved_atom(std::size_t index);

}  // namespace redflag::ucum::internal
