// Decodes one instruction from untrusted code, checking that its bytes are all present.
//
// The verifier and the disassembler use this to walk code; it checks encodings only (opcode
// known, operands complete, uleb at most 10 bytes), never meaning (indices, jump targets):
// that is the verifier's job. The VM does not use it: it runs verified code and decodes inline.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/opcodes.hpp"

namespace redflag {

// One decoded instruction. Operands land by shape:
//   Tri, Fact, Define, Flag, Topic, Number: a | Jump: a = j | Count: a, b | FactMask: a, b = m
//   FactCmpConst / FactCmpFact: a, c, b | CmpLevel: c, b | Const: b | Cmp: c | Item: a, b, c = z
struct Instruction {
  Op op = Op::Halt;
  std::uint8_t c = 0;
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  std::uint32_t offset = 0;  // of the opcode byte
  std::uint32_t size = 0;    // opcode plus operands
  std::uint32_t end() const { return offset + size; }
};

// How many tri values [in] pops: its `.def` count, or its operand b for ATLEAST, ATMOST,
// EXACTLY and ITEM. Number-stack counts are fixed: op_info(op).number_pops.
inline std::uint64_t stack_pops(const Instruction& in) {
  const int pops = op_info(in.op).pops;
  return pops < 0 ? in.b : static_cast<std::uint64_t>(pops);
}

enum class DecodeStatus : std::uint8_t { Ok, UnknownOpcode, Truncated, BadLeb };

// Decodes the instruction at [offset] of [code] into [out].
DecodeStatus decode_instruction(const std::vector<std::uint8_t>& code, std::uint32_t offset, Instruction& out);

}  // namespace redflag
