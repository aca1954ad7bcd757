// The public face of the parser: user codes against the resolved table.
#include "runtime/ucum/internal/atoms.hpp"
#include "runtime/ucum/internal/parser.hpp"

namespace redflag::ucum {

namespace {

// Atoms as resolved once from the table.
class TableAtoms final : public internal::AtomSource {
 public:
  const Unit* atom(std::size_t index, std::string& error) override {
    const internal::ResolvedAtom& resolved = internal::resolved_atom(index);
    if (!resolved.unit) error = resolved.error;
    return resolved.unit ? &*resolved.unit : nullptr;
  }
};

}  // namespace

ParseResult parse(std::string_view code) {
  TableAtoms atoms;
  return internal::parse_with(code, atoms);
}

std::string Error::text() const { return message + " at " + std::to_string(offset); }

std::string dimension_text(const Dimension& dimension) {
  std::string text;
  for (std::size_t i = 0; i < kBaseCount; ++i) {
    const int exponent = dimension.exponents[i];
    if (exponent == 0) continue;
    if (!text.empty()) text += '.';
    text += kBaseCodes[i];
    if (exponent != 1) text += std::to_string(exponent);
  }
  return text.empty() ? "1" : text;
}

std::string_view table_version() { return table::kVersion; }

}  // namespace redflag::ucum
