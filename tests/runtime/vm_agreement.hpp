// The one-case VM and the batch VM side by side: the check every VM test can run its cases through.
#pragma once

#include <cstddef>
#include <vector>

#include "runtime/image.hpp"
#include "runtime/vm.hpp"

namespace redflag::test {

// Evaluates [cases] of [image] (which must verify) with evaluate() and with the BatchEvaluator
// in batches of each size in [batch_sizes], CHECKs that flags, topics, numbers, urgency and
// status agree case by case, and returns evaluate()'s results.
std::vector<Evaluation> evaluate_agreeing(const Image& image, const std::vector<std::vector<FactValue>>& cases,
                                          const std::vector<std::size_t>& batch_sizes = {1, 5, 64});

}  // namespace redflag::test
