#include "runtime/vm.hpp"

#include <algorithm>
#include <unordered_map>

#include "runtime/instruction.hpp"
#include "runtime/opcodes.hpp"

namespace redflag {
namespace {

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
  fit(out.numbers, program.number_count);
  fit(out.number_stack, std::max<std::size_t>(program.max_number_stack, 1));
}

// [fact]'s declared range as NUM reads an absent fact: NaN bounds are open, -inf / +inf.
Interval declared_range(const ImageFact& fact) {
  return {fact.min == fact.min ? fact.min : -kInfinity, fact.max == fact.max ? fact.max : kInfinity};
}

// Kleene's tables (runtime/tri.hpp) indexed [a * 3 + b]: a load instead of branches.
constexpr Tri kAnd[9] = {Tri::False, Tri::False, Tri::False, Tri::False, Tri::True,
                         Tri::Unknown, Tri::False, Tri::Unknown, Tri::Unknown};
constexpr Tri kOr[9] = {Tri::False, Tri::True, Tri::Unknown, Tri::True, Tri::True,
                        Tri::True, Tri::Unknown, Tri::True, Tri::Unknown};
constexpr Tri kNot[3] = {Tri::True, Tri::False, Tri::Unknown};
// A fused step's value [v] through its NOT: kMaybeNot[negate][v].
constexpr Tri kMaybeNot[2][3] = {{Tri::False, Tri::True, Tri::Unknown}, {Tri::True, Tri::False, Tri::Unknown}};
// A fused step's AND or OR of S[top] [s] with [v]: kCombine[combine][s][v]; kPush gives v.
constexpr Tri kCombine[3][3][3] = {
    {{Tri::False, Tri::True, Tri::Unknown}, {Tri::False, Tri::True, Tri::Unknown}, {Tri::False, Tri::True, Tri::Unknown}},
    {{Tri::False, Tri::False, Tri::False}, {Tri::False, Tri::True, Tri::Unknown}, {Tri::False, Tri::Unknown, Tri::Unknown}},
    {{Tri::False, Tri::True, Tri::Unknown}, {Tri::True, Tri::True, Tri::True}, {Tri::Unknown, Tri::True, Tri::Unknown}}};

// Whether the tables above agree with runtime/tri.hpp for every value, in Tri order.
constexpr bool tables_are_kleene() {
  constexpr Tri kAll[] = {Tri::False, Tri::True, Tri::Unknown};
  for (const Tri a : kAll) {
    const auto i = static_cast<unsigned>(a);
    if (kNot[i] != tri_not(a) || kMaybeNot[0][i] != a || kMaybeNot[1][i] != tri_not(a)) return false;
    for (const Tri b : kAll) {
      const auto j = static_cast<unsigned>(b);
      if (kAnd[i * 3 + j] != tri_and(a, b) || kOr[i * 3 + j] != tri_or(a, b)) return false;
      if (kCombine[Step::kPush][i][j] != b || kCombine[Step::kAnd][i][j] != tri_and(a, b) ||
          kCombine[Step::kOr][i][j] != tri_or(a, b)) {
        return false;
      }
    }
  }
  return true;
}
static_assert(tables_are_kleene(), "the VM's Tri tables follow Kleene's logic in Tri order");

Tri tri_and_fast(Tri a, Tri b) { return kAnd[static_cast<unsigned>(a) * 3 + static_cast<unsigned>(b)]; }
Tri tri_or_fast(Tri a, Tri b) { return kOr[static_cast<unsigned>(a) * 3 + static_cast<unsigned>(b)]; }

// A known fact's truth, or U: no branch on [fact.known].
Tri truth_of(const FactValue& fact, bool truth) {
  return static_cast<Tri>(fact.known ? static_cast<std::uint8_t>(truth) : std::uint8_t{2});
}

// Whether running the code that jump [at] (index into [code]) skips gives the result the jump
// gives, so the jump can be dropped. A jump is taken when S[top] is T (JT) or F (JF); the
// skipped code must then leave that value untouched until its last instruction combines it
// with one value pushed on top: `<b> OR` after JT, `<b> AND` after JF (T or x = T, F and x = F).
// So: every instruction before the last keeps S[top] (it never pops it), none has an effect
// (FLAG, TOPIC, DEFSET, NSET, HALT), no inner jump leaves the code, the code ends at the target,
// and it pops no number it did not push (the number stack below stays as the jump left it).
// Only jumps over at most kMaxDroppedSpan instructions are dropped: the search stays linear in
// the code size, and a longer skip saves more than it costs when taken.
constexpr std::size_t kMaxDroppedSpan = 32;

bool droppable_jump(const std::vector<Instruction>& code, std::size_t at) {
  const Instruction& jump = code[at];
  const std::uint64_t target = jump.end() + jump.a;
  const Op combine = jump.op == Op::JumpIfTrue ? Op::Or : Op::And;
  std::uint64_t above = 0;         // values pushed above S[top] so far
  std::uint64_t numbers_above = 0;  // numbers pushed so far
  const std::size_t end = std::min(code.size(), at + 1 + kMaxDroppedSpan);
  for (std::size_t i = at + 1; i < end; ++i) {
    const Instruction& in = code[i];
    if (in.end() == target) return in.op == combine && above == 1;
    if (in.end() > target) return false;
    switch (in.op) {
      case Op::Flag:
      case Op::Topic:
      case Op::DefSet:
      case Op::NumSet:
      case Op::Halt: return false;
      case Op::JumpIfFalse:
      case Op::JumpIfTrue:
        if (in.end() + in.a > target) return false;
        break;
      default: break;
    }
    const OpInfo& info = op_info(in.op);
    const std::uint64_t pops = stack_pops(in);
    const auto number_pops = static_cast<std::uint64_t>(info.number_pops);
    if (pops > above || number_pops > numbers_above) return false;
    above = above - pops + static_cast<std::uint64_t>(info.pushes);
    numbers_above = numbers_above - number_pops + static_cast<std::uint64_t>(info.number_pushes);
  }
  return false;
}

// [image]'s verified code as Steps: droppable jumps left out, leaves fused with the NOT, AND or
// OR, and FLAG, TOPIC or DEFSET that follow them, unless a kept jump lands in between.
std::vector<Step> decode_steps(const Image& image) {
  std::vector<Instruction> code;
  for (std::uint32_t offset = 0; offset < image.code.size();) {
    Instruction& in = code.emplace_back();
    decode_instruction(image.code, offset, in);
    offset = in.end();
  }
  std::vector<bool> dropped(code.size(), false);
  std::unordered_map<std::uint64_t, bool> landing;  // code offsets that kept jumps go to
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (code[i].op != Op::JumpIfFalse && code[i].op != Op::JumpIfTrue) continue;
    dropped[i] = droppable_jump(code, i);
    if (!dropped[i]) landing[code[i].end() + code[i].a] = true;
  }
  std::vector<Step> steps;
  std::unordered_map<std::uint64_t, std::size_t> step_at;  // code offset -> step index
  std::vector<std::size_t> jumps;                           // steps whose b is still an offset
  // The next instruction after [i] that is not dropped, if it may join [i]'s step.
  const auto next_joinable = [&](std::size_t i) {
    for (std::size_t next = i + 1; next < code.size(); ++next) {
      if (landing.count(code[next].offset) != 0) break;
      if (!dropped[next]) return next;
    }
    return code.size();
  };
  for (std::size_t i = 0; i < code.size(); ++i) {
    const Instruction& in = code[i];
    step_at[in.offset] = steps.size();  // a dropped jump: the step after it
    if (dropped[i]) continue;
    Step step;
    step.op = in.op;
    step.code = static_cast<CmpCode>(in.c);
    step.a = static_cast<std::uint32_t>(std::min<std::uint64_t>(in.a, 0xFFFFFFFFu));
    step.b = in.b;
    step.zero = in.op == Op::Item ? in.c : 0;
    switch (in.op) {
      case Op::CmpConst:
      case Op::NumConst: step.k = image.constants[in.b]; break;
      case Op::JumpIfFalse:
      case Op::JumpIfTrue:
        step.b = in.end() + in.a;
        jumps.push_back(steps.size());
        break;
      default: break;
    }
    if (is_leaf(in.op)) {
      std::size_t next = next_joinable(i);
      if (next < code.size() && code[next].op == Op::Not) {
        step.negate = 1;
        i = next;
        next = next_joinable(i);
      }
      if (next < code.size() && (code[next].op == Op::And || code[next].op == Op::Or)) {
        step.combine = code[next].op == Op::And ? Step::kAnd : Step::kOr;
        i = next;
        next = next_joinable(i);
      }
      if (next < code.size()) {
        const Op op = code[next].op;
        step.sink = op == Op::Flag ? Step::kFlag : op == Op::Topic ? Step::kTopic
                                                 : op == Op::DefSet ? Step::kDefine : Step::kNoSink;
        if (step.sink != Step::kNoSink) {
          step.target = static_cast<std::uint32_t>(code[next].a);
          i = next;
        }
      }
    }
    steps.push_back(step);
  }
  for (const std::size_t jump : jumps) steps[jump].b = step_at.at(steps[jump].b);
  return steps;
}

}  // namespace

