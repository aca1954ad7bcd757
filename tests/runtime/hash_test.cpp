// CRC-32 and SHA-256 against their published test vectors.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "runtime/crc32.hpp"
#include "runtime/sha256.hpp"

namespace redflag {
namespace {

const std::uint8_t* bytes_of(const std::string& text) { return reinterpret_cast<const std::uint8_t*>(text.data()); }

std::string sha256_hex(const std::string& text) { return to_hex(sha256(bytes_of(text), text.size())); }

TEST_CASE("CRC-32 check value of \"123456789\"") {
  const std::string text = "123456789";
  CHECK(crc32(bytes_of(text), text.size()) == 0xCBF43926u);
  CHECK(crc32(nullptr, 0) == 0u);
}

TEST_CASE("CRC-32 of a longer text, whole and split at every byte (eight bytes at a time and the rest)") {
  const std::string text = "The quick brown fox jumps over the lazy dog";
  CHECK(crc32(bytes_of(text), text.size()) == 0x414FA339u);
  for (std::size_t split = 0; split <= text.size(); ++split) {
    CAPTURE(split);
    CHECK(crc32(bytes_of(text) + split, text.size() - split, crc32(bytes_of(text), split)) == 0x414FA339u);
  }
}

TEST_CASE("CRC-32 continues across pieces") {
  const std::string text = "123456789";
  const std::uint32_t head = crc32(bytes_of(text), 4);
  CHECK(crc32(bytes_of(text) + 4, 5, head) == 0xCBF43926u);
}

TEST_CASE("SHA-256 FIPS 180-2 vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("SHA-256 of one million 'a' (multi-block, padding into a second block)") {
  const std::string text(1000000, 'a');
  CHECK(sha256_hex(text) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 padding boundaries at 55, 56 and 64 bytes") {
  // Known digests computed with coreutils sha256sum.
  CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

}  // namespace
}  // namespace redflag
