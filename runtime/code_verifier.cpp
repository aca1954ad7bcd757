// verify_code, max_stack_depth and max_number_stack_depth (declared in runtime/verifier.hpp):
// one forward walk over the code. Jumps only go forward and every instruction is reached by
// falling through (there is no unconditional jump), so one pass sees each instruction once
// with its only possible depth of each stack, and a jump target just has to agree with both.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "runtime/format.hpp"
#include "runtime/instruction.hpp"
#include "runtime/verifier.hpp"

namespace redflag {
namespace {

constexpr std::uint32_t kNoJump = 0xFFFFFFFFu;

// The depths of both stacks a jump promises at its target, and where it came from.
struct Join {
  std::uint32_t from = kNoJump;
  std::uint32_t depth = 0;
  std::uint32_t number_depth = 0;
};

class CodeVerifier {
 public:
  explicit CodeVerifier(const Image& image)
      : image_(image),
        joins_(image.code.size()),
        boundary_(image.code.size() + 1, false),
        flag_runs_(image.flags.size(), 0),
        define_runs_(image.defines.size(), 0),
        topic_runs_(image.topics.size(), 0),
        number_runs_(image.numbers.size(), 0) {}

  std::string run() {
    if (image_.max_stack > kMaxStack) {
      return "max_stack " + std::to_string(image_.max_stack) + " exceeds " + std::to_string(kMaxStack);
    }
    if (image_.max_number_stack > kMaxStack) {
      return "max_number_stack " + std::to_string(image_.max_number_stack) + " exceeds " + std::to_string(kMaxStack);
    }
    Instruction in;
    for (std::uint32_t pc = 0; pc < image_.code.size(); pc = in.end()) {
      if (auto reason = step(pc, in); !reason.empty()) return reason + " at offset " + std::to_string(pc);
    }
    if (image_.code.empty() || in.op != Op::Halt) return "code does not end with HALT";
    return finish();
  }

 private:
  std::string step(std::uint32_t pc, Instruction& in) {
    switch (decode_instruction(image_.code, pc, in)) {
      case DecodeStatus::Ok: break;
      case DecodeStatus::UnknownOpcode: return "unknown opcode " + std::to_string(image_.code[pc]);
      case DecodeStatus::Truncated: return "truncated instruction";
      case DecodeStatus::BadLeb: return "operand does not fit 64 bits";
    }
    boundary_[pc] = true;
    for (std::uint32_t inside = pc + 1; inside < in.end(); ++inside) {
      if (joins_[inside].from != kNoJump) {
        return "jump at offset " + std::to_string(joins_[inside].from) + " lands inside an instruction";
      }
    }
    if (joins_[pc].from != kNoJump && joins_[pc].depth != depth_) {
      return "stack depth " + std::to_string(depth_) + " here but " + std::to_string(joins_[pc].depth) +
             " from the jump at offset " + std::to_string(joins_[pc].from);
    }
    if (joins_[pc].from != kNoJump && joins_[pc].number_depth != number_depth_) {
      return "number stack depth " + std::to_string(number_depth_) + " here but " +
             std::to_string(joins_[pc].number_depth) + " from the jump at offset " + std::to_string(joins_[pc].from);
    }
    if (auto reason = operands(in); !reason.empty()) return reason;
    return stack(in);
  }

