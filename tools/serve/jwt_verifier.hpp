// Verifying the JWT an EHR sends with every CDS Hooks request (CDS Hooks 2.0 "Trusting CDS
// Clients"), with OpenSSL 3, against a JWKS.
//
// Accepted: ES384 (an EC P-384 key; the signature is R||S, 96 bytes) and RS384 (an RSA key).
// Refused: `none`, every symmetric algorithm (HS256 ...) and anything else. Then the claims:
// `iss` in the allow-list, `aud` exactly the service's URL (a string, or an array holding it),
// `exp` not passed and `iat` not in the future (each with [leeway] seconds), and a `jti` not
// seen before within the token's lifetime (a replay cache, pruned as tokens expire). The
// reason a token is refused is for the log; the HTTP answer is a bare 401. The clock is passed
// in, so tests can replay the spec's token of 2015.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace redflag::tools::serve {

struct JwtPolicy {
  std::vector<std::string> issuers;  // `iss` allow-list
  std::int64_t leeway = 60;          // seconds of clock skew tolerated for exp and iat
};

class JwtVerifier {
 public:
  // The keys of the JWK Set [jwks] (JSON); [error] says why it cannot be used, and then there
  // are no keys.
  JwtVerifier(std::string_view jwks, JwtPolicy policy, std::string& error);
  ~JwtVerifier();

  // Empty when [token] (compact JWS) is valid for audience [audience] at [now] (seconds since
  // the epoch); else why not. A valid token's jti is remembered until it expires.
  std::string verify(std::string_view token, const std::string& audience, std::int64_t now);

 private:
  struct Key;
  std::vector<std::unique_ptr<Key>> keys_;
  JwtPolicy policy_;
  std::mutex replay_mutex_;
  std::map<std::string, std::int64_t> seen_;  // jti -> exp
};

// [text] decoded from base64url (RFC 4648 §5, no padding); false when it is not base64url.
bool base64url_decode(std::string_view text, std::string& out);

}  // namespace redflag::tools::serve
