// Runs a KB's `test` blocks on the compiled program and checks their expectations.
//
// Each test is evaluated by the VM exactly as `eval` would evaluate a case with the same facts,
// so a passing test says something about the shipped bytecode. A failed expectation becomes
// a readable message with the expected and actual values. Coverage is tools/test/coverage.*.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/image.hpp"
#include "runtime/vm.hpp"

namespace redflag::tools {

// One expectation that did not hold: what was checked ("urgency", "fired flags"), and the
// expected and actual values as text.
struct ExpectationFailure {
  std::string what;
  std::string expected;
  std::string actual;
};

struct TestOutcome {
  std::uint32_t test = 0;                    // index into Image::tests
  std::vector<ExpectationFailure> failures;  // in expectation order
  bool passed() const { return failures.empty(); }
};

// [failure] as the report prints it: what, then indented `expected:` and `actual:` lines.
std::string failure_text(const ExpectationFailure& failure);

// [failure] on one line, as a CI server's summary shows it: `what: expected X, actual Y`.
std::string failure_summary(const ExpectationFailure& failure);

// The case a test describes: its givens over [image]'s facts, the rest unknown.
std::vector<FactValue> facts_of_test(const Image& image, const ImageTest& test);

// Runs every test of [image]; results in test order.
std::vector<TestOutcome> run_tests(const Image& image, const Program& program);

}  // namespace redflag::tools
