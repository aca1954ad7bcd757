// JwtVerifier (tools/serve/jwt_verifier.hpp) on the CDS Hooks 2.0 specification's ES384 token
// and JWK Set (tests/data/cds-hooks/README.md), at instants before and after its expiry.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "tools/serve/jwt_verifier.hpp"

namespace {

using redflag::tools::serve::base64url_decode;
using redflag::tools::serve::JwtPolicy;
using redflag::tools::serve::JwtVerifier;

std::string read(const std::string& name) {
  std::ifstream in(std::string(REDFLAG_TEST_DATA) + "/cds-hooks/" + name);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

const std::string kAudience = "https://cds.example.org/cds-services/some-service";
const std::string kIssuer = "https://fhir-ehr.example.com/";
constexpr std::int64_t kBeforeExpiry = 1422568800;  // exp is 1422568860

std::unique_ptr<JwtVerifier> spec_verifier(std::vector<std::string> issuers = {kIssuer}) {
  std::string error;
  auto verifier = std::make_unique<JwtVerifier>(read("jwks_example_public.json"), JwtPolicy{std::move(issuers), 0}, error);
  REQUIRE(error == "");
  return verifier;
}

// The token with its header replaced by [header] (JSON), signature kept.
std::string with_header(const std::string& token, const std::string& header) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string encoded;
  std::uint32_t bits = 0;
  int count = 0;
  for (const unsigned char c : header) {
    bits = (bits << 8) | c;
    count += 8;
    while (count >= 6) encoded += kAlphabet[(bits >> (count -= 6)) & 63];
  }
  if (count > 0) encoded += kAlphabet[(bits << (6 - count)) & 63];
  return encoded + token.substr(token.find('.'));
}

}  // namespace

TEST_CASE("the spec's ES384 token verifies against its JWK Set before it expires, once") {
  const auto verifier = spec_verifier();
  const std::string token = read("jwt_es384_example.txt");
  CHECK(verifier->verify(token, kAudience, kBeforeExpiry) == "");
  CHECK(verifier->verify(token, kAudience, kBeforeExpiry) == "jti replayed");
}

TEST_CASE("the spec's token is refused when expired, for another audience or issuer, or altered") {
  const std::string token = read("jwt_es384_example.txt");
  CHECK(spec_verifier()->verify(token, kAudience, 1422568861) == "expired or no exp");
  CHECK(spec_verifier()->verify(token, kAudience + "x", kBeforeExpiry) == "wrong audience");
  CHECK(spec_verifier({"https://other.example.com/"})->verify(token, kAudience, kBeforeExpiry) == "issuer not allowed");
  CHECK(spec_verifier()->verify(token, kAudience, 1311280970 - 1) == "issued in the future or no iat");
  std::string altered = token;
  altered[altered.size() - 5] = altered[altered.size() - 5] == 'A' ? 'B' : 'A';
  CHECK(spec_verifier()->verify(altered, kAudience, kBeforeExpiry) == "bad signature");
  CHECK(spec_verifier()->verify(token.substr(0, token.rfind('.')), kAudience, kBeforeExpiry) == "not a compact JWS");
}

TEST_CASE("alg none, HS256 and unknown keys are refused") {
  const std::string token = read("jwt_es384_example.txt");
  CHECK(spec_verifier()->verify(with_header(token, R"({"alg":"none","typ":"JWT"})"), kAudience, kBeforeExpiry) ==
        "algorithm none refused");
  CHECK(spec_verifier()->verify(with_header(token, R"({"alg":"HS256","typ":"JWT"})"), kAudience, kBeforeExpiry) ==
        "algorithm HS256 refused");
  CHECK(spec_verifier()->verify(with_header(token, R"({"alg":"RS384","kid":"example-kid"})"), kAudience,
                               kBeforeExpiry) == "no key for kid example-kid");
  CHECK(spec_verifier()->verify(with_header(token, R"({"alg":"ES384","kid":"other"})"), kAudience, kBeforeExpiry) ==
        "no key for kid other");
}

TEST_CASE("a JWK Set without a usable key, and base64url edge cases") {
  std::string error;
  JwtVerifier none(R"({"keys":[{"kty":"oct","k":"c2VjcmV0"}]})", JwtPolicy{}, error);
  CHECK(error == "no EC P-384 or RSA public key in the JWK Set");
  JwtVerifier broken("[]", JwtPolicy{}, error);
  CHECK(error == "not a JWK Set (a JSON object with `keys`)");
  std::string out;
  CHECK(base64url_decode("aGk", out));
  CHECK(out == "hi");
  CHECK_FALSE(base64url_decode("aGk=", out));
  CHECK_FALSE(base64url_decode("a", out));
}
