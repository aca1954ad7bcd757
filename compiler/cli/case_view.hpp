// What one evaluated case means, read off the VM's raw results for output.
//
// The VM leaves tri-values per flag and topic; this turns them into what a clinician reads:
// the fired flags (highest urgency first), their evidence (the known facts their condition
// reads), the undetermined flags with the facts they still need, and the topics that fit the
// case. Shared by every output format so they cannot disagree. It allocates; the bulk formats
// (csv, summary) read the Evaluation directly instead.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/image.hpp"
#include "runtime/vm.hpp"

namespace redflag::cli {

struct CaseView {
  std::vector<std::uint32_t> fired;         // flag indices, highest urgency first, then KB order
  std::vector<std::uint32_t> undetermined;  // flag indices, highest urgency first
  std::vector<std::uint32_t> topics;        // topic indices, KB order
};

CaseView view_case(const Image& image, const Evaluation& evaluation);

// The facts of [flag] that [facts] gives (evidence) or lacks (needs), ascending.
std::vector<std::uint32_t> evidence_of(const ImageFlag& flag, const std::vector<FactValue>& facts);
std::vector<std::uint32_t> needs_of(const ImageFlag& flag, const std::vector<FactValue>& facts);

// A fact's value as a clinician reads it: `true`, `34`, `12 [lb_av]`, `lung`, `(text)`.
std::string display_value(const ImageFact& fact, const FactValue& value);

// The content hash as 64 lowercase hex digits.
std::string hash_hex(const Image& image);

}  // namespace redflag::cli
