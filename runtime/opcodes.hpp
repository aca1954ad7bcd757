// The instruction set as C++ tables, generated from runtime/opcodes.def.
//
// Every table here is produced by including the `.def` once more, so the enum, the mnemonics,
// the operand shapes, the stack effects and the synopses cannot drift apart (ORDER OP is
// enforced by construction). This header only describes instructions; decoding them is
// runtime/instruction.hpp, running them is runtime/vm.hpp.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "runtime/tri.hpp"

namespace redflag {

enum class Op : std::uint8_t {
#define REDFLAG_OP(name, mnemonic, shape, pops, pushes, number_pops, number_pushes, synopsis) name,
#include "runtime/opcodes.def"
#undef REDFLAG_OP
};

inline constexpr std::size_t kOpCount = 0
#define REDFLAG_OP(name, mnemonic, shape, pops, pushes, number_pops, number_pushes, synopsis) +1
#include "runtime/opcodes.def"
#undef REDFLAG_OP
    ;

// How the bytes after an opcode are laid out (docs/bytecode.md "Instructions").
enum class Shape : std::uint8_t {
  None,          // no operands
  Tri,           // u8 a in 0..2
  Fact,          // uleb a (fact)
  FactCmpConst,  // uleb a (fact), u8 c (comparison), uleb b (constant)
  FactCmpFact,   // uleb a (fact), u8 c (comparison), uleb b (fact)
  FactMask,      // uleb a (enum fact), uleb m (u64 mask)
  Jump,          // u32 j, little-endian, so the compiler can back-patch it
  Count,         // uleb a (needed), uleb b (values popped)
  Define,        // uleb a (define)
  Flag,          // uleb a (flag)
  CmpLevel,      // u8 c (comparison), uleb b (level)
  Topic,         // uleb a (topic)
  Const,         // uleb b (constant)
  Cmp,           // u8 c (comparison)
  Item,          // uleb a (first constant), uleb b (rows popped), u8 z (0 or 1)
  Number,        // uleb a (number slot)
};

// One row of the `.def`: [pops] is -1 when the instruction pops its operand b. [pops] and
// [pushes] count the tri stack S, [number_pops] and [number_pushes] the number stack N.
struct OpInfo {
  std::string_view mnemonic;
  Shape shape;
  int pops;
  int pushes;
  int number_pops;
  int number_pushes;
  std::string_view synopsis;
};

inline constexpr std::array<OpInfo, kOpCount> kOpInfo = {{
#define REDFLAG_OP(name, mnemonic, shape, pops, pushes, number_pops, number_pushes, synopsis) \
  OpInfo{#mnemonic, Shape::shape, pops, pushes, number_pops, number_pushes, synopsis},
#include "runtime/opcodes.def"
#undef REDFLAG_OP
}};

inline constexpr const OpInfo& op_info(Op op) { return kOpInfo[static_cast<std::size_t>(op)]; }

// HALT keeps the number it had in format 1.2, so files without numbers keep their bytes.
static_assert(static_cast<int>(Op::Halt) == 17 && static_cast<int>(Op::Num) == 18, "opcode numbers never move");

// Comparison codes (CmpCode, runtime/tri.hpp) are the `c` operand of CMPK, CMPF, CMPN and URGENCY;
// c is one byte but only 0..5 are defined.
inline constexpr std::size_t kCmpCount = 6;

inline constexpr std::array<std::string_view, kCmpCount> kCmpSymbols = {"=", "!=", "<", "<=", ">", ">="};

inline constexpr std::string_view cmp_symbol(CmpCode code) { return kCmpSymbols[static_cast<std::size_t>(code)]; }

static_assert(kCmpCount == static_cast<std::size_t>(CmpCode::Ge) + 1, "kCmpCount counts CmpCode");
static_assert(cmp_symbol(CmpCode::Eq) == "=" && cmp_symbol(CmpCode::Ne) == "!=" && cmp_symbol(CmpCode::Lt) == "<" &&
                  cmp_symbol(CmpCode::Le) == "<=" && cmp_symbol(CmpCode::Gt) == ">" && cmp_symbol(CmpCode::Ge) == ">=",
              "kCmpSymbols follows the order of CmpCode");

}  // namespace redflag
