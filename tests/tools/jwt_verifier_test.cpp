// JwtVerifier (tools/serve/jwt_verifier.hpp) on the CDS Hooks 2.0 specification's ES384 token
// and JWK Set (tests/data/cds-hooks/README.md), at instants before and after its expiry; the
// JWK Set parser; and JwksSource with a file: reading it again for an unknown kid, rate-limited,
// and the locations it refuses before reading (its URLs are tested in tests/cli/serve_jwks_test.py).
#include <catch2/catch.hpp>
#include <unistd.h>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>

#include "tools/serve/base64url.hpp"
#include "tools/serve/jwt_verifier.hpp"

namespace {

using redflag::tools::serve::base64url_decode;
using redflag::tools::serve::JwkSet;
using redflag::tools::serve::JwksSettings;
using redflag::tools::serve::JwksSource;
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

constexpr std::int64_t kLoaded = kBeforeExpiry - 3600;  // when the tests' sources first read their file

// A source of the JWK Set in [file], loaded at kLoaded.
std::shared_ptr<JwksSource> loaded_source(const std::string& file, std::int64_t min_interval = 30) {
  JwksSettings settings;
  settings.location = file;
  settings.min_interval = min_interval;
  auto source = std::make_shared<JwksSource>(settings);
  std::string error;
  REQUIRE(source->load(kLoaded, error));
  return source;
}

std::unique_ptr<JwtVerifier> spec_verifier(std::vector<std::string> issuers = {kIssuer}) {
  return std::make_unique<JwtVerifier>(loaded_source(std::string(REDFLAG_TEST_DATA) + "/cds-hooks/jwks_example_public.json"),
                                       JwtPolicy{std::move(issuers), 0});
}

// Why a source of [settings] cannot load.
std::string load_error(JwksSettings settings) {
  JwksSource source(std::move(settings));
  std::string error;
  CHECK_FALSE(source.load(kLoaded, error));
  CHECK(source.keys() == nullptr);
  return error;
}

// A file in the temporary directory holding [text], removed with the object.
struct TempFile {
  std::string path = (std::filesystem::temp_directory_path() / ("jwt_verifier_test_" + std::to_string(::getpid()))).string();
  void write(const std::string& text) const { std::ofstream(path, std::ios::trunc) << text; }
  ~TempFile() { std::filesystem::remove(path); }
};

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

TEST_CASE("a JWK Set that is not JSON, not a set, or without a usable key; base64url edge cases") {
  std::string error;
  CHECK(JwkSet::parse(R"({"keys":[{"kty":"oct","k":"c2VjcmV0"}]})", error) == nullptr);
  CHECK(error == "no EC P-384 or RSA public key in the JWK Set");
  CHECK(JwkSet::parse("[]", error) == nullptr);
  CHECK(error == "not a JWK Set (a JSON object with `keys`)");
  CHECK(JwkSet::parse("{\"keys\": [", error) == nullptr);
  CHECK(error == "not JSON");
  const auto spec = JwkSet::parse(read("jwks_example_public.json"), error);
  REQUIRE(spec != nullptr);
  CHECK(spec->size() == 1);
  CHECK(spec->find("EC", "") == spec->find("EC", "example-kid"));
  CHECK(spec->find("RSA", "") == nullptr);
  std::string out;
  CHECK(base64url_decode("aGk", out));
  CHECK(out == "hi");
  CHECK_FALSE(base64url_decode("aGk=", out));
  CHECK_FALSE(base64url_decode("a", out));
}

TEST_CASE("a kid the set lacks reads the file again, at most once every min_interval seconds") {
  const std::string spec_keys = read("jwks_example_public.json");
  std::string renamed = spec_keys;
  renamed.replace(renamed.find("example-kid"), 11, "retired-kid");
  const TempFile file;
  file.write(renamed);
  JwtVerifier verifier(loaded_source(file.path, 30), JwtPolicy{{kIssuer}, 0});
  const std::string token = read("jwt_es384_example.txt");  // its kid is example-kid
  file.write(spec_keys);                                     // the EHR rotates to example-kid
  CHECK(verifier.verify(token, kAudience, kLoaded + 29) ==
        "no key for kid example-kid (the JWKS is read again at most every 30 s)");
  CHECK(verifier.verify(token, kAudience, kBeforeExpiry) == "");  // 3600 s later: read again, found
  file.write(renamed);
  CHECK(verifier.verify(token, kAudience, kBeforeExpiry) == "jti replayed");  // the set read stays in use
}

TEST_CASE("a read that fails keeps the keys in use and says why") {
  const TempFile file;
  file.write(read("jwks_example_public.json"));
  const auto source = loaded_source(file.path, 0);
  const auto before = source->keys();
  file.write("{");
  std::string why;
  CHECK(source->keys_after_unknown_kid("other", kLoaded, why) == before);
  CHECK(why == "the JWKS cannot be read again: not JSON");
  std::filesystem::remove(file.path);
  source->reload(kLoaded);
  CHECK(source->keys() == before);
  CHECK(source->keys_after_unknown_kid("other", kLoaded, why) == before);
  CHECK(why == "the JWKS cannot be read again: cannot be read");
}

TEST_CASE("verifying while the set is swapped never finds it missing") {
  const auto source = loaded_source(std::string(REDFLAG_TEST_DATA) + "/cds-hooks/jwks_example_public.json");
  JwtVerifier verifier(source, JwtPolicy{{kIssuer}, 0});
  const std::string token = read("jwt_es384_example.txt");
  std::thread swapper([&source] {
    for (int i = 0; i < 200; ++i) source->reload(kLoaded);
  });
  std::vector<std::string> reasons;
  for (int i = 0; i < 200; ++i) reasons.push_back(verifier.verify(token, kAudience, kBeforeExpiry));
  swapper.join();
  CHECK(reasons.front() == "");
  CHECK(std::count(reasons.begin(), reasons.end(), "jti replayed") == 199);
}

TEST_CASE("locations refused before anything is read") {
  JwksSettings settings;
  settings.location = "/nonexistent/jwks.json";
  CHECK(load_error(settings) == "cannot be read");
  settings.location = "http://ehr.example.com/jwks.json";
  CHECK(load_error(settings) == "http:// is only for a loopback host (127.0.0.1, [::1], localhost); use https://");
  settings.location = "ftp://ehr.example.com/jwks.json";
  CHECK(load_error(settings) == "not a file or an https:// URL");
  settings.location = "https://user@ehr.example.com/jwks.json";
  CHECK(load_error(settings) == "not a file or an https:// URL");
  settings.location = "https:///jwks.json";
  CHECK(load_error(settings) == "not a file or an https:// URL");
  settings.location = "http://127.0.0.1:1/jwks.json";
  settings.ca_file = "ca.pem";
  CHECK(load_error(settings) == "--jwks-ca is for an https:// URL");
  settings.location = "keys.json";
  CHECK(load_error(settings) == "--jwks-ca is for an https:// URL");
}
