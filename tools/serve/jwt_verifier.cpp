#include "tools/serve/jwt_verifier.hpp"

#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <simdjson.h>

#include <algorithm>

#include "tools/json_member.hpp"
#include "tools/serve/base64url.hpp"

namespace redflag::tools::serve {

namespace {

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

JwtVerifier::JwtVerifier(std::shared_ptr<JwksSource> keys, JwtPolicy policy)
    : keys_(std::move(keys)), policy_(std::move(policy)) {}

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
  std::shared_ptr<const JwkSet> keys = keys_->keys();  // held until this token is judged
  const JwkSet::Key* key = keys->find(kty, kid);
  if (key == nullptr) {
    std::string why;
    keys = keys_->keys_after_unknown_kid(kid, now, why);
    key = keys->find(kty, kid);
    if (key == nullptr) return "no key for kid " + std::string(kid) + (why.empty() ? "" : " (" + why + ")");
  }
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
