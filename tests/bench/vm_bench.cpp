// The VM alone, and loading: ns per case on facts already in memory, and load + verify time.
//
//   vm_bench back-pain KB.rfb CASES.jsonl   VM and the hand-coded rules (back_pain_rules.hpp)
//                                           on the cases' facts, after checking they agree
//   vm_bench synthetic KB.rfb               VM on random facts for any KB (20% unknown)
//   vm_bench load KB.rfb                    load + verify the file, in ms
//   vm_bench code KB.rfb                    code bytes, leaf conditions, VM steps
//
// Times are CPU time of the thread. Each run prints `name value` lines; tests/bench/bench.py runs it several times and takes the
// median. Benchmark code only.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "runtime/cases/case_reader.hpp"
#include "runtime/instruction.hpp"
#include "runtime/cases/line_reader.hpp"
#include "runtime/loader.hpp"
#include "runtime/vm.hpp"
#include "runtime/vm_batch.hpp"
#include "tests/bench/back_pain_rules.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// This thread's CPU time: on a shared machine, time the benchmark spent waiting for a core
// would count against the VM otherwise.
double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}
using redflag::FactValue;

// Enough passes over the cases that one measurement lasts about a quarter of a second.
constexpr double kTargetSeconds = 0.25;

redflag::Image load(const char* path) {
  auto loaded = redflag::load_file(path);
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.error.c_str());
    std::exit(1);
  }
  return std::move(*loaded.image);
}

// Runs [body] over every case [passes] times; ns per case.
template <typename Body>
double time_per_case(std::size_t cases, Body body) {
  std::size_t passes = 1;
  for (;;) {
    const double start = cpu_seconds();
    for (std::size_t pass = 0; pass < passes; ++pass) {
      for (std::size_t i = 0; i < cases; ++i) body(i);
    }
    const double seconds = cpu_seconds() - start;
    if (seconds >= kTargetSeconds) return seconds * 1e9 / static_cast<double>(passes * cases);
    passes *= 2;
  }
}

// The batch evaluator's view of [count] cases of [width] facts each, laid end to end in [facts]:
// a pointer to each case's facts, and one batch of Evaluations, reused batch after batch as
// `redflag eval` reuses them.
struct BatchInput {
  BatchInput(const redflag::Program& program, const std::vector<FactValue>& facts, std::size_t width, std::size_t count)
      : results(redflag::kBatchSize, redflag::Evaluation(program)) {
    for (std::size_t i = 0; i < count; ++i) cases.push_back(&facts[i * width]);
    for (auto& result : results) outs.push_back(&result);
  }

  // Evaluates the batch that starts at case [i], when one does.
  void evaluate_from(redflag::BatchEvaluator& batch, std::size_t i) {
    if (i % redflag::kBatchSize != 0) return;
    batch.evaluate(&cases[i], std::min(redflag::kBatchSize, cases.size() - i), outs.data());
  }

  // Case [i]'s results, once its batch has been evaluated (and no later one).
  const redflag::Evaluation& result(std::size_t i) const { return results[i % redflag::kBatchSize]; }

  std::vector<const FactValue*> cases;
  std::vector<redflag::Evaluation> results;
  std::vector<redflag::Evaluation*> outs;
};

std::vector<FactValue> read_cases(const redflag::Image& image, const char* path, std::size_t& count) {
  std::FILE* file = std::fopen(path, "rb");
  if (file == nullptr) {
    std::perror(path);
    std::exit(1);
  }
  redflag::LineReader lines(fileno(file));
  redflag::CaseReader reader(image.facts);
  std::vector<FactValue> all;
  std::vector<FactValue> facts;
  std::string id;
  redflag::CaseError error;
  std::string_view line;
  std::uint64_t number = 0;
  bool too_long = false;
  std::string read_error;
  count = 0;
  while (count < 10000 && lines.next(line, number, too_long, read_error)) {
    if (!reader.read(line, facts, id, error)) {
      std::fprintf(stderr, "%s:%llu: %s\n", path, static_cast<unsigned long long>(number), error.message.c_str());
      std::exit(1);
    }
    all.insert(all.end(), facts.begin(), facts.end());
    ++count;
  }
  std::fclose(file);
  return all;
}

