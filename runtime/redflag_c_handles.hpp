// The C API's handles (runtime/redflag.h) and the bookkeeping every rf_case call shares: the
// status and message of the most recent call, and whether the result matches the facts.
// Used by redflag_c.cpp (handles, setters, evaluate) and redflag_c_results.cpp (getters).
#pragma once

#include <memory>
#include <new>
#include <string>
#include <utility>

#include "runtime/redflag.h"
#include "runtime/redflag.hpp"

struct rf_kb {
  std::shared_ptr<const redflag::Kb> kb;
  std::string hash;
};

// What the case's C++ result describes: only Current may be read.
enum class RfResult { Never, Current, FactsChanged, Failed };

struct rf_case {
  explicit rf_case(std::shared_ptr<const redflag::Kb> kb) : kase(std::move(kb)) {}

  redflag::Case kase;
  RfResult result = RfResult::Never;
  // The most recent call's outcome. Getters take a const case and record theirs too, which is
  // why a case belongs to one thread at a time.
  mutable rf_status status = RF_OK;
  mutable std::string error;
};

namespace redflag::c_api {

// Records a successful call on [kase].
inline void succeed(const rf_case& kase) {
  kase.status = RF_OK;
  kase.error.clear();
}

// Records [status] on [kase] with the reason "[function]: [pieces]..." (the pieces alone when
// [function] is null) and returns [status]. Without memory for the text, rf_case_error falls
// back to rf_status_string.
template <typename... Pieces>
rf_status fail(const rf_case& kase, rf_status status, const char* function, const Pieces&... pieces) {
  kase.status = status;
  kase.error.clear();
  try {
    if (function != nullptr) kase.error.append(function).append(": ");
    (kase.error.append(pieces), ...);
  } catch (const std::bad_alloc&) {
    kase.error.clear();
  }
  return status;
}

}  // namespace redflag::c_api
