#include "runtime/vm.hpp"

#include <algorithm>

#include "runtime/opcodes.hpp"

namespace redflag {
namespace {

// Operand decoding for verified code: no bounds checks (runtime/instruction.hpp checks them).
std::uint64_t read_uleb(const std::uint8_t*& pc) {
  std::uint64_t value = 0;
  for (unsigned shift = 0;; shift += 7) {
    const std::uint8_t byte = *pc++;
    value |= std::uint64_t{byte & 0x7Fu} << shift;
    if (byte < 0x80) return value;
  }
}

std::uint32_t read_u32(const std::uint8_t*& pc) {
  const std::uint32_t value = std::uint32_t{pc[0]} | (std::uint32_t{pc[1]} << 8) | (std::uint32_t{pc[2]} << 16) |
                              (std::uint32_t{pc[3]} << 24);
  pc += 4;
  return value;
}

// Whether enum index [value] is in [mask]; an index that is not 0..63 (only an embedder's
// mistake can make one) is in no set.
bool in_mask(double value, std::uint64_t mask) {
  if (!(value >= 0 && value < 64)) return false;
  return ((mask >> static_cast<unsigned>(value)) & 1u) != 0;
}

// What the flags say about the case urgency: at least [low] (the highest fired level), at
// most [high] (the highest fired or undetermined level).
struct UrgencyBounds {
  std::uint32_t low = 0;
  std::uint32_t high = 0;
};

UrgencyBounds urgency_bounds(const Program& program, const std::vector<Tri>& flags) {
  UrgencyBounds bounds;
  for (std::size_t i = 0; i < flags.size(); ++i) {
    const std::uint32_t level = program.flag_levels[i];
    if (flags[i] == Tri::True) bounds.low = std::max(bounds.low, level);
    if (flags[i] != Tri::False) bounds.high = std::max(bounds.high, level);
  }
  return bounds;
}

// `urgency c level`, knowing only that the urgency lies in [bounds.low, bounds.high]: T when
// it holds for every level there, F when for none, U otherwise.
Tri compare_urgency(UrgencyBounds bounds, CmpCode code, std::uint32_t level) {
  const auto [low, high] = bounds;
  switch (code) {
    case CmpCode::Eq:
      if (low == level && high == level) return Tri::True;
      return (level < low || level > high) ? Tri::False : Tri::Unknown;
    case CmpCode::Ne: return tri_not(compare_urgency(bounds, CmpCode::Eq, level));
    case CmpCode::Lt: return high < level ? Tri::True : (low >= level ? Tri::False : Tri::Unknown);
    case CmpCode::Le: return high <= level ? Tri::True : (low > level ? Tri::False : Tri::Unknown);
    case CmpCode::Gt: return low > level ? Tri::True : (high <= level ? Tri::False : Tri::Unknown);
    case CmpCode::Ge: return low >= level ? Tri::True : (high < level ? Tri::False : Tri::Unknown);
  }
  return Tri::Unknown;
}

template <typename T>
void fit(std::vector<T>& values, std::size_t size) {
  if (values.size() != size) values.resize(size);
}

void fit_to(const Program& program, Evaluation& out) {
  fit(out.flags, program.flag_levels.size());
  fit(out.topics, program.topic_count);
  fit(out.defines, program.define_count);
  fit(out.stack, std::max<std::size_t>(program.max_stack, 1));
}

}  // namespace

Program::Program(const Image& image)
    : code(image.code),
      constants(image.constants),
      fact_count(static_cast<std::uint32_t>(image.facts.size())),
      define_count(static_cast<std::uint32_t>(image.defines.size())),
      topic_count(static_cast<std::uint32_t>(image.topics.size())),
      max_stack(image.max_stack) {
  flag_levels.reserve(image.flags.size());
  for (const auto& flag : image.flags) flag_levels.push_back(flag.level);
}

Evaluation::Evaluation(const Program& program) { fit_to(program, *this); }

void evaluate(const Program& program, const FactValue* facts, Evaluation& out) {
  fit_to(program, out);
  std::fill(out.topics.begin(), out.topics.end(), Tri::False);
  const double* constants = program.constants.data();
  Tri* flags = out.flags.data();
  Tri* defines = out.defines.data();
  Tri* topics = out.topics.data();
  Tri* sp = out.stack.data();  // one past the top
  const std::uint8_t* pc = program.code.data();
  for (;;) {
    switch (static_cast<Op>(*pc++)) {
      case Op::Push:
        *sp++ = static_cast<Tri>(*pc++);
        break;
      case Op::Fact: {
        const FactValue& fact = facts[read_uleb(pc)];
        *sp++ = fact.known ? tri_of(fact.value != 0) : Tri::Unknown;
        break;
      }
      case Op::Known:
        *sp++ = tri_of(facts[read_uleb(pc)].known);
        break;
      case Op::CmpConst: {
        const FactValue& fact = facts[read_uleb(pc)];
        const auto code = static_cast<CmpCode>(*pc++);
        const double constant = constants[read_uleb(pc)];
        *sp++ = fact.known ? tri_of(compare(fact.value, code, constant)) : Tri::Unknown;
        break;
      }
      case Op::CmpFact: {
        const FactValue& left = facts[read_uleb(pc)];
        const auto code = static_cast<CmpCode>(*pc++);
        const FactValue& right = facts[read_uleb(pc)];
        *sp++ = left.known && right.known ? tri_of(compare(left.value, code, right.value)) : Tri::Unknown;
        break;
      }
      case Op::InSet: {
        const FactValue& fact = facts[read_uleb(pc)];
        const std::uint64_t mask = read_uleb(pc);
        *sp++ = fact.known ? tri_of(in_mask(fact.value, mask)) : Tri::Unknown;
        break;
      }
      case Op::Not:
        sp[-1] = tri_not(sp[-1]);
        break;
      case Op::And:
        --sp;
        sp[-1] = tri_and(sp[-1], *sp);
        break;
      case Op::Or:
        --sp;
        sp[-1] = tri_or(sp[-1], *sp);
        break;
      case Op::JumpIfFalse: {
        const std::uint32_t distance = read_u32(pc);
        if (sp[-1] == Tri::False) pc += distance;
        break;
      }
      case Op::JumpIfTrue: {
        const std::uint32_t distance = read_u32(pc);
        if (sp[-1] == Tri::True) pc += distance;
        break;
      }
      case Op::AtLeast: {
        // More than 2^32 - 1 needed is as impossible as 2^32 - 1: the stack holds 1024.
        const auto needed = static_cast<std::uint32_t>(std::min<std::uint64_t>(read_uleb(pc), 0xFFFFFFFFu));
        const std::uint64_t members = read_uleb(pc);
        sp -= members;
        std::uint32_t true_count = 0;
        std::uint32_t unknown_count = 0;
        for (std::uint64_t i = 0; i < members; ++i) {
          true_count += sp[i] == Tri::True;
          unknown_count += sp[i] == Tri::Unknown;
        }
        *sp++ = tri_at_least(needed, true_count, unknown_count);
        break;
      }
      case Op::DefSet:
        defines[read_uleb(pc)] = *--sp;
        break;
      case Op::DefGet:
        *sp++ = defines[read_uleb(pc)];
        break;
      case Op::Flag:
        flags[read_uleb(pc)] = *--sp;
        break;
      case Op::Urgency: {
        const auto code = static_cast<CmpCode>(*pc++);
        const auto level = static_cast<std::uint32_t>(read_uleb(pc));
        *sp++ = compare_urgency(urgency_bounds(program, out.flags), code, level);
        break;
      }
      case Op::Topic:
        topics[read_uleb(pc)] = *--sp;
        break;
      case Op::Halt: {
        const UrgencyBounds bounds = urgency_bounds(program, out.flags);
        out.urgency = bounds.low;
        out.complete = std::find(out.flags.begin(), out.flags.end(), Tri::Unknown) == out.flags.end();
        return;
      }
    }
  }
}

}  // namespace redflag
