// FHIR R4 input as a redflag case: the facts a document carries, by the KB's `fhir` bindings
// (the image's FHIR section, docs/fhir.md), written as the case JSON of docs/cases.md so that
// the case reader checks types, units and ranges exactly as for any other case.
//
// A document is a Bundle (searchset, collection, transaction, ...), a QuestionnaireResponse, a
// CDS Hooks request (its `prefetch` values, each a resource or a Bundle), or one resource. What
// the document does not carry stays out of the case, so it is unknown, never false. Every
// resource that maps to no fact, and every value that does not fit its fact, is an issue with
// the path of the offending element (`Bundle.entry[3].resource.valueQuantity.code`); the fact
// it concerns stays unknown.
//
// Choosing among several resources for one fact follows the KB: Observations by `latest`
// (the most recent effective time) within the binding's look-back window; Conditions make a bool
// fact true when any matching one holds (false when all are refuted, or not current for a
// `current` binding); a questionnaire answer outranks coded data. Reads no clock and no files.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/image.hpp"

namespace redflag::tools::fhir {

// One thing in the document that did not become a fact value.
struct FhirIssue {
  std::string path;     // FHIRPath-like: `Bundle.entry[3].resource.valueQuantity.code`
  std::string message;  // what and why, naming the fact when there is one
};

struct FhirCase {
  std::string error;  // the document is not JSON, or not a FHIR document: no case
  std::string json;   // the case (docs/cases.md), one line
  std::vector<FhirIssue> issues;
  std::vector<std::uint32_t> facts;  // the facts the case gives, ascending
};

struct FhirOptions {
  std::int64_t now = 0;  // seconds since the epoch: look-back windows and ages end here
};

// Maps [document] to a case of [image]'s facts.
FhirCase map_fhir(const Image& image, std::string_view document, const FhirOptions& options);

}  // namespace redflag::tools::fhir
