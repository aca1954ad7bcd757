// Images for the runtime tests, built with the runtime's own CodeBuilder (an in-test
// assembler) so that no test needs the compiler.
#pragma once

#include <functional>
#include <vector>

#include "runtime/code_builder.hpp"
#include "runtime/image.hpp"
#include "runtime/redflag.hpp"
#include "runtime/vm.hpp"

namespace redflag::test {

// Fact indices of logic_image(): three bools, a number, a three-value enum and a text.
enum LogicFact : std::uint32_t { kA, kB, kC, kNumber, kColour, kNote, kLogicFactCount };

// One flag (level 1 of "low < high") whose condition [emit] writes; constant 0 is 10.0.
// max_stack is computed from the code.
Image logic_image(const std::function<void(CodeBuilder&)>& emit);

// Evaluates flag 0 of [image] with [facts].
Tri evaluate_flag(const Image& image, const std::vector<FactValue>& facts);

// Fact indices of number_image(): sbp, a quantity in mm[Hg] declared 0 to 300; dbp, in mm[Hg]
// with an open range; rate, a number of at least 0; gcs, an integer 3 to 15; p, q, r, bools.
enum NumberFact : std::uint32_t { kSbp, kDbp, kRate, kGcs, kP, kQ, kR, kNumberFactCount };

// One flag (level 1 of "low < high") whose condition [emit] writes, with constant pool
// [constants] and number slots [numbers] (whose NSETs [emit] writes too, before the condition).
// max_stack and max_number_stack are computed from the code.
Image number_image(std::vector<double> constants, std::vector<ImageNumber> numbers,
                   const std::function<void(CodeBuilder&)>& emit);

// The in-test assembler: [op] with operand a (shapes Fact, Define, Flag, Topic, Number) or b
// (Const), and the shapes with more than one operand.
void emit_a(CodeBuilder& code, Op op, std::uint64_t a);
void emit_numk(CodeBuilder& code, std::uint64_t constant);
void emit_cmpn(CodeBuilder& code, CmpCode cmp);
void emit_count(CodeBuilder& code, Op op, std::uint64_t a, std::uint64_t b);
void emit_item(CodeBuilder& code, std::uint64_t first, std::uint64_t rows, std::uint8_t zero);
void emit_cmpk(CodeBuilder& code, std::uint32_t fact, CmpCode cmp, std::uint32_t constant);

// A small KB using every table and instruction of format 1.2: levels routine < consult <
// immediate; facts fever, age, weight_loss, cancer_type, notes; define systemic; flags
// weight_loss_flag and cancer_history; topics workup (no condition) and escalation
// (`urgency >= consult`); one test. It has no numbers, so no NUMBERS section.
Image sample_image();

// sample_image() with numbers: facts resp_rate (/min, 0 to 80) and sbp (mm[Hg], 0 to 300);
// number slots low_sbp (a condition item, `1 when sbp <= 100 mm[Hg]`), fast (a banded item over
// resp_rate: 0 below 22 /min, 1 from 22), qsofa (their score, cited) and shock_index (a
// numeric define, `sbp / 100` in 1); flag qsofa_high (`qsofa >= 2`, consult) reading qsofa;
// a second test expecting `score qsofa between 0 and 2`.
Image scored_image();

// [image] written and loaded back as a Kb, or null when it does not load.
std::shared_ptr<const Kb> open_kb(const Image& image);

// Recomputes the content hash and checksum of .rfb [bytes] after an edit, so that the edit
// reaches the section parsers and the verifier instead of failing the checksum.
void reseal(std::vector<std::uint8_t>& bytes);

// Shorthands for FactValue.
inline FactValue known(double value) { return FactValue{value, true}; }
inline FactValue unknown() { return FactValue{}; }

}  // namespace redflag::test
