// The batch evaluator (runtime/vm_batch.hpp) against the VM, case by case, on hand-assembled
// code whose jumps split a batch: code the compiler writes never shows whether a jump was
// taken (tests/compiler/differential_test.cpp covers that code), this code does.
#include <catch2/catch.hpp>

#include "tests/runtime/test_images.hpp"
#include "tests/runtime/vm_agreement.hpp"

namespace redflag {
namespace {

constexpr Tri kTris[] = {Tri::False, Tri::True, Tri::Unknown};

void fact(CodeBuilder& code, std::uint32_t index) {
  code.emit(Op::Fact);
  code.uleb(index);
}

// Every combination of a, b and c, each T, F or absent.
std::vector<std::vector<FactValue>> all_cases() {
  std::vector<std::vector<FactValue>> cases;
  for (const Tri a : kTris) {
    for (const Tri b : kTris) {
      for (const Tri c : kTris) {
        std::vector<FactValue> facts(test::kLogicFactCount);
        const Tri values[] = {a, b, c};
        for (std::uint32_t i = 0; i < 3; ++i) {
          if (values[i] != Tri::Unknown) facts[i] = test::known(values[i] == Tri::True ? 1 : 0);
        }
        cases.push_back(facts);
      }
    }
  }
  return cases;
}

// Evaluates [cases] with the batch evaluator in batches of [batch_size] and checks every
// result against the VM's.
void check_batches(const Image& image, std::size_t batch_size,
                   const std::vector<std::vector<FactValue>>& cases = all_cases()) {
  test::evaluate_agreeing(image, cases, {batch_size});
}

TEST_CASE("batch VM: a jump some cases take and others do not") {
  // `a; JF L; b; OR; L:` gives a when a is F (jumped) and a or b otherwise: running the skipped
  // code for the cases that jumped would make them `F or b`.
  const Image image = test::logic_image([](CodeBuilder& code) {
    fact(code, test::kA);
    const std::size_t jump = code.emit_jump(Op::JumpIfFalse);
    fact(code, test::kB);
    code.emit(Op::Or);
    code.patch_jump(jump);
  });
  for (const std::size_t size : {1, 5, 27}) check_batches(image, size);
}

TEST_CASE("batch VM: crossing jumps, and a jump that every running case takes") {
  // a; JF Y1; b; JT Y2; NOT; OR; Y1: c; Y2: AND
  // The JT leaves the stack two deep; when every case still running takes it, the evaluator
  // skips to Y1, where the cases that took the JF wait one deep.
  const Image image = test::logic_image([](CodeBuilder& code) {
    fact(code, test::kA);
    const std::size_t to_y1 = code.emit_jump(Op::JumpIfFalse);
    fact(code, test::kB);
    const std::size_t to_y2 = code.emit_jump(Op::JumpIfTrue);
    code.emit(Op::Not);
    code.emit(Op::Or);
    code.patch_jump(to_y1);
    fact(code, test::kC);
    code.patch_jump(to_y2);
    code.emit(Op::And);
  });
  for (const std::size_t size : {1, 2, 9, 27}) check_batches(image, size);
  // Only cases that take the JF or the JT, in one batch: none is left running after the JT.
  std::vector<std::vector<FactValue>> jumping;
  for (const auto& facts : all_cases()) {
    const bool a_false = facts[test::kA].known && facts[test::kA].value == 0;
    const bool a_true_b_true = facts[test::kA].value == 1 && facts[test::kB].value == 1;
    if (a_false || a_true_b_true) jumping.push_back(facts);
  }
  check_batches(image, jumping.size(), jumping);
}

}  // namespace
}  // namespace redflag
