#include "runtime/vm_batch.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <utility>

namespace redflag {
namespace {

using Lanes = BatchEvaluator::Lanes;
using NumberLanes = BatchEvaluator::NumberLanes;

Interval interval_at(const NumberLanes& lanes, std::size_t i) { return {lanes.lo[i], lanes.hi[i]}; }

void put(NumberLanes& lanes, std::size_t i, Interval value) {
  lanes.lo[i] = value.lo;
  lanes.hi[i] = value.hi;
}

// Calls [body](i) for each case i in [cases], lowest first.
template <typename Body>
void for_each_case(std::uint64_t cases, Body body) {
  for (; cases != 0; cases &= cases - 1) body(static_cast<std::size_t>(__builtin_ctzll(cases)));
}

// x := x [operation] y for the cases in [running].
template <typename Operation>
void combine_running(NumberLanes& x, const NumberLanes& y, std::uint64_t running, Operation operation) {
  for_each_case(running, [&](std::size_t i) { put(x, i, operation(interval_at(x, i), interval_at(y, i))); });
}

Lanes lanes_and(Lanes a, Lanes b) { return {a.t & b.t, a.f | b.f}; }
Lanes lanes_or(Lanes a, Lanes b) { return {a.t | b.t, a.f & b.f}; }
Lanes lanes_not(Lanes a) { return {a.f, a.t}; }

// [slot] := [value] for the cases in [running]; the others keep what they had.
void set_running(Lanes& slot, Lanes value, std::uint64_t running) {
  slot.t = (slot.t & ~running) | (value.t & running);
  slot.f = (slot.f & ~running) | (value.f & running);
}

// Case [i]'s value in [lanes].
Tri tri_at(Lanes lanes, std::size_t i) {
  const auto t = static_cast<std::uint8_t>((lanes.t >> i) & 1u);
  const auto f = static_cast<std::uint8_t>((lanes.f >> i) & 1u);
  return static_cast<Tri>(t | ((1u ^ (t | f)) << 1));  // T 1, F 0, neither U 2
}

// kSpread[b] has bit k of b in the lowest bit of its byte k.
constexpr std::array<std::uint64_t, 256> kSpread = [] {
  std::array<std::uint64_t, 256> spread{};
  for (std::uint64_t byte = 0; byte < 256; ++byte) {
    for (unsigned bit = 0; bit < 8; ++bit) spread[byte] |= ((byte >> bit) & 1u) << (8 * bit);
  }
  return spread;
}();

// rows[i][n] := case i's value in lanes[n], for cases 0..count: eight cases at a time, their
// eight values made in one word (byte k: T 1, F 0, U 2 for case k of the eight).
void write_lanes(const std::vector<Lanes>& lanes, std::size_t count, Tri* const* rows) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u;
  for (std::size_t n = 0; n < lanes.size(); ++n) {
    for (std::size_t first = 0; first < count; first += 8) {
      const std::uint64_t t = kSpread[(lanes[n].t >> first) & 0xFF];
      const std::uint64_t f = kSpread[(lanes[n].f >> first) & 0xFF];
      const std::uint64_t values = t | (((t | f) ^ kOnes) << 1);
      const auto put = [&](std::size_t k) { rows[first + k][n] = static_cast<Tri>((values >> (8 * k)) & 0xFF); };
      if (first + 8 <= count) {
        for (std::size_t k = 0; k < 8; ++k) put(k);  // a constant count: unrolled
      } else {
        for (std::size_t k = 0; first + k < count; ++k) put(k);
      }
    }
  }
}

std::size_t lowest_bit(std::uint64_t bits) { return static_cast<std::size_t>(__builtin_ctzll(bits)); }

// The cases of the batch where [holds](i): a byte per case first, in a loop the compiler can
// turn into vector instructions, then eight bytes to eight bits by one multiplication.
template <typename Holds>
std::uint64_t cases_where(Holds holds) {
  std::uint8_t bytes[kBatchSize];
  for (std::size_t i = 0; i < kBatchSize; ++i) bytes[i] = holds(i) ? 1 : 0;
  std::uint64_t mask = 0;
  for (std::size_t first = 0; first < kBatchSize; first += 8) {
    std::uint64_t eight = 0;  // byte k: case first + k
    for (std::size_t k = 0; k < 8; ++k) eight |= std::uint64_t{bytes[first + k]} << (8 * k);
    mask |= ((eight * 0x0102040810204080u) >> 56) << first;  // bit k := byte k
  }
  return mask;
}

// T where the fact is known and the test holds, F where it is known and does not.
Lanes known_and(std::uint64_t known, std::uint64_t holds) { return {known & holds, known & ~holds}; }

// [body] called with the function object for comparison [code], so that the loop over the
// cases is compiled once per comparison rather than switching on it case by case.
template <typename Body>
Lanes by_comparison(CmpCode code, Body body) {
  switch (code) {
    case CmpCode::Eq: return body(std::equal_to<double>());
    case CmpCode::Ne: return body(std::not_equal_to<double>());
    case CmpCode::Lt: return body(std::less<double>());
    case CmpCode::Le: return body(std::less_equal<double>());
    case CmpCode::Gt: return body(std::greater<double>());
    case CmpCode::Ge: return body(std::greater_equal<double>());
  }
  return {};
}

// How [step] changes the number-stack depth: its `.def` counts (what a leaf fuses touches S only).
std::int64_t number_effect(const Step& step) {
  const OpInfo& info = op_info(step.op);
  return info.number_pushes - info.number_pops;
}

// How [step] changes the stack depth.
std::int64_t stack_effect(const Step& step) {
  if (is_leaf(step.op)) {
    return 1 - (step.combine != Step::kPush ? 1 : 0) - (step.sink != Step::kNoSink ? 1 : 0);
  }
  switch (step.op) {
    case Op::And:
    case Op::Or:
    case Op::DefSet:
    case Op::Flag:
    case Op::Topic: return -1;
    case Op::AtLeast:
    case Op::AtMost:
    case Op::Exactly: return 1 - static_cast<std::int64_t>(step.b);
    case Op::Item: return -static_cast<std::int64_t>(step.b);
    default: return 0;
  }
}

}  // namespace

