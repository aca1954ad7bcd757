// Verifying the JWT an EHR sends with every CDS Hooks request (CDS Hooks 2.0 "Trusting CDS
// Clients"), with OpenSSL 3, against the JWK Set of a JwksSource (tools/serve/jwks_source.hpp).
//
// Accepted: ES384 (an EC P-384 key; the signature is R||S, 96 bytes) and RS384 (an RSA key).
// Refused: `none`, every symmetric algorithm (HS256 ...) and anything else. Then the claims:
// `iss` in the allow-list, `aud` exactly the service's URL (a string, or an array holding it),
// `exp` not passed and `iat` not in the future (each with [leeway] seconds), and a `jti` not
// seen before within the token's lifetime (a replay cache, pruned as tokens expire). The
// reason a token is refused is for the log; the HTTP answer is a bare 401. A token whose kid
// the set lacks makes the source read the set again (rate-limited there) before it is refused.
// The clock is passed in, so tests can replay the spec's token of 2015.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "tools/serve/jwks_source.hpp"

namespace redflag::tools::serve {

struct JwtPolicy {
  std::vector<std::string> issuers;  // `iss` allow-list
  std::int64_t leeway = 60;          // seconds of clock skew tolerated for exp and iat
};

class JwtVerifier {
 public:
  // Verifies with the keys of [keys], which has loaded them.
  JwtVerifier(std::shared_ptr<JwksSource> keys, JwtPolicy policy);

  // Empty when [token] (compact JWS) is valid for audience [audience] at [now] (seconds since
  // the epoch); else why not. A valid token's jti is remembered until it expires.
  std::string verify(std::string_view token, const std::string& audience, std::int64_t now);

 private:
  std::shared_ptr<JwksSource> keys_;
  JwtPolicy policy_;
  std::mutex replay_mutex_;
  std::map<std::string, std::int64_t> seen_;  // jti -> exp
};

}  // namespace redflag::tools::serve
