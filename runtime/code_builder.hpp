// CodeBuilder: appends encoded instructions to a code buffer, with jump back-patching.
//
// The compiler's code generator emits through this, and so do the runtime tests' in-test
// assembler, so both encode operands exactly as runtime/instruction.hpp decodes them. It does
// not check meaning (indices, stack depth): verify the finished Image with runtime/verifier.hpp,
// which also computes max_stack (see max_stack_depth).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/opcodes.hpp"

namespace redflag {

class CodeBuilder {
 public:
  // Appends the opcode byte of [op]; its operands follow through u8, uleb and u32,
  // in the order of its Shape (runtime/opcodes.hpp).
  void emit(Op op);
  void u8(std::uint8_t value);
  void uleb(std::uint64_t value);
  void u32(std::uint32_t value);

  // Appends the jump [op] (JF or JT) with a placeholder distance; returns the position to pass
  // to patch_jump once the target is reached.
  std::size_t emit_jump(Op op);
  // Makes the jump whose distance sits at [position] land at the current end of the code.
  // The distance counts from the end of the jump instruction:
  //
  //     JF  <j>      position .. position+3 hold j
  //     ...          j bytes
  //   L:             offset() when patch_jump runs
  void patch_jump(std::size_t position);

  // The offset the next instruction will have.
  std::uint32_t offset() const { return static_cast<std::uint32_t>(code_.size()); }
  const std::vector<std::uint8_t>& bytes() const { return code_; }

 private:
  std::vector<std::uint8_t> code_;
};

}  // namespace redflag
