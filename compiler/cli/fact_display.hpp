// How evaluation output shows facts and flags to a clinician.
#pragma once

#include <string>
#include <vector>

#include "runtime/image.hpp"
#include "runtime/redflag.hpp"

namespace redflag::cli {

// A fact's value as a clinician reads it: `true`, `34`, `12 [lb_av]`, `lung`, `(text)`.
std::string display_value(const ImageFact& fact, double value);

// [result]'s fired flags, highest urgency first (KB order among equals).
std::vector<const FiredFlag*> fired_by_urgency(const Image& image, const CaseResult& result);

// [result]'s undetermined flags, highest urgency first (KB order among equals).
std::vector<const UndeterminedFlag*> undetermined_by_urgency(const Image& image,
                                                             const CaseResult& result);

}  // namespace redflag::cli
