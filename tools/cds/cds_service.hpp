// One KB as a CDS Hooks 2.0 service (docs/cds-hooks.md): its discovery entry, with prefetch
// templates derived from the KB's FHIR bindings, and the answer to a service call, the cards.
//
// A call's prefetch is mapped to a case by tools/fhir/fhir_mapper.hpp and evaluated; each fired
// flag becomes a card, and one more card lists the undetermined flags with the facts that would
// settle them, ranked as `eval --ask` ranks them. Every card carries the KB's id, version and
// content hash. No HTTP here, no clock (the caller passes "now"), no logging: the front end
// (cli/verb_serve.cpp) does those. Safe to call from several threads at once.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "runtime/image.hpp"
#include "runtime/vm.hpp"
#include "tools/cds/spare_pool.hpp"

namespace redflag::tools::cds {

// What a service call answers: an HTTP status and a JSON body ("" for 412 and 400 detail-free).
struct CdsResponse {
  int status = 200;
  std::string body;
  std::string reason;  // for the log, never sent: why the call was refused
  std::string patient;  // the case's id (the patient), for a --log-phi log only
};

// Fetches [url] (a FHIR read or search) with the bearer [token]; the response body, or nullopt
// when the server does not answer 200. The HTTP front end supplies it.
using FhirFetcher = std::function<std::optional<std::string>(const std::string& url, const std::string& token)>;

class CdsService {
 public:
  // [image] must outlive the service. [hook] is the CDS hook it answers (`patient-view`).
  CdsService(const Image& image, std::string hook);
  ~CdsService();

  const std::string& id() const { return id_; }
  // The service's entry of GET /cds-services, one JSON object.
  std::string discovery_entry() const;
  // The prefetch templates by key ("observations" ...), as discovery lists them.
  const std::vector<std::pair<std::string, std::string>>& prefetch() const { return prefetch_; }
  // Answers POST /cds-services/{id} with [body] at instant [now] (seconds since the epoch).
  // A prefetch key the request lacks is fetched with [fetch] from its `fhirServer` with its
  // `fhirAuthorization` token; when that is not possible, the answer is 412.
  CdsResponse call(std::string_view body, std::int64_t now, const FhirFetcher& fetch = {}) const;

 private:
  // Fetches the prefetch keys [request] lacks; the request with all of them as JSON text, ""
  // when nothing was missing, or sets [response] to 412.
  std::string fetch_missing(simdjson::dom::element request, const FhirFetcher& fetch, CdsResponse& response) const;

  // What a call builds and the next call reuses: its parser, case reader, evaluation and ranker.
  struct Scratch;

  const Image& image_;
  Program program_;
  std::string id_, hook_;
  std::vector<std::pair<std::string, std::string>> prefetch_;
  // The JSON of each flag's card after its uuid, and the undetermined card's source: written
  // once, since only the uuid depends on the request.
  std::vector<std::string> cards_;
  std::string undetermined_source_;
  mutable SparePool<Scratch> scratch_;  // one per call in flight at most
};

// The whole discovery document for [services].
std::string discovery_json(const std::vector<const CdsService*>& services);

}  // namespace redflag::tools::cds
