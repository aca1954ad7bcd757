// Units of measure: any UCUM code, the aliases clinicians type, and conversion between them.
//
// Shared by the compiler (converting literals into a fact's canonical unit at compile time), the
// case reader and the embedding API (converting case values at load time) and the behaviour
// diff (translating values between two versions of a fact). It is a thin layer over
// runtime/ucum/, the one UCUM engine: it adds the alias table (`lb`, `mmHg`, `°C`: each stands
// for exactly one UCUM code; docs/units.md lists them), the four named dimensions the language
// declares facts by (`mass in kg`), rounding of converted values to 12 significant digits, and
// "did you mean" suggestions that prefer the clinically likely unit. It does not display units
// (a fact's unit is shown as its code) and knows no molar masses. Standard library only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/ucum/ucum.hpp"

namespace redflag {

// How a quantity fact was declared. ORDER matches the FACTS section's dimension byte
// (docs/bytecode.md): Quantity, "as the unit says", came with format 1.1.
enum class Dimension : std::uint8_t { None, Mass, Time, Length, Temperature, Quantity };

// One unit: its canonical code and what ucum read from it.
struct Unit {
  std::string code;  // the UCUM code an alias stands for, else the code as written ("mg/dL")
  // Mass, Time, Length or Temperature when the unit measures one of them (g, s, m or K to the
  // first power, nothing else, Cel and [degF] included); Quantity for every other unit.
  Dimension dimension = Dimension::Quantity;
  ucum::Unit ucum;
};

// Looks up [name], a UCUM code or an alias ("lb", "weeks", "mmHg"); nullopt when unknown.
std::optional<Unit> find_unit(std::string_view name);

// The UCUM code the alias [name] stands for, or [name] itself when it is no alias.
std::string_view resolve_alias(std::string_view name);

// Every alias and the common UCUM codes, for "did you mean" suggestions.
std::vector<std::string_view> unit_names();

// The dimension's lower-case name ("mass", "quantity"), or "none".
std::string_view dimension_name(Dimension dimension);

// Whether [dimension] is one of the four the language names (mass, time, length, temperature).
bool is_named(Dimension dimension);

// Whether a value in [from] converts to [to]: the same UCUM dimension vector, the same moles,
// the same arbitrary atoms.
bool compatible(const Unit& from, const Unit& to);

// Why a value in [from] does not convert to [to], in ucum's words, naming both codes ("cannot
// convert `mmol/L` to `mg/dL`: ...; a molar mass would be needed"); "" when it does.
std::string incompatibility(const Unit& from, const Unit& to);

// Converts [value] from [from] to [to] (compatible units). A conversion between different
// codes is rounded to 12 significant digits so that 4.5359237 kg equals 10 [lb_av] exactly and
// 100 mg/dL is 1 g/L; NaN when the value has no equivalent in [to] (the pH of -1 mol/L), and
// an infinity when it has one beyond every double (1e307 km in cm).
double convert(double value, const Unit& from, const Unit& to);

// "; did you mean `Cel`?" for the unit written [written], unknown or not fitting [expected]
// (the fact's unit, when known): a clinically likely reading first (`C` and `F` as temperatures,
// `LB` as `[lb_av]`), then the nearest names of [expected]'s kind, then any; "" when none is close.
std::string unit_suggestion(std::string_view written, const std::optional<Unit>& expected);

}  // namespace redflag