BatchEvaluator::BatchEvaluator(const Program& program)
    : program_(program),
      stack_(std::max<std::size_t>(program.max_stack, 1)),
      defines_(program.define_count),
      flags_(program.flag_levels.size()),
      topics_(program.topic_count),
      number_stack_(std::max<std::size_t>(program.max_number_stack, 1)),
      numbers_(program.number_count),
      rows_(std::max<std::size_t>(program.max_stack, 1)),
      flag_rows_(kBatchSize),
      topic_rows_(kBatchSize),
      resume_(program.steps.size(), 0),
      columns_(std::size_t{program.fact_count} * kBatchSize, 0.0),
      known_(program.fact_count, 0),
      nonzero_(program.fact_count, 0),
      column_batch_(program.fact_count, 0) {
  std::int64_t depth = 0;
  std::int64_t number_depth = 0;
  for (const Step& step : program.steps) {
    depth_.push_back(static_cast<std::uint32_t>(depth));
    number_depth_.push_back(static_cast<std::uint32_t>(number_depth));
    depth += stack_effect(step);
    number_depth += number_effect(step);
  }
  for (const std::uint32_t level : program.flag_levels) level_count_ = std::max(level_count_, level + 1);
  low_reaches_.assign(level_count_ + 1, 0);
  high_reaches_.assign(level_count_ + 1, 0);
}

const double* BatchEvaluator::column(std::uint32_t fact, const FactValue* const* cases, std::size_t count) {
  double* const values = &columns_[std::size_t{fact} * kBatchSize];
  if (column_batch_[fact] != batch_number_) {
    column_batch_[fact] = batch_number_;
    std::uint64_t known = 0;
    std::uint64_t nonzero = 0;
    for (std::size_t i = count; i-- > 0;) {  // from the last case, shifting each bit into place
      const FactValue& value = cases[i][fact];
      values[i] = value.value;
      known = (known << 1) | std::uint64_t{value.known};
      nonzero = (nonzero << 1) | std::uint64_t{value.value != 0};
    }
    known_[fact] = known;
    nonzero_[fact] = nonzero;
  }
  return values;
}

