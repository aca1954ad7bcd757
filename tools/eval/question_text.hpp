// What answering one `eval --ask` question could do, in words for the text report
// (docs/cli.md#--ask-the-next-question-to-ask).
//
// Each line says what is true of the answer, from runtime/next_question.hpp: what it can do
// alone (raise the urgency, fire or rule out flags), and which flags it can fire only together
// with other unknown facts, naming them. It never presents a fact needed for an urgent flag
// together with another answer as one that cannot matter.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/image.hpp"
#include "runtime/next_question.hpp"

namespace redflag::tools {

// The lines for [question] of a case at urgency [urgency] (a level index), without
// indentation: `alone: cannot change the urgency; could rule out meningitis`, then one
// `with neck_stiffness: could fire meningitis (emergency)` per entry of Question::together.
// "decide" is said of a flag that some answers fire and others rule out.
std::vector<std::string> question_effects(const Image& image, const Question& question,
                                          std::uint32_t urgency);

}  // namespace redflag::tools