  std::string operands(const Instruction& in) {
    const std::string_view mnemonic = op_info(in.op).mnemonic;
    switch (op_info(in.op).shape) {
      case Shape::None:
        if (in.op == Op::Halt && in.end() != image_.code.size()) return "HALT before the end of the code";
        return {};
      case Shape::Tri:
        return in.a < 3 ? std::string() : "PUSH operand " + std::to_string(in.a) + " out of range";
      case Shape::Fact:
        return fact(in.a, in.op == Op::Fact ? Want::Bool : in.op == Op::Num ? Want::Numeric : Want::Any, mnemonic);
      case Shape::FactCmpConst:
        if (auto reason = fact(in.a, Want::Comparable, mnemonic); !reason.empty()) return reason;
        if (in.c >= kCmpCount) return "comparison code " + std::to_string(in.c) + " out of range";
        return index(in.b, image_.constants.size(), "constant", "constants");
      case Shape::FactCmpFact:
        if (auto reason = fact(in.a, Want::Comparable, mnemonic); !reason.empty()) return reason;
        if (in.c >= kCmpCount) return "comparison code " + std::to_string(in.c) + " out of range";
        if (auto reason = fact(in.b, Want::Comparable, mnemonic); !reason.empty()) return reason;
        if (image_.facts[in.a].type != image_.facts[in.b].type) return "CMPF compares facts of different types";
        return {};
      case Shape::FactMask:
        return mask(in);
      case Shape::Jump:
        return jump(in);
      case Shape::Count:
        return {};  // any a is meaningful; b is checked against the stack
      case Shape::Define:
        return define(in);
      case Shape::Flag:
        if (auto reason = once(in, flag_runs_, "flag", "flags"); !reason.empty()) return reason;
        ++flags_done_;
        return {};
      case Shape::CmpLevel:
        if (in.c >= kCmpCount) return "comparison code " + std::to_string(in.c) + " out of range";
        if (flags_done_ != image_.flags.size()) return "URGENCY before every FLAG has run";
        return index(in.b, image_.levels.size(), "level", "levels");
      case Shape::Topic:
        if (auto reason = once(in, topic_runs_, "topic", "topics"); !reason.empty()) return reason;
        return image_.topics[in.a].has_condition ? std::string() : "TOPIC for topic " + std::to_string(in.a) + " without a condition";
      case Shape::Const:
        if (auto reason = index(in.b, image_.constants.size(), "constant", "constants"); !reason.empty()) return reason;
        return finite(in.b, mnemonic);
      case Shape::Cmp:
        return in.c < kCmpCount ? std::string() : "comparison code " + std::to_string(in.c) + " out of range";
      case Shape::Item:
        return item(in);
      case Shape::Number:
        return number(in);
    }
    return {};
  }

  enum class Want { Any, Bool, Comparable, Numeric };

  static bool fits(FactType type, Want want) {
    switch (want) {
      case Want::Any: return true;
      case Want::Bool: return type == FactType::Bool;
      case Want::Comparable: return type != FactType::Text;
      case Want::Numeric: return type == FactType::Number || type == FactType::Quantity || type == FactType::Integer;
    }
    return false;
  }

  std::string fact(std::uint64_t a, Want want, std::string_view mnemonic) {
    if (auto reason = index(a, image_.facts.size(), "fact", "facts"); !reason.empty()) return reason;
    if (fits(image_.facts[a].type, want)) return {};
    return std::string(mnemonic) + " on fact " + std::to_string(a) + " of the wrong type";
  }

  // A constant [b] that NUMK pushes or ITEM scores: a number, not NaN or an infinity.
  std::string finite(std::uint64_t b, std::string_view mnemonic) const {
    if (std::isfinite(image_.constants[b])) return {};
    return std::string(mnemonic) + " constant " + std::to_string(b) + " is not finite";
  }

  // ITEM a b z: at least one row, points K[a..a+b) inside the pool and finite, z 0 or 1.
  std::string item(const Instruction& in) const {
    if (in.b == 0) return "ITEM with no rows";
    const std::size_t constants = image_.constants.size();
    if (in.a >= constants || in.b > constants - in.a) {
      return "ITEM points " + std::to_string(in.a) + ".." + std::to_string(in.a + in.b) + " outside the constants (" +
             std::to_string(constants) + " constants)";
    }
    for (std::uint64_t k = in.a; k < in.a + in.b; ++k) {
      if (auto reason = finite(k, "ITEM"); !reason.empty()) return reason;
    }
    return in.c <= 1 ? std::string() : "ITEM zero flag " + std::to_string(in.c) + " out of range";
  }

