// The two CDS Hooks endpoints of one KB without HTTP and at an instant the caller names, for
// the golden tests of real FHIR bundles (tests/cli/fhir_goldens_test.py).
//
// `redflag serve` reads the clock for "now", so its cards for a bundle change as the bundle ages
// out of its `latest within 24 h` windows; this driver calls the same tools/cds/cds_service.hpp
// with "now" pinned. It is a test tool, not a front end: no JWT, no fetching, no limits.
//
// usage: cds_hooks_driver KB                 the service's discovery entry (GET /cds-services)
//        cds_hooks_driver KB NOW < REQUEST   the call's HTTP status, a newline, then its body
//                                            (POST /cds-services/{id}), or for a refusal the
//                                            reason serve would log; NOW a FHIR dateTime
#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>

#include "tools/cds/cds_service.hpp"
#include "tools/fhir/fhir_time.hpp"
#include "tools/kb/kb_loader.hpp"

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::fputs("usage: cds_hooks_driver KB [NOW < REQUEST]\n", stderr);
    return 2;
  }
  const auto kb = redflag::tools::load_kb({argv[1]});
  if (!kb.ok()) {
    std::fprintf(stderr, "%s cannot be loaded\n", argv[1]);
    return 1;
  }
  const redflag::tools::cds::CdsService service(*kb.image, "patient-view");
  if (argc == 2) {
    std::cout << service.discovery_entry() << '\n';
    return 0;
  }
  const auto now = redflag::tools::fhir::parse_fhir_time(argv[2]);
  if (!now) {
    std::fprintf(stderr, "%s is not a FHIR dateTime\n", argv[2]);
    return 2;
  }
  const std::string request(std::istreambuf_iterator<char>(std::cin), {});
  const auto response = service.call(request, *now);
  std::cout << response.status << '\n' << (response.body.empty() ? response.reason : response.body) << '\n';
  return 0;
}
