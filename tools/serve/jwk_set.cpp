#include "tools/serve/jwk_set.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <simdjson.h>

#include "tools/json_member.hpp"
#include "tools/serve/base64url.hpp"

namespace redflag::tools::serve {

JwkSet::Key::~Key() { EVP_PKEY_free(pkey); }

namespace {

// An EVP_PKEY of [type] ("EC", "RSA") from the parameters [build] collected; null on failure.
EVP_PKEY* key_from(const char* type, OSSL_PARAM_BLD* build) {
  EVP_PKEY* pkey = nullptr;
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(build);
  EVP_PKEY_CTX* context = EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr);
  if (params != nullptr && context != nullptr && EVP_PKEY_fromdata_init(context) == 1) {
    if (EVP_PKEY_fromdata(context, &pkey, EVP_PKEY_PUBLIC_KEY, params) != 1) pkey = nullptr;
  }
  EVP_PKEY_CTX_free(context);
  OSSL_PARAM_free(params);
  return pkey;
}

// An EC P-384 or RSA public key from one JWK; null when it is neither or is malformed.
EVP_PKEY* public_key(simdjson::dom::element jwk) {
  const std::string_view kty = text_at(jwk, "kty");
  OSSL_PARAM_BLD* build = OSSL_PARAM_BLD_new();
  EVP_PKEY* pkey = nullptr;
  std::string a, b;
  if (kty == "EC" && text_at(jwk, "crv") == "P-384" && base64url_decode(text_at(jwk, "x"), a) &&
      base64url_decode(text_at(jwk, "y"), b) && a.size() == 48 && b.size() == 48) {
    const std::string point = std::string(1, '\x04') + a + b;
    OSSL_PARAM_BLD_push_utf8_string(build, OSSL_PKEY_PARAM_GROUP_NAME, "secp384r1", 0);
    OSSL_PARAM_BLD_push_octet_string(build, OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size());
    pkey = key_from("EC", build);
  } else if (kty == "RSA" && base64url_decode(text_at(jwk, "n"), a) && base64url_decode(text_at(jwk, "e"), b)) {
    BIGNUM* n = BN_bin2bn(reinterpret_cast<const unsigned char*>(a.data()), static_cast<int>(a.size()), nullptr);
    BIGNUM* e = BN_bin2bn(reinterpret_cast<const unsigned char*>(b.data()), static_cast<int>(b.size()), nullptr);
    OSSL_PARAM_BLD_push_BN(build, OSSL_PKEY_PARAM_RSA_N, n);
    OSSL_PARAM_BLD_push_BN(build, OSSL_PKEY_PARAM_RSA_E, e);
    pkey = key_from("RSA", build);
    BN_free(n);
    BN_free(e);
  }
  OSSL_PARAM_BLD_free(build);
  return pkey;
}

}  // namespace

std::shared_ptr<const JwkSet> JwkSet::parse(std::string_view json, std::string& error) {
  simdjson::dom::parser parser;
  const simdjson::padded_string padded(json);
  simdjson::dom::element document;
  if (parser.parse(padded).get(document) != simdjson::SUCCESS) {
    error = "not JSON";
    return nullptr;
  }
  simdjson::dom::array list;
  if (document["keys"].get(list) != simdjson::SUCCESS) {
    error = "not a JWK Set (a JSON object with `keys`)";
    return nullptr;
  }
  auto set = std::make_shared<JwkSet>();
  for (simdjson::dom::element jwk : list) {
    EVP_PKEY* pkey = public_key(jwk);
    if (pkey == nullptr) continue;  // a key of another kind (or use) is not ours to judge
    auto key = std::make_unique<Key>();
    key->kid = std::string(text_at(jwk, "kid"));
    key->kty = std::string(text_at(jwk, "kty"));
    key->pkey = pkey;
    set->keys_.push_back(std::move(key));
  }
  if (set->keys_.empty()) {
    error = "no EC P-384 or RSA public key in the JWK Set";
    return nullptr;
  }
  return set;
}

const JwkSet::Key* JwkSet::find(std::string_view kty, std::string_view kid) const {
  const Key* found = nullptr;
  for (const auto& candidate : keys_) {
    if (candidate->kty == kty && (kid.empty() || candidate->kid == kid)) found = candidate.get();
  }
  return found;
}

}  // namespace redflag::tools::serve