BatchEvaluator::Lanes BatchEvaluator::leaf(const Step& s, const FactValue* const* cases, std::size_t count,
                                           const NumberLanes* numbers) {
  switch (s.op) {
    case Op::Push:
      return {s.a == static_cast<std::uint32_t>(Tri::True) ? all_ : 0, s.a == static_cast<std::uint32_t>(Tri::False) ? all_ : 0};
    case Op::Fact:
      column(s.a, cases, count);
      return known_and(known_[s.a], nonzero_[s.a]);
    case Op::Known:
      column(s.a, cases, count);
      return {known_[s.a], ~known_[s.a] & all_};
    case Op::CmpConst: {
      const double* const values = column(s.a, cases, count);
      return by_comparison(s.code, [&, k = s.k](auto holds) {
        return known_and(known_[s.a], cases_where([values, k, holds](std::size_t i) { return holds(values[i], k); }));
      });
    }
    case Op::CmpFact: {
      const double* const left = column(s.a, cases, count);
      const double* const right = column(static_cast<std::uint32_t>(s.b), cases, count);
      return by_comparison(s.code, [&](auto holds) {
        return known_and(known_[s.a] & known_[s.b],
                         cases_where([left, right, holds](std::size_t i) { return holds(left[i], right[i]); }));
      });
    }
    case Op::InSet: {
      const double* const values = column(s.a, cases, count);
      return known_and(known_[s.a], cases_where([values, mask = s.b](std::size_t i) { return in_mask(values[i], mask); }));
    }
    case Op::DefGet: return defines_[s.a];
    case Op::Urgency: return urgency(s.code, static_cast<std::uint32_t>(s.b));
    case Op::CmpNumber: {
      Lanes result;
      for_each_case(all_, [&](std::size_t i) {
        const Tri verdict = compare_intervals(interval_at(numbers[0], i), s.code, interval_at(numbers[1], i));
        result.t |= std::uint64_t{verdict == Tri::True} << i;
        result.f |= std::uint64_t{verdict == Tri::False} << i;
      });
      return result;
    }
    default: return {};
  }
}

BatchEvaluator::NumberLanes* BatchEvaluator::number_step(const Step& s, const FactValue* const* cases,
                                                         std::size_t count, Lanes* sp, NumberLanes* nsp,
                                                         std::uint64_t running) {
  switch (s.op) {
    case Op::Num: {
      const double* const values = column(s.a, cases, count);
      const Interval range = program_.fact_ranges[s.a];
      const std::uint64_t known = known_[s.a];
      for_each_case(running, [&](std::size_t i) {
        put(*nsp, i, ((known >> i) & 1u) != 0 ? Interval::exact(values[i]) : range);
      });
      return nsp + 1;
    }
    case Op::NumConst:
      for_each_case(running, [&](std::size_t i) { put(*nsp, i, Interval::exact(s.k)); });
      return nsp + 1;
    case Op::Add: combine_running(nsp[-2], nsp[-1], running, [](Interval x, Interval y) { return x + y; }); break;
    case Op::Sub: combine_running(nsp[-2], nsp[-1], running, [](Interval x, Interval y) { return x - y; }); break;
    case Op::Mul: combine_running(nsp[-2], nsp[-1], running, [](Interval x, Interval y) { return x * y; }); break;
    case Op::Div: combine_running(nsp[-2], nsp[-1], running, [](Interval x, Interval y) { return x / y; }); break;
    case Op::Item: {
      const Lanes* const rows = sp - s.b;
      const double* const points = program_.constants.data() + s.a;
      for_each_case(running, [&](std::size_t i) {
        for (std::uint64_t row = 0; row < s.b; ++row) rows_[row] = tri_at(rows[row], i);
        put(*nsp, i, item_interval(rows_.data(), points, s.b, s.zero != 0));
      });
      return nsp + 1;
    }
    case Op::NumSet:
      combine_running(numbers_[s.a], nsp[-1], running, [](Interval, Interval value) { return value; });
      break;
    case Op::NumGet:
      combine_running(*nsp, numbers_[s.a], running, [](Interval, Interval value) { return value; });
      return nsp + 1;
    default: return nsp;
  }
  return nsp - 1;  // the binary operations and NSET pop one
}

