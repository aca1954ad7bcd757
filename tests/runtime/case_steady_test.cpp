// The case reader's steady state: once the longest case has been read, reading case after
// case allocates nothing. Counts every global operator new in this test binary.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

#include "runtime/cases/case_reader.hpp"
#include "tests/runtime/case_facts.hpp"

namespace {
std::atomic<long> allocations{0};
}  // namespace

// GCC sees std::free in a replacement operator delete and warns of a mismatch; operator new
// below allocates with std::malloc, so the pair matches.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

// Every plain form is replaced (simdjson allocates with the nothrow one), so that each delete
// meets the malloc of its new, sanitizers included.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  ++allocations;
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new(std::size_t size) {
  if (void* memory = operator new(size, std::nothrow)) return memory;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return operator new(size, std::nothrow); }
void* operator new[](std::size_t size) { return operator new(size); }
void operator delete(void* memory) noexcept { std::free(memory); }
void operator delete(void* memory, std::size_t) noexcept { std::free(memory); }
void operator delete[](void* memory) noexcept { std::free(memory); }
void operator delete[](void* memory, std::size_t) noexcept { std::free(memory); }

namespace redflag {
namespace {

TEST_CASE("case reader: no allocation per case in the steady state") {
  const char* cases[] = {
      R"({"id": "patient-000000000000000001", "fever": true, "age": 61.123456789012345,
          "weight_loss": "4.5359237 kilograms", "pain_duration": {"value": 3, "unit": "mo"},
          "temperature": "100.4 [degF]", "height": 182.123456789012345, "cancer_type": "prostate",
          "notes": "a note long enough to leave any small-string buffer behind", "score": null})",
      R"({"id": 123456789012345678901234567890, "fever": false, "weight_loss": {"unit": "[oz_av]", "value": 1.25}})",
      R"({"cancer_type": "lung", "pain_duration": "6 weeks", "colour": "brown"})",
      R"({})",
  };
  CaseReader reader(test::case_facts());
  std::vector<FactValue> facts;
  std::string id;
  CaseError error;
  for (const char* json : cases) REQUIRE(reader.read(json, facts, id, error));
  const long before = allocations.load();
  bool all_read = true;
  for (int round = 0; round < 1000; ++round) {
    for (const char* json : cases) all_read = reader.read(json, facts, id, error) && all_read;
  }
  CHECK(allocations.load() - before == 0);
  CHECK(all_read);
  CHECK(error.message == "");
}

}  // namespace
}  // namespace redflag
