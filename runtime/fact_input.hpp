// The checks a value goes through on its way into a case, and the messages when it fails.
//
// Every way of setting a fact uses these, so that the embedding API (runtime/redflag.hpp's Case
// setters) and the JSON case reader (runtime/cases/case_reader.hpp) accept the same values and refuse
// the others with the same words: "`fever` expects true or false, got \"yes\"". They check a value
// against one fact (type expectation, unit lookup and conversion, enum lookup, physical
// possibility, range); finding the fact and decoding the input's syntax stay with the callers.
// Errors are values: each check returns "" when the value fits and the message otherwise, and
// allocates only to say why.
// Standard library only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/image.hpp"
#include "runtime/units.hpp"

namespace redflag {

// "unknown fact `weight_los`; did you mean `weight_loss`?" for [name], suggesting the closest
// names among [facts] (none when nothing is close).
std::string unknown_fact_error(std::string_view name, const std::vector<ImageFact>& facts);

// Whether a Case setter for [wanted] may set a fact of type [actual]: set_number also sets an
// integer (number_input refuses a non-integer value) and a quantity, in its canonical unit.
inline bool setter_accepts(FactType actual, FactType wanted) {
  return actual == wanted ||
         (wanted == FactType::Number && (actual == FactType::Integer || actual == FactType::Quantity));
}

// "`fever` expects true or false, got \"yes\"": [fact] was offered a value of the wrong kind,
// written as [got] (JSON-like text: true, 12, "yes", an array).
std::string wrong_type_error(const ImageFact& fact, std::string_view got);

// Checks [value], a number for a number or integer fact or a quantity fact's value in its
// canonical unit: not NaN, whole for an integer fact ("`gcs` expects an integer, got 14.5"; 14.0
// is 14), physically possible when [fact] declares no lower bound (no negative mass, time or length,
// no temperature below 0 K: "`weight_loss` is a mass and cannot be negative, got -20 lb"), and
// inside [fact]'s declared range, and finite: an infinity stands for a number beyond every double
// (1e999 in a case file), refused by the range when it has that bound ("`age` expects a number
// from 0 to 130, got 1e999"), else as too large for a double. Sets [out] (with -0 made 0).
// Messages repeat [written], the number as a case file wrote it, when given, else [value] in the
// fewest digits that read back as it (130.0000000000001 is never shown as 130).
[[nodiscard]] std::string number_input(const ImageFact& fact, double value, double& out,
                                       std::string_view written = {});

// Converts [value] written in [unit] (a UCUM code or alias) into [fact]'s canonical unit
// [canonical] (find_unit(fact.unit), which callers may look up once), then checks the range.
// Refuses an unknown unit (suggesting the nearest) or one of another dimension, and a value whose
// conversion is beyond a double ("1e308 kg" in [lb_av]).
[[nodiscard]] std::string quantity_input(const ImageFact& fact, const std::optional<Unit>& canonical, double value,
                                         std::string_view unit, double& out);
// The same with [unit] already looked up as [from] (find_unit(unit)), for callers that
// remember the units they have seen; [written] as for number_input.
[[nodiscard]] std::string quantity_input(const ImageFact& fact, const std::optional<Unit>& canonical, double value,
                                         std::string_view unit, const std::optional<Unit>& from, double& out,
                                         std::string_view written = {});

// Sets [out] to the index of [value] among [fact]'s declared values, or says which they are.
[[nodiscard]] std::string enum_input(const ImageFact& fact, std::string_view value, double& out);

// [text] as a message quotes it: in double quotes, cut to 64 bytes (at a character boundary)
// with "..." after a longer one.
std::string quoted_text(std::string_view text);

}  // namespace redflag
