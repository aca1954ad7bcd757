// How evaluation output shows facts and flags to a clinician.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "runtime/image.hpp"
#include "runtime/interval.hpp"
#include "runtime/redflag.hpp"

namespace redflag::tools {

// A fact's value as a clinician reads it: `true`, `34`, `12 [lb_av]`, `lung`, `(text)`.
std::string display_value(const ImageFact& fact, double value);

// A computed value as text to six significant digits: "63.3333 mm[Hg]", "8", or "3 to 9" when
// its interval is not one value;
// [unit] "1" (dimensionless) is not shown.
std::string display_range(const Interval& value, const std::string& unit);

// [text] with every line after the first indented by [indent], for text blocks in reports.
std::string indent_continuation(std::string_view text, std::string_view indent);

// [result]'s fired flags, highest urgency first (KB order among equals).
std::vector<const FiredFlag*> fired_by_urgency(const Image& image, const CaseResult& result);

// [result]'s undetermined flags, highest urgency first (KB order among equals).
std::vector<const UndeterminedFlag*> undetermined_by_urgency(const Image& image,
                                                             const CaseResult& result);

}  // namespace redflag::tools
