#include "runtime/code_builder.hpp"

#include "runtime/internal/byte_writer.hpp"

namespace redflag {

void CodeBuilder::emit(Op op) { code_.push_back(static_cast<std::uint8_t>(op)); }

void CodeBuilder::u8(std::uint8_t value) { code_.push_back(value); }

void CodeBuilder::uleb(std::uint64_t value) { internal::ByteWriter(code_).uleb(value); }

void CodeBuilder::u32(std::uint32_t value) { internal::ByteWriter(code_).u32(value); }

std::size_t CodeBuilder::emit_jump(Op op) {
  emit(op);
  const std::size_t position = code_.size();
  u32(0);
  return position;
}

void CodeBuilder::patch_jump(std::size_t position) {
  const std::size_t jump_end = position + 4;
  internal::ByteWriter(code_).patch_u32(position, static_cast<std::uint32_t>(code_.size() - jump_end));
}

}  // namespace redflag