Program::Program(const Image& image)
    : code(image.code),
      steps(decode_steps(image)),
      constants(image.constants),
      fact_count(static_cast<std::uint32_t>(image.facts.size())),
      define_count(static_cast<std::uint32_t>(image.defines.size())),
      topic_count(static_cast<std::uint32_t>(image.topics.size())),
      number_count(static_cast<std::uint32_t>(image.numbers.size())),
      max_stack(image.max_stack),
      max_number_stack(image.max_number_stack) {
  flag_levels.reserve(image.flags.size());
  for (const auto& flag : image.flags) flag_levels.push_back(flag.level);
  fact_ranges.reserve(image.facts.size());
  for (const auto& fact : image.facts) fact_ranges.push_back(declared_range(fact));
}

Evaluation::Evaluation(const Program& program) { fit_to(program, *this); }

void evaluate(const Program& program, const FactValue* facts, Evaluation& out) {
  fit_to(program, out);
  std::fill(out.topics.begin(), out.topics.end(), Tri::False);
  Tri* flags = out.flags.data();
  Tri* defines = out.defines.data();
  Tri* topics = out.topics.data();
  Tri* sp = out.stack.data();  // one past the top
  Interval* numbers = out.numbers.data();
  Interval* np = out.number_stack.data();  // one past the top
  Tri no_sink[1];
  // Where a fused step stores its result, by Step::Sink: no branch on the kind of sink.
  Tri* const sinks[4] = {no_sink, flags, topics, defines};
  // Every FLAG runs before the first URGENCY (opcodes.def): the bounds are computed once.
  UrgencyBounds bounds;
  bool bounded = false;
  const Step* const first = program.steps.data();
  const Step* step = first;
  for (;;) {
    const Step& s = *step++;
    Tri value = Tri::Unknown;
    switch (s.op) {
      case Op::Push:
        value = static_cast<Tri>(s.a);
        break;
      case Op::Fact: {
        const FactValue& fact = facts[s.a];
        value = truth_of(fact, fact.value != 0);
        break;
      }
      case Op::Known:
        value = tri_of(facts[s.a].known);
        break;
      case Op::CmpConst: {
        const FactValue& fact = facts[s.a];
        value = truth_of(fact, compare(fact.value, s.code, s.k));
        break;
      }
      case Op::CmpFact: {
        const FactValue& left = facts[s.a];
        const FactValue& right = facts[s.b];
        value = left.known && right.known ? tri_of(compare(left.value, s.code, right.value)) : Tri::Unknown;
        break;
      }
      case Op::InSet: {
        const FactValue& fact = facts[s.a];
        value = truth_of(fact, in_mask(fact.value, s.b));
        break;
      }
      case Op::DefGet:
        value = defines[s.a];
        break;
      case Op::Urgency:
        if (!bounded) bounds = urgency_bounds(program, out.flags);
        bounded = true;
        value = compare_urgency(bounds, s.code, static_cast<std::uint32_t>(s.b));
        break;
      case Op::CmpNumber:
        np -= 2;
        value = compare_intervals(np[0], s.code, np[1]);
        break;
      case Op::Not:
        sp[-1] = kNot[static_cast<unsigned>(sp[-1])];
        continue;
      case Op::And:
        --sp;
        sp[-1] = tri_and_fast(sp[-1], *sp);
        continue;
      case Op::Or:
        --sp;
        sp[-1] = tri_or_fast(sp[-1], *sp);
        continue;
      case Op::JumpIfFalse:
        if (sp[-1] == Tri::False) step = first + s.b;
        continue;
      case Op::JumpIfTrue:
        if (sp[-1] == Tri::True) step = first + s.b;
        continue;
      case Op::AtLeast:
      case Op::AtMost:
      case Op::Exactly: {
        const std::uint64_t members = s.b;
        sp -= members;
        std::uint32_t true_count = 0;
        std::uint32_t unknown_count = 0;
        for (std::uint64_t i = 0; i < members; ++i) {
          true_count += sp[i] == Tri::True;
          unknown_count += sp[i] == Tri::Unknown;
        }
        // A count of 2^32 - 1 or more is as out of reach as 2^32 - 1: the stack holds 1024.
        *sp++ = count_verdict(s.op, s.a, true_count, unknown_count);
        continue;
      }
      case Op::Num: {
        const FactValue& fact = facts[s.a];
        *np++ = fact.known ? Interval::exact(fact.value) : program.fact_ranges[s.a];
        continue;
      }
      case Op::NumConst:
        *np++ = Interval::exact(s.k);
        continue;
      case Op::Add:
        --np;
        np[-1] = np[-1] + *np;
        continue;
      case Op::Sub:
        --np;
        np[-1] = np[-1] - *np;
        continue;
      case Op::Mul:
        --np;
        np[-1] = np[-1] * *np;
        continue;
      case Op::Div:
        --np;
        np[-1] = np[-1] / *np;
        continue;
      case Op::Item:
        sp -= s.b;
        *np++ = item_interval(sp, program.constants.data() + s.a, s.b, s.zero != 0);
        continue;
      case Op::NumSet:
        numbers[s.a] = *--np;
        continue;
      case Op::NumGet:
        *np++ = numbers[s.a];
        continue;
      case Op::DefSet:
        defines[s.a] = *--sp;
        continue;
      case Op::Flag:
        flags[s.a] = *--sp;
        continue;
      case Op::Topic:
        topics[s.a] = *--sp;
        continue;
      case Op::Halt: {
        if (!bounded) bounds = urgency_bounds(program, out.flags);
        out.urgency = bounds.low;
        out.complete = std::find(out.flags.begin(), out.flags.end(), Tri::Unknown) == out.flags.end();
        return;
      }
    }
    // A leaf: [NOT], then [AND or OR] with S[top] or a push, then [store and pop].
    value = kMaybeNot[s.negate][static_cast<unsigned>(value)];
    Tri* slot = sp - (s.combine != Step::kPush ? 1 : 0);
    const Tri result = kCombine[s.combine][static_cast<unsigned>(*slot)][static_cast<unsigned>(value)];
    *slot = result;
    sinks[s.sink][s.sink != Step::kNoSink ? s.target : 0] = result;
    sp = slot + (s.sink == Step::kNoSink ? 1 : 0);
  }
}

}  // namespace redflag
