// What evaluation output lists, read straight from the VM's results: the flags in output order
// and the topics to show. Shared by the writers that do not go through describe_case (json,
// csv), so that they list exactly what it would, without building a CaseResult per case.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/image.hpp"
#include "runtime/vm.hpp"

namespace redflag::tools {

// The flag indices of [image] in output order: highest urgency first, KB order among equals
// (the order of fired_by_urgency and undetermined_by_urgency).
std::vector<std::uint32_t> flags_by_urgency(const Image& image);

// Sets [shown] (resized to the topic count; its storage is reused) to the topics describe_case
// lists for [evaluation]: those whose condition holds and those a fired flag links with `see`.
void shown_topics(const Image& image, const Evaluation& evaluation, std::vector<char>& shown);

}  // namespace redflag::tools
