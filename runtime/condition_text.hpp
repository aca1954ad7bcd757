// Conditions read back from bytecode: every define's, flag's and topic's condition as an
// expression in the rule language, decompiled from a verified Image's code.
//
// `redflag diff` compares conditions through this text, so a KB built to `.rfb` and the same
// KB as sources compare alike, and cosmetic source edits (layout, `6 weeks` for `6 wk`) do not
// count as changes. The text is canonical, not the author's: quantities in the fact's canonical
// unit, `a between x and y` as its two comparisons, parentheses only where precedence needs
// them, defines and numbers by name, numeric constants bare (in the canonical unit of the
// expression they sit in). It is not a pretty-printer for sources (that is the formatter).
#pragma once

#include <string>
#include <vector>

#include "runtime/image.hpp"

namespace redflag {

struct ConditionTexts {
  std::vector<std::string> defines;  // per define
  std::vector<std::string> flags;    // per flag
  std::vector<std::string> topics;   // per topic; empty for a topic without a condition
  // per number slot: a numeric define's expression, a score's sum of its items, an item's
  // rows as `3 when resp_rate < 9 /min, 1 when ..., otherwise 0`
  std::vector<std::string> numbers;
};

// Decompiles the code of [image], which must have been verified (runtime/verifier.hpp).
ConditionTexts decompile_conditions(const Image& image);

}  // namespace redflag
