#include "tools/serve/jwt_verifier.hpp"

#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <simdjson.h>

#include <algorithm>

namespace redflag::tools::serve {

bool base64url_decode(std::string_view text, std::string& out) {
  out.clear();
  std::uint32_t bits = 0;
  int count = 0;
  for (const char c : text) {
    int value = -1;
    if (c >= 'A' && c <= 'Z') value = c - 'A';
    else if (c >= 'a' && c <= 'z') value = c - 'a' + 26;
    else if (c >= '0' && c <= '9') value = c - '0' + 52;
    else if (c == '-') value = 62;
    else if (c == '_') value = 63;
    if (value < 0) return false;
    bits = (bits << 6) | static_cast<std::uint32_t>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out.push_back(static_cast<char>((bits >> count) & 0xFF));
    }
  }
  return count < 6;  // a lone trailing character carries no whole byte
}

struct JwtVerifier::Key {
  std::string kid, kty;
  EVP_PKEY* pkey = nullptr;
  ~Key() { EVP_PKEY_free(pkey); }
};

namespace {

std::string_view text_at(simdjson::dom::element object, std::string_view key) {
  std::string_view text;
  return object[key].get(text) == simdjson::SUCCESS ? text : std::string_view();
}

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

// ES384's R||S (96 bytes) as the DER ECDSA-Sig-Value OpenSSL verifies; empty when not 96 bytes.
std::string der_signature(const std::string& raw) {
  if (raw.size() != 96) return {};
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  ECDSA_SIG* sig = ECDSA_SIG_new();
  ECDSA_SIG_set0(sig, BN_bin2bn(bytes, 48, nullptr), BN_bin2bn(bytes + 48, 48, nullptr));
  unsigned char* der = nullptr;
  const int size = i2d_ECDSA_SIG(sig, &der);
  std::string out = size > 0 ? std::string(reinterpret_cast<char*>(der), static_cast<std::size_t>(size)) : std::string();
  OPENSSL_free(der);
  ECDSA_SIG_free(sig);
  return out;
}

bool signature_holds(EVP_PKEY* pkey, std::string_view signed_part, const std::string& signature) {
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  const bool ok = context != nullptr && EVP_DigestVerifyInit(context, nullptr, EVP_sha384(), nullptr, pkey) == 1 &&
                  EVP_DigestVerify(context, reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                                   reinterpret_cast<const unsigned char*>(signed_part.data()), signed_part.size()) == 1;
  EVP_MD_CTX_free(context);
  return ok;
}

}  // namespace

JwtVerifier::JwtVerifier(std::string_view jwks, JwtPolicy policy, std::string& error) : policy_(std::move(policy)) {
  simdjson::dom::parser parser;
  const simdjson::padded_string padded(jwks);
  simdjson::dom::array list;
  if (parser.parse(padded)["keys"].get(list) != simdjson::SUCCESS) {
    error = "not a JWK Set (a JSON object with `keys`)";
    return;
  }
  for (simdjson::dom::element jwk : list) {
    EVP_PKEY* pkey = public_key(jwk);
    if (pkey == nullptr) continue;  // a key of another kind (or use) is not ours to judge
    auto key = std::make_unique<Key>();
    key->kid = std::string(text_at(jwk, "kid"));
    key->kty = std::string(text_at(jwk, "kty"));
    key->pkey = pkey;
    keys_.push_back(std::move(key));
  }
  if (keys_.empty()) error = "no EC P-384 or RSA public key in the JWK Set";
}

JwtVerifier::~JwtVerifier() = default;

std::string JwtVerifier::verify(std::string_view token, const std::string& audience, std::int64_t now) {
  const std::size_t first = token.find('.');
  const std::size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) return "not a compact JWS";
  std::string header_text, payload_text, signature;
  if (!base64url_decode(token.substr(0, first), header_text) ||
      !base64url_decode(token.substr(first + 1, second - first - 1), payload_text) ||
      !base64url_decode(token.substr(second + 1), signature)) {
    return "not base64url";
  }
  simdjson::dom::parser header_parser, payload_parser;
  const simdjson::padded_string header_padded(header_text), payload_padded(payload_text);
  simdjson::dom::element header, payload;
  if (header_parser.parse(header_padded).get(header) != simdjson::SUCCESS ||
      payload_parser.parse(payload_padded).get(payload) != simdjson::SUCCESS) {
    return "header or payload is not JSON";
  }
  const std::string_view alg = text_at(header, "alg");
  if (alg != "ES384" && alg != "RS384") return "algorithm " + std::string(alg) + " refused";
  const std::string_view kty = alg == "ES384" ? "EC" : "RSA";
  const std::string_view kid = text_at(header, "kid");
  const Key* key = nullptr;
  for (const auto& candidate : keys_) {
    if (candidate->kty == kty && (kid.empty() || candidate->kid == kid)) key = candidate.get();
  }
  if (key == nullptr) return "no key for kid " + std::string(kid);
  const std::string checked = alg == "ES384" ? der_signature(signature) : signature;
  if (checked.empty() || !signature_holds(key->pkey, token.substr(0, second), checked)) return "bad signature";

  const std::string iss(text_at(payload, "iss"));
  if (std::find(policy_.issuers.begin(), policy_.issuers.end(), iss) == policy_.issuers.end()) return "issuer not allowed";
  bool audience_ok = text_at(payload, "aud") == audience;
  simdjson::dom::array audiences;
  if (payload["aud"].get(audiences) == simdjson::SUCCESS) {
    for (simdjson::dom::element entry : audiences) audience_ok = audience_ok || entry.get_string().value_unsafe() == audience;
  }
  if (!audience_ok) return "wrong audience";
  std::int64_t exp = 0, iat = 0;
  if (payload["exp"].get(exp) != simdjson::SUCCESS || exp + policy_.leeway < now) return "expired or no exp";
  if (payload["iat"].get(iat) != simdjson::SUCCESS || iat > now + policy_.leeway) return "issued in the future or no iat";
  const std::string jti(text_at(payload, "jti"));
  if (jti.empty()) return "no jti";
  const std::lock_guard<std::mutex> lock(replay_mutex_);
  for (auto it = seen_.begin(); it != seen_.end();) it = it->second + policy_.leeway < now ? seen_.erase(it) : std::next(it);
  if (!seen_.emplace(jti, exp).second) return "jti replayed";
  return {};
}

}  // namespace redflag::tools::serve
