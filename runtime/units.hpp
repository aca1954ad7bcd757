// Units of measure: the UCUM codes redflag knows, their aliases, and conversion between them.
//
// Shared by the compiler (converting literals into a fact's canonical unit at compile time) and
// the case reader (converting case values at load time). Standard library only. It does not
// parse full UCUM expressions (no `kg/m2`): only the single codes listed in docs/language.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace redflag {

// ORDER matches the FACTS section's dimension byte (docs/bytecode.md).
enum class Dimension : std::uint8_t { None, Mass, Time, Length, Temperature };

// One unit: value_in_base = value * factor + offset, in the dimension's base unit (kg, s, m, K).
struct Unit {
  std::string_view code;  // the UCUM code, e.g. "[lb_av]"
  Dimension dimension;
  double factor;
  double offset;
};

// Looks up [name], a UCUM code or an alias ("lb", "weeks"); nullopt when unknown.
std::optional<Unit> find_unit(std::string_view name);

// Every UCUM code and alias, for "did you mean" suggestions.
std::vector<std::string_view> unit_names();

// The dimension's lower-case name ("mass"), or "none".
std::string_view dimension_name(Dimension dimension);

// Converts [value] from [from] to [to] (same dimension). A conversion between different units
// is rounded to 12 significant digits so that 4.5359237 kg equals 10 [lb_av] exactly.
double convert(double value, const Unit& from, const Unit& to);

}  // namespace redflag