  std::string number(const Instruction& in) {
    if (in.op == Op::NumSet) return once(in, number_runs_, "number", "numbers");
    if (auto reason = index(in.a, image_.numbers.size(), "number", "numbers"); !reason.empty()) return reason;
    return number_runs_[in.a] ? std::string() : "NGET of number " + std::to_string(in.a) + " before its NSET";
  }

  std::string mask(const Instruction& in) {
    if (auto reason = index(in.a, image_.facts.size(), "fact", "facts"); !reason.empty()) return reason;
    const ImageFact& fact = image_.facts[in.a];
    if (fact.type != FactType::Enum) return "INSET on fact " + std::to_string(in.a) + " of the wrong type";
    const std::size_t values = fact.values.size();
    if (values < 64 && (in.b >> values) != 0) {
      return "INSET mask has bits beyond the " + std::to_string(values) + " values of fact " + std::to_string(in.a);
    }
    return {};
  }

  std::string jump(const Instruction& in) {
    const std::uint64_t target = std::uint64_t{in.end()} + in.a;
    if (target >= image_.code.size()) return "jump target " + std::to_string(target) + " outside the code";
    Join& join = joins_[target];
    if (join.from != kNoJump && join.depth != depth_) {
      return "stack depth " + std::to_string(depth_) + " differs from " + std::to_string(join.depth) +
             " at the jump target " + std::to_string(target);
    }
    if (join.from != kNoJump && join.number_depth != number_depth_) {
      return "number stack depth " + std::to_string(number_depth_) + " differs from " +
             std::to_string(join.number_depth) + " at the jump target " + std::to_string(target);
    }
    join = Join{in.offset, depth_, number_depth_};
    if (target > furthest_target_) {
      furthest_target_ = static_cast<std::uint32_t>(target);
      furthest_from_ = in.offset;
    }
    return {};
  }

  std::string define(const Instruction& in) {
    if (in.op == Op::DefSet) return once(in, define_runs_, "define", "defines");
    if (auto reason = index(in.a, image_.defines.size(), "define", "defines"); !reason.empty()) return reason;
    return define_runs_[in.a] ? std::string() : "DEFGET of define " + std::to_string(in.a) + " before its DEFSET";
  }

  // FLAG, DEFSET, TOPIC, NSET [in]: in range, run for the first time, and crossed by no jump.
  std::string once(const Instruction& in, std::vector<std::uint8_t>& runs, const char* what, const char* table) {
    if (auto reason = index(in.a, runs.size(), what, table); !reason.empty()) return reason;
    if (runs[in.a]) return std::string(what) + " " + std::to_string(in.a) + " set twice";
    runs[in.a] = 1;
    if (furthest_target_ > in.offset) {
      return "jump at offset " + std::to_string(furthest_from_) + " crosses " + std::string(op_info(in.op).mnemonic);
    }
    return {};
  }

  std::string stack(const Instruction& in) {
    const OpInfo& info = op_info(in.op);
    const std::uint64_t pops = stack_pops(in);
    const std::uint64_t needs = (info.shape == Shape::Jump) ? 1 : pops;
    if (needs > depth_) return std::string("stack underflow in ") + std::string(info.mnemonic);
    const auto number_pops = static_cast<std::uint32_t>(info.number_pops);
    if (number_pops > number_depth_) return std::string("number stack underflow in ") + std::string(info.mnemonic);
    depth_ = static_cast<std::uint32_t>(depth_ - pops + static_cast<std::uint64_t>(info.pushes));
    if (depth_ > image_.max_stack) {
      return "stack depth " + std::to_string(depth_) + " exceeds max_stack " + std::to_string(image_.max_stack);
    }
    number_depth_ = number_depth_ - number_pops + static_cast<std::uint32_t>(info.number_pushes);
    if (number_depth_ > image_.max_number_stack) {
      return "number stack depth " + std::to_string(number_depth_) + " exceeds max_number_stack " +
             std::to_string(image_.max_number_stack);
    }
    return {};
  }