void BatchEvaluator::bound_urgency() {
  std::fill(low_reaches_.begin(), low_reaches_.end(), 0);
  std::fill(high_reaches_.begin(), high_reaches_.end(), 0);
  for (std::size_t i = 0; i < flags_.size(); ++i) {
    const std::uint32_t level = program_.flag_levels[i];
    low_reaches_[level] |= flags_[i].t;
    high_reaches_[level] |= ~flags_[i].f;
  }
  // Reaching level v means a flag of level v or higher: accumulate from the top down. Every
  // urgency is at least level 0.
  for (std::size_t v = level_count_; v-- > 0;) {
    low_reaches_[v] |= low_reaches_[v + 1];
    high_reaches_[v] |= high_reaches_[v + 1];
  }
  low_reaches_[0] = high_reaches_[0] = all_;
  bounded_ = true;
}

// As compare_urgency in vm.cpp, with "low >= v" and "high >= v" as masks: low is at least v
// where low_reaches(v), and high where high_reaches(v).
BatchEvaluator::Lanes BatchEvaluator::urgency(CmpCode code, std::uint32_t v) {
  if (!bounded_) bound_urgency();
  const auto low = [&](std::uint32_t level) { return level <= level_count_ ? low_reaches_[level] : 0; };
  const auto high = [&](std::uint32_t level) { return level <= level_count_ ? high_reaches_[level] : 0; };
  Lanes result;
  switch (code) {
    case CmpCode::Eq: result = {low(v) & ~high(v + 1), low(v + 1) | ~high(v)}; break;
    case CmpCode::Ne: result = {low(v + 1) | ~high(v), low(v) & ~high(v + 1)}; break;
    case CmpCode::Lt: result = {~high(v), low(v)}; break;
    case CmpCode::Le: result = {~high(v + 1), low(v + 1)}; break;
    case CmpCode::Gt: result = {low(v + 1), ~high(v + 1)}; break;
    case CmpCode::Ge: result = {low(v), ~high(v)}; break;
  }
  return {result.t & all_, result.f & all_};
}

