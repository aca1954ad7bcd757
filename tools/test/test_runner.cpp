#include "tools/test/test_runner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace redflag::tools {
namespace {

std::vector<std::uint32_t> flags_with(const Evaluation& evaluation, Tri wanted) {
  std::vector<std::uint32_t> result;
  for (std::uint32_t i = 0; i < evaluation.flags.size(); ++i) {
    if (evaluation.flags[i] == wanted) result.push_back(i);
  }
  return result;
}

std::string flag_list(const Image& image, const std::vector<std::uint32_t>& flags) {
  if (flags.empty()) return "(none)";
  std::string text;
  for (const auto flag : flags) {
    if (!text.empty()) text += ", ";
    text += image.flags[flag].name;
  }
  return text;
}

// "7", or "5 to 9" when the score's items leave it open.
std::string score_text(double low, double high) {
  if (low == high) return fmt::format("{}", low);
  return fmt::format("{} to {}", low, high);
}

// Checks one expectation; nullopt when it holds.
std::optional<ExpectationFailure> check(const Image& image, const ImageExpectation& expectation,
                  const Evaluation& evaluation) {
  const auto fired = flags_with(evaluation, Tri::True);
  const auto undetermined = flags_with(evaluation, Tri::Unknown);
  const auto result_of = [&](std::uint32_t flag) { return evaluation.flags[flag]; };
  const auto mismatch = [](std::string what, std::string expected, std::string actual) {
    return ExpectationFailure{std::move(what), std::move(expected), std::move(actual)};
  };
  switch (expectation.kind) {
    case ExpectKind::Urgency:
      if (evaluation.urgency == expectation.args.at(0)) return std::nullopt;
      return mismatch("urgency", image.levels.at(expectation.args[0]),
                      image.levels.at(evaluation.urgency));
    case ExpectKind::Status: {
      const bool want_complete = expectation.args.at(0) == 0;
      if (want_complete == evaluation.complete) return std::nullopt;
      return mismatch("status", want_complete ? "complete" : "incomplete",
                      fmt::format("{} (undetermined: {})",
                                  evaluation.complete ? "complete" : "incomplete",
                                  flag_list(image, undetermined)));
    }
    case ExpectKind::FlagsExactly: {
      auto expected = expectation.args;
      std::sort(expected.begin(), expected.end());
      if (expected == fired) return std::nullopt;
      return mismatch("fired flags", flag_list(image, expected), flag_list(image, fired));
    }
    case ExpectKind::Fired:
    case ExpectKind::NotFired:
    case ExpectKind::Undetermined: {
      const Tri wanted = expectation.kind == ExpectKind::Undetermined ? Tri::Unknown : Tri::True;
      const bool want_match = expectation.kind != ExpectKind::NotFired;
      std::vector<std::uint32_t> wrong;
      for (const auto flag : expectation.args) {
        if ((result_of(flag) == wanted) != want_match) wrong.push_back(flag);
      }
      if (wrong.empty()) return std::nullopt;
      static constexpr std::string_view kWhat[] = {"fired", "not fired", "undetermined"};
      static_assert(static_cast<int>(ExpectKind::NotFired) == static_cast<int>(ExpectKind::Fired) + 1 &&
                        static_cast<int>(ExpectKind::Undetermined) == static_cast<int>(ExpectKind::Fired) + 2,
                    "kWhat follows ExpectKind from Fired on");
      const auto what = kWhat[static_cast<int>(expectation.kind) - static_cast<int>(ExpectKind::Fired)];
      return mismatch(fmt::format("{} {}", what, flag_list(image, expectation.args)),
                      fmt::format("{} {}", flag_list(image, wrong), what),
                      fmt::format("fired: {}; undetermined: {}", flag_list(image, fired),
                                  flag_list(image, undetermined)));
    }
    case ExpectKind::Score: {
      const std::uint32_t slot = expectation.args.at(0);
      const auto& value = evaluation.numbers.at(slot);
      if (value.lo == expectation.low && value.hi == expectation.high) return std::nullopt;
      return mismatch(fmt::format("score {}", image.numbers.at(slot).name),
                      score_text(expectation.low, expectation.high), score_text(value.lo, value.hi));
    }
  }
  return std::nullopt;
}

}  // namespace

std::string failure_text(const ExpectationFailure& failure) {
  return fmt::format("{}\n  expected: {}\n  actual:   {}", failure.what, failure.expected, failure.actual);
}

std::string failure_summary(const ExpectationFailure& failure) {
  return fmt::format("{}: expected {}, actual {}", failure.what, failure.expected, failure.actual);
}

std::vector<FactValue> facts_of_test(const Image& image, const ImageTest& test) {
  std::vector<FactValue> facts(image.facts.size());
  for (const auto& given : test.givens) facts.at(given.fact) = {given.value, given.known};
  return facts;
}

std::vector<TestOutcome> run_tests(const Image& image, const Program& program) {
  std::vector<TestOutcome> outcomes;
  Evaluation evaluation(program);
  for (std::uint32_t i = 0; i < image.tests.size(); ++i) {
    const auto facts = facts_of_test(image, image.tests[i]);
    evaluate(program, facts.data(), evaluation);
    TestOutcome outcome{i, {}};
    for (const auto& expectation : image.tests[i].expectations) {
      if (auto failure = check(image, expectation, evaluation)) outcome.failures.push_back(std::move(*failure));
    }
    outcomes.push_back(std::move(outcome));
  }
  return outcomes;
}

}  // namespace redflag::tools
