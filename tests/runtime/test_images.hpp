// Images for the runtime tests, built with the runtime's own CodeBuilder (an in-test
// assembler) so that no test needs the compiler.
#pragma once

#include <functional>
#include <vector>

#include "runtime/code_builder.hpp"
#include "runtime/image.hpp"
#include "runtime/vm.hpp"

namespace redflag::test {

// Fact indices of logic_image(): three bools, a number, a three-value enum and a text.
enum LogicFact : std::uint32_t { kA, kB, kC, kNumber, kColour, kNote, kLogicFactCount };

// One flag (level 1 of "low < high") whose condition [emit] writes; constant 0 is 10.0.
// max_stack is computed from the code.
Image logic_image(const std::function<void(CodeBuilder&)>& emit);

// Evaluates flag 0 of [image] with [facts].
Tri evaluate_flag(const Image& image, const std::vector<FactValue>& facts);

// A small KB using every table and instruction: levels routine < consult < immediate; facts
// fever, age, weight_loss, cancer_type, notes; define systemic; flags weight_loss_flag and
// cancer_history; topics workup (no condition) and escalation (`urgency >= consult`); one test.
Image sample_image();

// Recomputes the content hash and checksum of .rfb [bytes] after an edit, so that the edit
// reaches the section parsers and the verifier instead of failing the checksum.
void reseal(std::vector<std::uint8_t>& bytes);

// Shorthands for FactValue.
inline FactValue known(double value) { return FactValue{value, true}; }
inline FactValue unknown() { return FactValue{}; }

}  // namespace redflag::test
