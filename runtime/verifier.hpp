// Checks that an Image is safe to run: every index in range, and code the VM can trust.
//
// The loader runs this on every file, so the VM (runtime/vm.hpp) can skip bounds checks; the
// compiler may run it on its own output. It checks structure, not clinical sense: a flag that
// can never fire is fine here. docs/bytecode.md "Verification" lists every rule.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/image.hpp"

namespace redflag {

// The reason [image] is unsafe to run (one short phrase, no `bad bytecode` prefix), or an
// empty string when it passes every check: the tables here, then verify_code.
[[nodiscard]] std::string verify_image(const Image& image);

// The code checks alone: encodings, operand ranges, jumps, both stack depths,
// FLAG/DEFSET/TOPIC/NSET discipline and HALT. Expects the tables of [image] to be verified already.
[[nodiscard]] std::string verify_code(const Image& image);

// The deepest stack [code] reaches, for the code generator to store as max_stack. Meaningful
// only for code that decodes and never underflows; it stops at the first bad instruction.
std::uint32_t max_stack_depth(const std::vector<std::uint8_t>& code);

// The same for the number stack, to store as max_number_stack.
std::uint32_t max_number_stack_depth(const std::vector<std::uint8_t>& code);

}  // namespace redflag
