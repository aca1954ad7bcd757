// The C API (runtime/redflag.h) out of memory, as SQLite tests it: a run in which allocation
// number n fails, for n = 0, 1, 2, ... until a run needs no failure. Every call must then
// return RF_OK or RF_ERROR_NOMEM (or its own refusal), never throw across the C boundary, never
// crash, and leave the case usable; under -DREDFLAG_SANITIZE=ON LeakSanitizer also sees that no
// failed allocation leaks. Its own executable: it replaces the global operator new.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>

#include "runtime/bytecode_writer.hpp"
#include "runtime/redflag.h"
#include "tests/runtime/test_images.hpp"

namespace {

long allocations_until_failure = -1;  // -1: never fail
bool failure_injected = false;

// A block of [size] bytes from malloc, or null when this is the allocation chosen to fail. Every
// form of new and delete below goes through malloc and free, so that none is left to the
// library's (or the sanitizer's) own and the pairs always match.
void* allocate(std::size_t size) noexcept {
  if (allocations_until_failure >= 0 && allocations_until_failure-- == 0) {
    failure_injected = true;
    return nullptr;
  }
  return std::malloc(size == 0 ? 1 : size);
}

void* allocate_or_throw(std::size_t size) {
  if (void* block = allocate(size)) return block;
  throw std::bad_alloc();
}

}  // namespace

void* operator new(std::size_t size) { return allocate_or_throw(size); }
void* operator new[](std::size_t size) { return allocate_or_throw(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void operator delete(void* block) noexcept { std::free(block); }
void operator delete[](void* block) noexcept { std::free(block); }
void operator delete(void* block, std::size_t) noexcept { std::free(block); }
void operator delete[](void* block, std::size_t) noexcept { std::free(block); }
void operator delete(void* block, const std::nothrow_t&) noexcept { std::free(block); }
void operator delete[](void* block, const std::nothrow_t&) noexcept { std::free(block); }

namespace redflag {
namespace {

// What one run's calls returned; read only once allocation works again.
struct Run {
  bool have_case = false;  // the KB opened and the case was made: the case's calls ran
  rf_status open_file = RF_OK, open_bytes = RF_OK, made = RF_OK, set_fever = RF_OK, set_cancer = RF_OK,
            refused = RF_OK, evaluated = RF_OK, urgency_status = RF_OK, range_status = RF_OK;
  char open_error[64] = "";
  bool has_urgency = false;  // rf_case_urgency returned a string, copied into [urgency]
  std::string urgency;
  std::string range_error;
};

// The calls of an embedder, with allocation number [fail_at] failing.
Run run(const std::string& path, const std::vector<std::uint8_t>& bytes, long fail_at) {
  Run result;
  rf_kb* from_file = nullptr;
  rf_kb* kb = nullptr;
  rf_case* kase = nullptr;
  const char* urgency = nullptr;  // a KB string: copied before the case, the KB's last owner, goes
  failure_injected = false;
  allocations_until_failure = fail_at;
  result.open_file = rf_kb_open_file(path.c_str(), &from_file, result.open_error, sizeof result.open_error);
  rf_kb_free(from_file);
  result.open_bytes = rf_kb_open_bytes(bytes.data(), bytes.size(), &kb, nullptr, 0);
  if (kb != nullptr) result.made = rf_case_new(kb, &kase);
  rf_kb_free(kb);
  result.have_case = kase != nullptr;
  if (kase != nullptr) {
    result.set_fever = rf_case_set_bool(kase, "fever", 1);
    result.set_cancer = rf_case_set_enum(kase, "cancer_type", "lung");
    result.refused = rf_case_set_number(kase, "age", 200);
    result.evaluated = rf_case_evaluate(kase);
    urgency = rf_case_urgency(kase);
    result.urgency_status = rf_case_status(kase);
    rf_case_fired_name(kase, 5);
    result.range_status = rf_case_status(kase);
  }
  allocations_until_failure = -1;
  if (kase != nullptr) result.range_error = rf_case_error(kase);
  result.has_urgency = urgency != nullptr;
  if (urgency != nullptr) result.urgency = urgency;
  rf_case_free(kase);
  return result;
}

bool ok_or_nomem(rf_status status, rf_status ok = RF_OK) { return status == ok || status == RF_ERROR_NOMEM; }

TEST_CASE("C API: each allocation failing in turn gives RF_ERROR_NOMEM and nothing worse") {
  const std::vector<std::uint8_t> bytes = write_image(test::sample_image());
  const std::string path = "c_api_oom_test.rfb";
  std::FILE* file = std::fopen(path.c_str(), "wb");
  REQUIRE(file != nullptr);
  REQUIRE(std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size());
  REQUIRE(std::fclose(file) == 0);

  long fail_at = 0;
  int failed_runs = 0;
  // Runs in which each step was the one that ran out: each must have happened.
  int open_file_nomem = 0, refusal_nomem = 0, evaluate_nomem = 0, range_message_lost = 0;
  for (;; ++fail_at) {
    const Run result = run(path, bytes, fail_at);
    if (!failure_injected) {
      // Every allocation the calls make has now failed once: this run must be clean.
      CHECK(result.open_file == RF_OK);
      CHECK(result.open_bytes == RF_OK);
      CHECK(result.refused == RF_ERROR_VALUE);
      CHECK(result.evaluated == RF_OK);
      CHECK(result.has_urgency);
      CHECK(result.urgency == "consult");
      CHECK(result.range_error == "rf_case_fired_name: index 5 is past the end of the fired flags (1)");
      break;
    }
    ++failed_runs;
    INFO("allocation " << fail_at << " failed");
    CHECK(ok_or_nomem(result.open_file));
    if (result.open_file == RF_ERROR_NOMEM) {
      ++open_file_nomem;
      CHECK(std::string(result.open_error) == "out of memory");
    }
    CHECK(ok_or_nomem(result.open_bytes));
    CHECK(ok_or_nomem(result.made));
    if (!result.have_case) continue;
    CHECK(ok_or_nomem(result.set_fever));
    CHECK(ok_or_nomem(result.set_cancer));
    CHECK(ok_or_nomem(result.refused, RF_ERROR_VALUE));
    refusal_nomem += result.refused == RF_ERROR_NOMEM;
    CHECK(ok_or_nomem(result.evaluated));
    evaluate_nomem += result.evaluated == RF_ERROR_NOMEM;
    // No result after a failed evaluate: urgency NULL, never a stale or default one.
    if (result.evaluated == RF_ERROR_NOMEM) CHECK((!result.has_urgency && result.urgency_status == RF_ERROR_NOT_EVALUATED));
    // A range error whose message could not be built still says what it is.
    if (result.range_status == RF_ERROR_RANGE && result.range_error.rfind("rf_case_fired_name: ", 0) != 0) {
      ++range_message_lost;
      CHECK(result.range_error == "index out of range");
    }
    REQUIRE(fail_at < 100000);
  }
  CHECK(failed_runs > 20);  // the calls allocate: the loop really injected failures
  CHECK(open_file_nomem > 0);
  CHECK(refusal_nomem > 0);
  CHECK(evaluate_nomem > 0);
  CHECK(range_message_lost > 0);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace redflag