  static std::string index(std::uint64_t value, std::size_t count, const char* what, const char* table) {
    if (value < count) return {};
    return std::string(what) + " index " + std::to_string(value) + " out of range (" + std::to_string(count) + " " + table + ")";
  }

  std::string finish() const;

  const Image& image_;
  std::vector<Join> joins_;
  std::vector<bool> boundary_;
  std::vector<std::uint8_t> flag_runs_, define_runs_, topic_runs_, number_runs_;
  std::size_t flags_done_ = 0;
  std::uint32_t depth_ = 0;
  std::uint32_t number_depth_ = 0;
  std::uint32_t furthest_target_ = 0;  // of all jumps so far, and where that jump is
  std::uint32_t furthest_from_ = 0;
};

std::string CodeVerifier::finish() const {
  auto never = [](const std::vector<std::uint8_t>& runs, const char* what) {
    for (std::size_t i = 0; i < runs.size(); ++i) {
      if (!runs[i]) return std::string(what) + " " + std::to_string(i) + " is never set";
    }
    return std::string();
  };
  if (auto reason = never(flag_runs_, "flag"); !reason.empty()) return reason;
  if (auto reason = never(define_runs_, "define"); !reason.empty()) return reason;
  if (auto reason = never(number_runs_, "number"); !reason.empty()) return reason;
  for (std::size_t i = 0; i < image_.topics.size(); ++i) {
    if (image_.topics[i].has_condition && !topic_runs_[i]) return "topic " + std::to_string(i) + " condition is never set";
  }
  for (std::size_t i = 0; i < image_.flags.size(); ++i) {
    if (!boundary_[std::min<std::size_t>(image_.flags[i].code_offset, image_.code.size())]) return "flag " + std::to_string(i) + " code offset is not an instruction";
  }
  for (std::size_t i = 0; i < image_.defines.size(); ++i) {
    if (!boundary_[std::min<std::size_t>(image_.defines[i].code_offset, image_.code.size())]) return "define " + std::to_string(i) + " code offset is not an instruction";
  }
  for (std::size_t i = 0; i < image_.numbers.size(); ++i) {
    if (!boundary_[std::min<std::size_t>(image_.numbers[i].code_offset, image_.code.size())]) {
      return "number " + std::to_string(i) + " code offset is not an instruction";
    }
  }
  return {};
}

struct StackDepths {
  std::uint32_t tri = 0;
  std::uint32_t number = 0;
};

// The deepest each stack gets over [code], stopping at the first instruction that does not
// decode or underflows either stack.
StackDepths deepest(const std::vector<std::uint8_t>& code) {
  std::uint64_t depth = 0;
  std::uint64_t number_depth = 0;
  StackDepths deepest;
  Instruction in;
  for (std::uint32_t pc = 0; pc < code.size(); pc = in.end()) {
    if (decode_instruction(code, pc, in) != DecodeStatus::Ok) break;
    const OpInfo& info = op_info(in.op);
    const std::uint64_t pops = stack_pops(in);
    const auto number_pops = static_cast<std::uint64_t>(info.number_pops);
    if (pops > depth || number_pops > number_depth) break;
    depth = depth - pops + static_cast<std::uint64_t>(info.pushes);
    number_depth = number_depth - number_pops + static_cast<std::uint64_t>(info.number_pushes);
    deepest.tri = std::max(deepest.tri, static_cast<std::uint32_t>(depth));
    deepest.number = std::max(deepest.number, static_cast<std::uint32_t>(number_depth));
  }
  return deepest;
}

}  // namespace

std::string verify_code(const Image& image) { return CodeVerifier(image).run(); }

std::uint32_t max_stack_depth(const std::vector<std::uint8_t>& code) { return deepest(code).tri; }

std::uint32_t max_number_stack_depth(const std::vector<std::uint8_t>& code) { return deepest(code).number; }

}  // namespace redflag
