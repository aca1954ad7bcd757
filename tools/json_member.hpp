// Reading a string member of a parsed simdjson DOM object: what the FHIR mapper, the JWT
// verifier and the JWK Set reader look up in their documents.
#pragma once

#include <simdjson.h>

#include <string_view>

namespace redflag::tools {

// The string at [key] of [object]; empty when it is absent or not a string.
inline std::string_view text_at(simdjson::dom::element object, std::string_view key) {
  std::string_view text;
  return object[key].get(text) == simdjson::SUCCESS ? text : std::string_view();
}

}  // namespace redflag::tools
