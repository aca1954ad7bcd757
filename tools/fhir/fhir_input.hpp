// `eval --input-format fhir`: the CaseTranslator that maps each input, a FHIR document, to its
// case with map_fhir (tools/fhir/fhir_mapper.hpp), handing every issue to the front end.
#pragma once

#include <functional>

#include "tools/eval/case_blocks.hpp"
#include "tools/fhir/fhir_mapper.hpp"

namespace redflag::tools::fhir {

// Called for each issue of input [input] (an index into the inputs), in document order.
using IssueSink = std::function<void(std::uint32_t input, const FhirIssue& issue)>;

// A translator for [image] (which must outlive it) with [options], reporting to [sink].
CaseTranslator fhir_translator(const Image& image, FhirOptions options, IssueSink sink);

}  // namespace redflag::tools::fhir