int back_pain(const char* kb, const char* cases_path) {
  const redflag::Image image = load(kb);
  bench::check_layout(image);
  const redflag::Program program(image);
  std::size_t cases = 0;
  const std::vector<FactValue> facts = read_cases(image, cases_path, cases);
  const std::size_t width = image.facts.size();
  redflag::Evaluation evaluation(program);
  redflag::BatchEvaluator batch(program);
  BatchInput batches(program, facts, width, cases);
  bench::Result hand{};
  for (std::size_t i = 0; i < cases; ++i) {  // all three must give the same answers
    redflag::evaluate(program, &facts[i * width], evaluation);
    batches.evaluate_from(batch, i);
    bench::evaluate(&facts[i * width], hand);
    for (const redflag::Evaluation* vm : {&std::as_const(evaluation), &batches.result(i)}) {
      const bool same = std::equal(hand.flags.begin(), hand.flags.end(), vm->flags.begin()) &&
                        std::equal(hand.topics.begin(), hand.topics.end(), vm->topics.begin()) &&
                        hand.urgency == vm->urgency && hand.complete == vm->complete;
      if (!same) {
        std::fprintf(stderr, "case %zu: the hand-coded rules and the %s disagree\n", i,
                     vm == &evaluation ? "VM" : "batch VM");
        return 1;
      }
    }
  }
  std::uint64_t sink = 0;
  const double vm = time_per_case(cases, [&](std::size_t i) {
    redflag::evaluate(program, &facts[i * width], evaluation);
    sink += evaluation.urgency + static_cast<unsigned>(evaluation.topics[1]);
  });
  const double batched = time_per_case(cases, [&](std::size_t i) {
    batches.evaluate_from(batch, i);
    sink += batches.result(i).urgency + static_cast<unsigned>(batches.result(i).topics[1]);
  });
  const double coded = time_per_case(cases, [&](std::size_t i) {
    bench::evaluate(&facts[i * width], hand);
    sink += hand.urgency + static_cast<unsigned>(hand.topics[1]);
  });
  std::printf("vm_ns %.2f\nbatch_ns %.2f\nhand_ns %.2f\nsink %llu\n", vm, batched, coded,
              static_cast<unsigned long long>(sink % 10));
  return 0;
}

int synthetic(const char* kb) {
  const redflag::Image image = load(kb);
  const redflag::Program program(image);
  constexpr std::size_t kCases = 1000;
  const std::size_t width = image.facts.size();
  std::vector<FactValue> facts(kCases * width);
  std::mt19937_64 random(20260701);
  std::uniform_real_distribution<double> unit(0, 1);
  for (std::size_t i = 0; i < facts.size(); ++i) {
    const redflag::ImageFact& fact = image.facts[i % width];
    FactValue& value = facts[i];
    value.known = unit(random) >= 0.2;
    switch (fact.type) {
      case redflag::FactType::Bool: value.value = unit(random) < 0.3 ? 1 : 0; break;
      case redflag::FactType::Enum: value.value = std::floor(unit(random) * static_cast<double>(fact.values.size())); break;
      case redflag::FactType::Text: value.value = 0; break;
      case redflag::FactType::Number:
      case redflag::FactType::Integer:
      case redflag::FactType::Quantity: value.value = std::floor(unit(random) * 100); break;
    }
  }
  redflag::Evaluation evaluation(program);
  std::uint64_t sink = 0;
  const double vm = time_per_case(kCases, [&](std::size_t i) {
    redflag::evaluate(program, &facts[i * width], evaluation);
    sink += evaluation.urgency;
  });
  redflag::BatchEvaluator batch(program);
  BatchInput batches(program, facts, width, kCases);
  const double batched = time_per_case(kCases, [&](std::size_t i) {
    batches.evaluate_from(batch, i);
    sink += batches.result(i).urgency;
  });
  std::printf("vm_ns %.2f\nbatch_ns %.2f\nsink %llu\n", vm, batched, static_cast<unsigned long long>(sink % 10));
  return 0;
}

int load_only(const char* kb) {
  const auto start = Clock::now();
  const redflag::Image image = load(kb);
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  std::printf("load_ms %.3f\nflags %zu\n", ms, image.flags.size());
  return 0;
}

// Leaf conditions are the instructions that read the case or the urgency.
int code_size(const char* kb) {
  const redflag::Image image = load(kb);
  std::size_t leaves = 0;
  redflag::Instruction in;
  for (std::uint32_t offset = 0; offset < image.code.size(); offset = in.end()) {
    redflag::decode_instruction(image.code, offset, in);
    switch (in.op) {
      case redflag::Op::Fact:
      case redflag::Op::Known:
      case redflag::Op::CmpConst:
      case redflag::Op::CmpFact:
      case redflag::Op::InSet:
      case redflag::Op::Urgency: ++leaves; break;
      default: break;
    }
  }
  std::printf("code_bytes %zu\nleaves %zu\nsteps %zu\n", image.code.size(), leaves,
              redflag::Program(image).steps.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::strcmp(argv[1], "back-pain") == 0) return back_pain(argv[2], argv[3]);
  if (argc == 3 && std::strcmp(argv[1], "synthetic") == 0) return synthetic(argv[2]);
  if (argc == 3 && std::strcmp(argv[1], "load") == 0) return load_only(argv[2]);
  if (argc == 3 && std::strcmp(argv[1], "code") == 0) return code_size(argv[2]);
  std::fputs("usage: vm_bench back-pain KB.rfb CASES.jsonl | synthetic KB.rfb | load KB.rfb | code KB.rfb\n", stderr);
  return 2;
}
