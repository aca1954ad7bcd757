#include "tools/fhir/fhir_input.hpp"

namespace redflag::tools::fhir {

CaseTranslator fhir_translator(const Image& image, FhirOptions options, IssueSink sink) {
  return [&image, options, sink = std::move(sink)](std::string_view document, std::uint32_t input, std::string& error) {
    FhirCase mapped = map_fhir(image, document, options);
    for (const FhirIssue& issue : mapped.issues) sink(input, issue);
    error = std::move(mapped.error);
    return std::move(mapped.json);
  };
}

}  // namespace redflag::tools::fhir
