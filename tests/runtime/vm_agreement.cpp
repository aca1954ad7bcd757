#include "tests/runtime/vm_agreement.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include "runtime/verifier.hpp"
#include "runtime/vm_batch.hpp"

namespace redflag::test {

std::vector<Evaluation> evaluate_agreeing(const Image& image, const std::vector<std::vector<FactValue>>& cases,
                                          const std::vector<std::size_t>& batch_sizes) {
  REQUIRE(verify_image(image) == "");
  const Program program(image);
  std::vector<Evaluation> expected(cases.size(), Evaluation(program));
  for (std::size_t i = 0; i < cases.size(); ++i) evaluate(program, cases[i].data(), expected[i]);
  BatchEvaluator batch(program);
  for (const std::size_t batch_size : batch_sizes) {
    std::vector<Evaluation> batched(cases.size());
    for (std::size_t first = 0; first < cases.size(); first += batch_size) {
      const std::size_t count = std::min(batch_size, cases.size() - first);
      std::vector<const FactValue*> facts;
      std::vector<Evaluation*> outs;
      for (std::size_t i = first; i < first + count; ++i) {
        facts.push_back(cases[i].data());
        outs.push_back(&batched[i]);
      }
      batch.evaluate(facts.data(), count, outs.data());
    }
    for (std::size_t i = 0; i < cases.size(); ++i) {
      CAPTURE(batch_size, i);
      CHECK(batched[i].flags == expected[i].flags);
      CHECK(batched[i].topics == expected[i].topics);
      CHECK(batched[i].numbers == expected[i].numbers);
      CHECK(batched[i].urgency == expected[i].urgency);
      CHECK(batched[i].complete == expected[i].complete);
    }
  }
  return expected;
}

}  // namespace redflag::test
