// A FHIR R4 Questionnaire for a KB (`redflag questionnaire KB`, docs/fhir.md): one item per
// fact, linkId the fact's name, text its `ask` (else its `means`, else its name), the type from
// the fact's type (boolean, decimal, integer, quantity with the `questionnaire-unit` extension,
// choice with the enum values, string), ranges as `minValue`/`maxValue`, and the codes of the
// fact's Observation bindings as the item's `code`. The KB's id, version and content hash are
// carried, so a QuestionnaireResponse to it can be traced to the exact rules; such a response
// is a valid `eval --input-format fhir` input (tools/fhir/fhir_mapper.hpp).
#pragma once

#include <string>

#include "runtime/image.hpp"

namespace redflag::tools::fhir {

// The Questionnaire for [image] as indented JSON, ending with a newline.
std::string questionnaire_json(const Image& image);

// [kb_id] as a FHIR `id` (letters, digits, `-` and `.`, at most 64): `_` becomes `-`.
std::string fhir_id(const std::string& kb_id);

}  // namespace redflag::tools::fhir
