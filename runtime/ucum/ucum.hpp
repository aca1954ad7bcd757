// UCUM, the Unified Code for Units of Measure: the whole grammar and the whole table, one engine.
//
// parse() reads a case-sensitive UCUM code (`mg/dL`, `mL/min/{1.73_m2}`, `10*9/L`, `Cel`) into a
// Unit: a magnitude relative to the coherent expression over UCUM's seven base units, the
// dimension vector over those base units, and what makes a unit more than a number (a special
// function such as Celsius' offset, arbitrary atoms such as `[IU]`, the moles in it). convert()
// converts a value between two codes. The table is ucum-essence.xml (runtime/ucum/data/), turned
// into C++ by generate_table.py; docs/units.md describes the rules and what is refused.
//
// Standard library only, like the rest of the runtime. Nothing here throws or prints: every
// problem is a message in the result, so any byte string is safe input. It does not format units
// for display, and it does not know molar masses (converting mmol/L to mg/dL is an error that
// says one would be needed). runtime/units.hpp is the layer over it that the compiler, the case
// reader, the API and the behaviour diff use (aliases, rounding, suggestions).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace redflag::ucum {

// UCUM's base units, in the order of the dimension vector.
inline constexpr std::size_t kBaseCount = 7;
inline constexpr std::array<std::string_view, kBaseCount> kBaseCodes = {"m", "s", "g", "rad", "K", "C", "cd"};

// A dimension: one integer exponent per base unit (`N` is m.s-2.g, {1, -2, 1, 0, 0, 0, 0}).
struct Dimension {
  std::array<int, kBaseCount> exponents{};
  bool operator==(const Dimension& other) const { return exponents == other.exponents; }
  bool operator!=(const Dimension& other) const { return !(*this == other); }
};

// The base-unit expression of [dimension] in UCUM syntax (`g.m-3`), or `1` when dimensionless.
std::string dimension_text(const Dimension& dimension);

// The special units' functions (ucum-essence.xml `<function name>`): a special unit's number
// is a function of the quantity, not a multiple of it, so it cannot be multiplied or divided.
enum class SpecialFunction : unsigned char {
  None,
  Celsius,      // Cel: K - 273.15
  Fahrenheit,   // [degF]: K·9/5 - 459.67
  Reaumur,      // [degRe]: (K - 273.15)·4/5
  PH,           // [pH]: -lg(mol/l)
  Ln,           // Np
  Lg,           // B, B[W], B[kW]
  LgTimes2,     // B[SPL], B[V], B[mV], B[uV], B[10.nV]: 2·lg
  Ld,           // bit_s: lg base 2
  TanTimes100,  // [p'diop], %[slope]: 100·tan(angle)
  HpX,          // [hp'_X]: -lg
  HpC,          // [hp'_C]: -log base 100
  HpM,          // [hp'_M]: -log base 1000
  HpQ,          // [hp'_Q]: -log base 50000
  Sqrt,         // [m/s2/Hz^(1/2)]
};

// One arbitrary atom (`[IU]`, `[arb'U]`) and its exponent. Arbitrary units are not defined in
// terms of the base units, so they compare only with themselves.
struct ArbitraryPower {
  std::string_view atom;  // the table's code, e.g. "[iU]" (`[IU]` is defined as `[iU]`)
  int exponent;
  bool operator==(const ArbitraryPower& other) const { return atom == other.atom && exponent == other.exponent; }
};

// A parsed UCUM code: value × factor is the quantity in the coherent base-unit expression of
// [dimension] (`mg/dL`: factor 10, g.m-3). For a special unit, factor is the function's
// reference magnitude (`[degF]`: 5/9, K) and [special_prefix] the prefix on it (`dB`: 0.1).
struct Unit {
  double factor = 1;
  Dimension dimension;
  int mole_exponent = 0;                 // how often `mol` enters (mmol/L: 1), for the molar-mass message
  std::vector<ArbitraryPower> arbitrary;  // sorted by atom; empty for ordinary units
  SpecialFunction special = SpecialFunction::None;
  double special_prefix = 1;
};

// Where a code stopped making sense: a message in docs/diagnostics.md style and a byte offset.
struct Error {
  std::string message;  // e.g. "unknown unit atom `kgz`"
  std::size_t offset = 0;
  std::string text() const;  // "unknown unit atom `kgz` at 0"
};

// A Unit, or why [code] is not one.
struct ParseResult {
  std::optional<Unit> unit;
  Error error;
};

// Parses [code] per UCUM §§1–8 (c/s codes). Never throws; any byte string is safe input.
ParseResult parse(std::string_view code);

// A converted value, or why it cannot be converted (the message names both codes).
struct ConvertResult {
  std::optional<double> value;
  std::string error;
};

// Converts [value] in [from] into [to]: same dimension, same arbitrary atoms, through the
// base units (so Cel and [degF] go through K with their offsets).
ConvertResult convert(double value, std::string_view from, std::string_view to);

// The same for units already parsed; [from_code] and [to_code] only name them in messages.
ConvertResult convert(double value, const Unit& from, std::string_view from_code, const Unit& to,
                      std::string_view to_code);

// The UCUM version of the table, "2.2".
std::string_view table_version();

}  // namespace redflag::ucum
