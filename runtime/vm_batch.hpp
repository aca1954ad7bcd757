// The batch evaluator: up to 64 cases through one Program at once, bit-sliced.
//
// Every tri value of the VM (runtime/vm.hpp) becomes two 64-bit masks with one bit per case of
// the batch: [t], the cases where it is T, and [f], those where it is F (U where neither). One
// pass over the Program's steps evaluates every case of the batch, so dispatch and the chain of
// stack operations are paid once per 64 cases, and AND, OR and NOT are a couple of machine
// instructions each. Short-circuit jumps stay exact: the cases a jump takes wait until its
// target while the others run on, every write is masked to the cases running, and when no case
// is left running the evaluator skips to the next target that cases wait for. Numbers are not
// bit-sliced: a number-stack entry or number slot holds the 64 cases' intervals side by side,
// and the number opcodes, ITEM, ATLEAST, ATMOST and EXACTLY loop over the cases (the running
// ones, where they write), using the functions evaluate() uses. For every case the
// results are those evaluate() gives (tests/compiler/differential_test.cpp checks both against
// the reference evaluator). Like evaluate(), it never allocates once made, and trusts the
// verifier.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/vm.hpp"

namespace redflag {

inline constexpr std::size_t kBatchSize = 64;

class BatchEvaluator {
 public:
  // [program] must outlive the evaluator.
  explicit BatchEvaluator(const Program& program);

  // Evaluates cases[0..count), count at most kBatchSize, each program.fact_count facts, into
  // *outs[0..count), which are resized like evaluate() resizes them.
  void evaluate(const FactValue* const* cases, std::size_t count, Evaluation* const* outs);

  // A tri value for every case of the batch: bit i of [t] is set when case i's value is T, of
  // [f] when it is F.
  struct Lanes {
    std::uint64_t t = 0;
    std::uint64_t f = 0;
  };

  // A numeric value for every case of the batch: case i's interval is [lo[i], hi[i]].
  struct NumberLanes {
    std::array<double, kBatchSize> lo{};
    std::array<double, kBatchSize> hi{};
  };

 private:
  // Fact [fact] for the cases of this batch: its values side by side (what is left over from
  // an earlier batch after the last case), in known_[fact] the cases that know it, and in
  // nonzero_[fact] those whose value is not 0 (FACT's truth). Made on the first use in a batch.
  const double* column(std::uint32_t fact, const FactValue* const* cases, std::size_t count);
  // The value a leaf step pushes, for the cases in [cases]; CMPN's operands are [numbers][0, 1].
  Lanes leaf(const Step& step, const FactValue* const* cases, std::size_t count, const NumberLanes* numbers);
  // Runs a number step (NUM NUMK ADD SUB MUL DIV ITEM NSET NGET) for the cases in [running],
  // over the stacks whose tops are [sp] and [nsp]; returns the new number-stack top.
  NumberLanes* number_step(const Step& step, const FactValue* const* cases, std::size_t count, Lanes* sp,
                           NumberLanes* nsp, std::uint64_t running);
  // `urgency c level` for every case, from the flags (all of which have run).
  Lanes urgency(CmpCode code, std::uint32_t level);
  void bound_urgency();
  void write_results(std::size_t count, Evaluation* const* outs);

  const Program& program_;
  std::vector<std::uint32_t> depth_;         // the stack depth before each step
  std::vector<std::uint32_t> number_depth_;  // the number-stack depth before each step
  std::uint32_t level_count_ = 0;     // one more than the highest flag level
  std::vector<Lanes> stack_, defines_, flags_, topics_;
  std::vector<NumberLanes> number_stack_, numbers_;
  std::vector<Tri> rows_;  // one case's ITEM rows
  std::vector<Tri*> flag_rows_, topic_rows_;  // per case of the batch: where its results go
  std::vector<std::uint64_t> resume_;  // per step: the cases waiting there after a jump
  // Per level v: the cases whose urgency is at least v (a flag of level >= v fired), and
  // those whose urgency could be (one fired or is undetermined).
  std::vector<std::uint64_t> low_reaches_, high_reaches_;
  std::vector<double> columns_;               // kBatchSize values per fact
  std::vector<std::uint64_t> known_;          // per fact
  std::vector<std::uint64_t> nonzero_;        // per fact
  std::vector<std::uint32_t> column_batch_;   // per fact: the batch its column was made for
  std::uint32_t batch_number_ = 0;
  bool bounded_ = false;
  std::uint64_t all_ = 0;  // the cases of the batch
};

}  // namespace redflag