void BatchEvaluator::evaluate(const FactValue* const* cases, std::size_t count, Evaluation* const* outs) {
  if (count == 0) return;
  ++batch_number_;  // every column is stale
  all_ = count >= kBatchSize ? ~std::uint64_t{0} : (std::uint64_t{1} << count) - 1;
  bounded_ = false;
  std::fill(flags_.begin(), flags_.end(), Lanes{});
  std::fill(topics_.begin(), topics_.end(), Lanes{0, all_});  // topics without a condition: F
  Lanes* const sinks[4] = {nullptr, flags_.data(), topics_.data(), defines_.data()};  // by Step::Sink
  Lanes* const bottom = stack_.data();
  Lanes* sp = bottom;  // one past the top
  NumberLanes* const number_bottom = number_stack_.data();
  NumberLanes* nsp = number_bottom;  // one past the top
  std::uint64_t running = all_;
  const Step* const steps = program_.steps.data();
  for (std::size_t at = 0;; ++at) {
    running |= resume_[at];
    resume_[at] = 0;
    const Step& s = steps[at];
    switch (s.op) {
      case Op::Not: set_running(sp[-1], lanes_not(sp[-1]), running); continue;
      case Op::And:
        --sp;
        set_running(sp[-1], lanes_and(sp[-1], *sp), running);
        continue;
      case Op::Or:
        --sp;
        set_running(sp[-1], lanes_or(sp[-1], *sp), running);
        continue;
      case Op::JumpIfFalse:
      case Op::JumpIfTrue: {
        const std::uint64_t taking = running & (s.op == Op::JumpIfFalse ? sp[-1].f : sp[-1].t);
        resume_[s.b] |= taking;
        running &= ~taking;
        if (running == 0) {  // nobody left here: on to the next place cases wait at
          while (resume_[at + 1] == 0) ++at;
          sp = bottom + depth_[at + 1];
          nsp = number_bottom + number_depth_[at + 1];
        }
        continue;
      }
      case Op::AtLeast:
      case Op::AtMost:
      case Op::Exactly: {
        sp -= s.b;
        Lanes result;
        for (std::size_t i = 0; i < count; ++i) {
          std::uint32_t true_count = 0;
          std::uint32_t unknown_count = 0;
          for (std::uint64_t member = 0; member < s.b; ++member) {
            const Tri value = tri_at(sp[member], i);
            true_count += value == Tri::True;
            unknown_count += value == Tri::Unknown;
          }
          const Tri verdict = count_verdict(s.op, s.a, true_count, unknown_count);
          result.t |= std::uint64_t{verdict == Tri::True} << i;
          result.f |= std::uint64_t{verdict == Tri::False} << i;
        }
        set_running(*sp++, result, running);
        continue;
      }
      case Op::DefSet: set_running(defines_[s.a], *--sp, running); continue;
      case Op::Flag: set_running(flags_[s.a], *--sp, running); continue;
      case Op::Topic: set_running(topics_[s.a], *--sp, running); continue;
      case Op::Num:
      case Op::NumConst:
      case Op::Add:
      case Op::Sub:
      case Op::Mul:
      case Op::Div:
      case Op::NumSet:
      case Op::NumGet:
        nsp = number_step(s, cases, count, sp, nsp, running);
        continue;
      case Op::Item:
        nsp = number_step(s, cases, count, sp, nsp, running);
        sp -= s.b;
        continue;
      case Op::Halt: write_results(count, outs); return;
      default: break;
    }
    // A leaf: [NOT], then [AND or OR] with S[top] or a push, then [store and pop].
    if (s.op == Op::CmpNumber) nsp -= 2;
    Lanes value = leaf(s, cases, count, nsp);
    if (s.negate) value = lanes_not(value);
    Lanes* slot = sp;
    if (s.combine != Step::kPush) {
      --slot;
      value = s.combine == Step::kAnd ? lanes_and(*slot, value) : lanes_or(*slot, value);
    }
    set_running(*slot, value, running);
    if (s.sink == Step::kNoSink) {
      sp = slot + 1;
    } else {
      set_running(sinks[s.sink][s.target], value, running);
      sp = slot;
    }
  }
}

void BatchEvaluator::write_results(std::size_t count, Evaluation* const* outs) {
  if (!bounded_) bound_urgency();
  std::uint64_t undetermined = 0;
  for (const Lanes& flag : flags_) undetermined |= ~(flag.t | flag.f);
  for (std::size_t i = 0; i < count; ++i) {
    Evaluation& out = *outs[i];
    out.flags.resize(flags_.size());
    out.topics.resize(topics_.size());
    out.numbers.resize(numbers_.size());
    for (std::size_t n = 0; n < numbers_.size(); ++n) out.numbers[n] = interval_at(numbers_[n], i);
    flag_rows_[i] = out.flags.data();
    topic_rows_[i] = out.topics.data();
    out.urgency = 0;
    out.complete = ((undetermined >> i) & 1u) == 0;
  }
  write_lanes(flags_, count, flag_rows_.data());
  write_lanes(topics_, count, topic_rows_.data());
  for (std::uint32_t level = 1; level < level_count_; ++level) {  // the highest level reached wins
    for (std::uint64_t cases = low_reaches_[level] & all_; cases != 0; cases &= cases - 1) {
      outs[lowest_bit(cases)]->urgency = level;
    }
  }
}

}  // namespace redflag
