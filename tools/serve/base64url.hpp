// base64url (RFC 4648 §5, no padding), the encoding of every JWS part and of JWK key material.
// Only decoding: the service reads tokens and keys, it never writes them.
#pragma once

#include <string>
#include <string_view>

namespace redflag::tools::serve {

// [text] decoded from base64url into [out]; false when it is not base64url.
bool base64url_decode(std::string_view text, std::string& out);

}  // namespace redflag::tools::serve
