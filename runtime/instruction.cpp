#include "runtime/instruction.hpp"

#include "runtime/format.hpp"
#include "runtime/internal/byte_reader.hpp"

namespace redflag {
namespace {

// Reads an unsigned LEB128 of at most kMaxUlebBytes whose value fits a u64.
bool read_uleb(internal::ByteReader& reader, std::uint64_t& value, DecodeStatus& status) {
  value = 0;
  for (std::size_t i = 0; i < kMaxUlebBytes; ++i) {
    const std::uint8_t byte = reader.u8();
    if (reader.failed()) {
      status = DecodeStatus::Truncated;
      return false;
    }
    const std::uint64_t group = byte & 0x7Fu;
    // The tenth group has room for one bit only.
    if (i == kMaxUlebBytes - 1 && group > 1) break;
    value |= group << (7 * i);
    if ((byte & 0x80u) == 0) return true;
  }
  status = DecodeStatus::BadLeb;
  return false;
}

}  // namespace

DecodeStatus decode_instruction(const std::vector<std::uint8_t>& code, std::uint32_t offset, Instruction& out) {
  if (offset >= code.size()) return DecodeStatus::Truncated;
  internal::ByteReader reader(code.data() + offset, code.size() - offset);
  const std::uint8_t opcode = reader.u8();
  if (opcode >= kOpCount) return DecodeStatus::UnknownOpcode;
  out = Instruction{};
  out.op = static_cast<Op>(opcode);
  out.offset = offset;
  DecodeStatus status = DecodeStatus::Ok;
  switch (op_info(out.op).shape) {
    case Shape::None:
      break;
    case Shape::Tri:
      out.a = reader.u8();
      break;
    case Shape::Fact:
    case Shape::Define:
    case Shape::Flag:
    case Shape::Topic:
    case Shape::Number:
      read_uleb(reader, out.a, status);
      break;
    case Shape::Const:
      read_uleb(reader, out.b, status);
      break;
    case Shape::Cmp:
      out.c = reader.u8();
      break;
    case Shape::Item:
      if (read_uleb(reader, out.a, status) && read_uleb(reader, out.b, status)) out.c = reader.u8();
      break;
    case Shape::FactCmpConst:
    case Shape::FactCmpFact:
      if (read_uleb(reader, out.a, status)) {
        out.c = reader.u8();
        read_uleb(reader, out.b, status);
      }
      break;
    case Shape::FactMask:
    case Shape::Count:
      if (read_uleb(reader, out.a, status)) read_uleb(reader, out.b, status);
      break;
    case Shape::Jump:
      out.a = reader.u32();
      break;
    case Shape::CmpLevel:
      out.c = reader.u8();
      read_uleb(reader, out.b, status);
      break;
  }
  if (status == DecodeStatus::Ok && reader.failed()) status = DecodeStatus::Truncated;
  out.size = static_cast<std::uint32_t>(reader.position());
  return status;
}

}  // namespace redflag
