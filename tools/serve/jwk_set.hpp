// A JWK Set (RFC 7517 §5) as the service uses it: the EC P-384 and RSA public keys it holds,
// parsed once into OpenSSL keys. A key of any other kind (oct, OKP, another curve) is skipped,
// not refused: an EHR may publish keys that are not for us. Immutable once parsed, so the
// requests that hold a set keep it while a newer one replaces it (tools/serve/jwks_source.hpp).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct evp_pkey_st;  // OpenSSL's EVP_PKEY

namespace redflag::tools::serve {

class JwkSet {
 public:
  struct Key {
    std::string kid, kty;  // kty "EC" (always P-384) or "RSA"
    evp_pkey_st* pkey = nullptr;
    Key() = default;
    Key(const Key&) = delete;
    Key& operator=(const Key&) = delete;
    ~Key();
  };

  // The set [json] holds; null with [error] when it is not JSON, not a JWK Set, or has no
  // usable key.
  static std::shared_ptr<const JwkSet> parse(std::string_view json, std::string& error);

  // The key of type [kty] named [kid] (any key of that type when [kid] is empty; the last one
  // listed wins); null when there is none.
  const Key* find(std::string_view kty, std::string_view kid) const;
  std::size_t size() const { return keys_.size(); }

 private:
  std::vector<std::unique_ptr<Key>> keys_;
};

}  // namespace redflag::tools::serve
