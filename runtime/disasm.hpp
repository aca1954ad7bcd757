// Human-readable views of an Image: the header summary `redflag build` prints and the full
// code listing `redflag disasm` prints.
//
// The listing shows, per instruction, its offset, source line (`|` when it repeats), mnemonic,
// operands with every index resolved to a name (facts, constants with their unit, enum sets,
// levels, flags, defines, topics, numbers; ITEM's points as `[3, 1, 0]`, `else 0` for its z)
// and the `.def` synopsis. Labels `define NAME:`, `number NAME:` and `flag NAME (LEVEL):` open
// each entry point. One printer per operand shape.
// It reads verified images (the loader's or the compiler's, before writing); an index that is
// out of range anyway prints as `?N` rather than crashing. It does not evaluate anything.
#pragma once

#include <cstdint>
#include <string>

#include "runtime/image.hpp"

namespace redflag {

// The summary: KB id, version, status and title; content hash (the loader's, or for an image
// never loaded, the hash its written form has); format version; section byte sizes; table
// sizes; code size and max_stack. One `key value` line each. The numbers (NUMBERS section,
// number count, max number stack) appear only when the KB has some.
std::string describe_image(const Image& image);

// [value] as fact [fact] of [image] reads it in a condition: an enum value's name, `true` or
// `false`, or the shortest decimal that reads back exactly, with the fact's canonical unit.
std::string value_text(const Image& image, std::uint64_t fact, double value);

// describe_image, a blank line, then the code listing.
std::string disassemble(const Image& image);

}  // namespace redflag
