#include "runtime/ucum/internal/atoms.hpp"

#include <unordered_map>
#include <vector>

#include "runtime/ucum/internal/parser.hpp"
#include "runtime/ucum/internal/special.hpp"

namespace redflag::ucum::internal {

namespace {

using table::AtomKind;

// Resolves atoms on demand, each once, following definitions depth-first; a cycle is an error.
class Resolver final : public AtomSource {
 public:
  Resolver() : atoms_(table::kAtomCount), state_(table::kAtomCount, State::Unvisited) {}

  const Unit* atom(std::size_t index, std::string& error) override {
    if (state_[index] == State::Visiting) {
      error = "the definition of `" + std::string(table::kAtoms[index].code) + "` refers to itself";
      return nullptr;
    }
    if (state_[index] == State::Unvisited) {
      state_[index] = State::Visiting;
      atoms_[index] = resolve(table::kAtoms[index]);
      state_[index] = State::Done;
    }
    const ResolvedAtom& resolved = atoms_[index];
    if (!resolved.unit) error = resolved.error;
    return resolved.unit ? &*resolved.unit : nullptr;
  }

  std::vector<ResolvedAtom> resolve_all() {
    std::string ignored;  // each failure stays in its ResolvedAtom
    for (std::size_t i = 0; i < table::kAtomCount; ++i) atom(i, ignored);
    return std::move(atoms_);
  }

 private:
  enum class State : unsigned char { Unvisited, Visiting, Done };

  ResolvedAtom resolve(const table::Atom& atom) {
    const std::string code(atom.code);
    if (atom.kind == AtomKind::Base) {
      Unit unit;
      unit.dimension.exponents[static_cast<std::size_t>(atom.base_index)] = 1;
      return {unit, {}};
    }
    std::optional<SpecialFunction> function;
    if (atom.kind == AtomKind::Special) {
      function = special_function_named(atom.function);
      if (!function) return {std::nullopt, "`" + code + "` is a special unit redflag does not support"};
    }
    ParseResult definition = parse_with(atom.unit, *this);
    if (!definition.unit) {
      return {std::nullopt, "`" + code + "` has a definition `" + std::string(atom.unit) +
                                "` redflag cannot resolve: " + definition.error.message};
    }
    Unit unit = std::move(*definition.unit);
    unit.factor *= atom.value;
    // UCUM makes the mole a plain number (6.02214076e23); counting it keeps mmol/L apart from mg/dL.
    if (atom.code == "mol") unit.mole_exponent += 1;
    // An arbitrary atom defined as a number is its own identity; `[IU]` (= `[iU]`) inherits one.
    if (atom.kind == AtomKind::Arbitrary && unit.arbitrary.empty()) unit.arbitrary.push_back({atom.code, 1});
    if (function) unit.special = *function;
    return {std::move(unit), {}};
  }

  std::vector<ResolvedAtom> atoms_;
  std::vector<State> state_;
};

const std::unordered_map<std::string_view, std::size_t>& atom_index() {
  static const auto index = [] {
    std::unordered_map<std::string_view, std::size_t> map;
    for (std::size_t i = 0; i < table::kAtomCount; ++i) map.emplace(table::kAtoms[i].code, i);
    return map;
  }();
  return index;
}

}  // namespace

std::optional<std::size_t> find_atom(std::string_view code) {
  const auto& index = atom_index();
  const auto at = index.find(code);
  if (at == index.end()) return std::nullopt;
  return at->second;
}

std::optional<double> find_prefix(std::string_view code) {
  for (std::size_t i = 0; i < table::kPrefixCount; ++i) {
    if (table::kPrefixes[i].code == code) return table::kPrefixes[i].value;
  }
  return std::nullopt;
}

const ResolvedAtom& resolved_atom(std::size_t index) {
  static const std::vector<ResolvedAtom> atoms = Resolver().resolve_all();
  return atoms[index];
}

}  // namespace redflag::ucum::internal
