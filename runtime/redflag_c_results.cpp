// runtime/redflag.h's result getters: fired flags, undetermined flags and scores by index. Each
// answers only from a result that describes the case's current facts, and records on the case
// why it did not (RF_ERROR_NULL, RF_ERROR_NOT_EVALUATED, RF_ERROR_RANGE).
#include <cstdint>
#include <limits>
#include <new>
#include <string>
#include <vector>

#include "runtime/redflag_c_handles.hpp"

using redflag::c_api::fail;
using redflag::c_api::succeed;

namespace {

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

// [kase]'s result when [function] may read it (recording success), else null with the reason.
const redflag::CaseResult* readable(const rf_case* kase, const char* function) {
  if (kase == nullptr) return nullptr;
  switch (kase->result) {
    case RfResult::Current:
      succeed(*kase);
      return &kase->kase.result();
    case RfResult::Never:
      fail(*kase, RF_ERROR_NOT_EVALUATED, function, "the case has not been evaluated (call rf_case_evaluate)");
      break;
    case RfResult::FactsChanged:
      fail(*kase, RF_ERROR_NOT_EVALUATED, function, "the facts changed since the last rf_case_evaluate");
      break;
    case RfResult::Failed:
      fail(*kase, RF_ERROR_NOT_EVALUATED, function, "the last rf_case_evaluate failed");
      break;
  }
  return nullptr;
}

// Where a list sits, for messages: "the fired flags", or "fired flag 0's evidence".
struct ListName {
  const char* list;
  const char* owner = nullptr;  // with [owner_index], when the list belongs to one item
  std::size_t owner_index = 0;
};

// Element [index] of [list] for [function], else null with RF_ERROR_RANGE recorded on [kase].
template <typename T>
const T* element(const rf_case& kase, const std::vector<T>& list, std::size_t index, const char* function,
                 const ListName& name) {
  if (index < list.size()) return &list[index];
  try {
    const std::string count = std::to_string(list.size());
    const std::string at = std::to_string(index);
    if (name.owner == nullptr) {
      fail(kase, RF_ERROR_RANGE, function, "index ", at, " is past the end of the ", name.list, " (", count, ")");
    } else {
      fail(kase, RF_ERROR_RANGE, function, "index ", at, " is past the end of ", name.owner, " ",
           std::to_string(name.owner_index), "'s ", name.list, " (", count, ")");
    }
  } catch (const std::bad_alloc&) {
    fail(kase, RF_ERROR_RANGE, nullptr);  // rf_case_error then says "index out of range"
  }
  return nullptr;
}

const redflag::FiredFlag* fired(const rf_case* kase, std::size_t i, const char* function) {
  const redflag::CaseResult* result = readable(kase, function);
  return result != nullptr ? element(*kase, result->fired, i, function, {"fired flags"}) : nullptr;
}

const redflag::UndeterminedFlag* undetermined(const rf_case* kase, std::size_t i, const char* function) {
  const redflag::CaseResult* result = readable(kase, function);
  return result != nullptr ? element(*kase, result->undetermined, i, function, {"undetermined flags"}) : nullptr;
}

const redflag::ScoreResult* score(const rf_case* kase, std::size_t i, const char* function) {
  const redflag::CaseResult* result = readable(kase, function);
  return result != nullptr ? element(*kase, result->scores, i, function, {"scores"}) : nullptr;
}

// Computed value [j] of fired flag [i].
const redflag::ComputedValue* computed(const rf_case* kase, std::size_t i, std::size_t j, const char* function) {
  const redflag::FiredFlag* flag = fired(kase, i, function);
  return flag != nullptr ? element(*kase, flag->computed, j, function, {"computed values", "fired flag", i}) : nullptr;
}

// The size of [list] when [owner] (a looked-up result item) exists, else 0.
template <typename Owner, typename List>
std::size_t count_of(const Owner* owner, List Owner::*list) {
  return owner != nullptr ? (owner->*list).size() : 0;
}

// The size of [kase]'s result list [list], or 0 when there is no result.
template <typename List>
std::size_t result_count(const rf_case* kase, List redflag::CaseResult::*list, const char* function) {
  return count_of(readable(kase, function), list);
}

const redflag::Image& image(const rf_case* kase) { return kase->kase.kb().image(); }

// Names are the Image's std::strings: their c_str() lives as long as the KB.
const char* fact_name(const rf_case* kase, std::uint32_t fact_id) { return image(kase).facts[fact_id].name.c_str(); }

const char* number_name(const rf_case* kase, std::uint32_t slot) { return image(kase).numbers[slot].name.c_str(); }

// The name of fact [j] among the needs of [owner] (an undetermined flag or a score; null when
// not found) for [function].
template <typename Owner>
const char* needed_fact(const rf_case* kase, const Owner* owner, std::size_t j, const char* function,
                        const ListName& name) {
  const std::uint32_t* need = owner != nullptr ? element(*kase, owner->needs, j, function, name) : nullptr;
  return need != nullptr ? fact_name(kase, *need) : nullptr;
}

}  // namespace

extern "C" {

const char* rf_case_urgency(const rf_case* kase) {
  const redflag::CaseResult* result = readable(kase, __func__);
  return result != nullptr ? image(kase).levels[result->urgency].c_str() : nullptr;
}

int rf_case_complete(const rf_case* kase) {
  const redflag::CaseResult* result = readable(kase, __func__);
  return result != nullptr && result->complete ? 1 : 0;
}

size_t rf_case_fired_count(const rf_case* kase) { return result_count(kase, &redflag::CaseResult::fired, __func__); }

const char* rf_case_fired_name(const rf_case* kase, size_t i) {
  const redflag::FiredFlag* flag = fired(kase, i, __func__);
  return flag != nullptr ? image(kase).flags[flag->flag_id].name.c_str() : nullptr;
}

const char* rf_case_fired_level(const rf_case* kase, size_t i) {
  const redflag::FiredFlag* flag = fired(kase, i, __func__);
  return flag != nullptr ? image(kase).levels[image(kase).flags[flag->flag_id].level].c_str() : nullptr;
}

size_t rf_case_fired_evidence_count(const rf_case* kase, size_t i) {
  return count_of(fired(kase, i, __func__), &redflag::FiredFlag::evidence);
}

const char* rf_case_fired_evidence_fact(const rf_case* kase, size_t i, size_t j) {
  const redflag::FiredFlag* flag = fired(kase, i, __func__);
  const redflag::Evidence* evidence =
      flag != nullptr ? element(*kase, flag->evidence, j, __func__, {"evidence", "fired flag", i}) : nullptr;
  return evidence != nullptr ? fact_name(kase, evidence->fact_id) : nullptr;
}

size_t rf_case_fired_computed_count(const rf_case* kase, size_t i) {
  return count_of(fired(kase, i, __func__), &redflag::FiredFlag::computed);
}

const char* rf_case_fired_computed_name(const rf_case* kase, size_t i, size_t j) {
  const redflag::ComputedValue* value = computed(kase, i, j, __func__);
  return value != nullptr ? number_name(kase, value->slot) : nullptr;
}

double rf_case_fired_computed_value(const rf_case* kase, size_t i, size_t j) {
  const redflag::ComputedValue* value = computed(kase, i, j, __func__);
  return value != nullptr ? value->value : kNoValue;
}

const char* rf_case_fired_computed_unit(const rf_case* kase, size_t i, size_t j) {
  const redflag::ComputedValue* value = computed(kase, i, j, __func__);
  return value != nullptr ? image(kase).numbers[value->slot].unit.c_str() : nullptr;
}

size_t rf_case_undetermined_count(const rf_case* kase) { return result_count(kase, &redflag::CaseResult::undetermined, __func__); }

const char* rf_case_undetermined_name(const rf_case* kase, size_t i) {
  const redflag::UndeterminedFlag* flag = undetermined(kase, i, __func__);
  return flag != nullptr ? image(kase).flags[flag->flag_id].name.c_str() : nullptr;
}

size_t rf_case_undetermined_needs_count(const rf_case* kase, size_t i) {
  return count_of(undetermined(kase, i, __func__), &redflag::UndeterminedFlag::needs);
}

const char* rf_case_undetermined_needs_fact(const rf_case* kase, size_t i, size_t j) {
  return needed_fact(kase, undetermined(kase, i, __func__), j, __func__, {"needs", "undetermined flag", i});
}

size_t rf_case_score_count(const rf_case* kase) { return result_count(kase, &redflag::CaseResult::scores, __func__); }

const char* rf_case_score_name(const rf_case* kase, size_t i) {
  const redflag::ScoreResult* result = score(kase, i, __func__);
  return result != nullptr ? number_name(kase, result->slot) : nullptr;
}

double rf_case_score_low(const rf_case* kase, size_t i) {
  const redflag::ScoreResult* result = score(kase, i, __func__);
  return result != nullptr ? result->lo : kNoValue;
}

double rf_case_score_high(const rf_case* kase, size_t i) {
  const redflag::ScoreResult* result = score(kase, i, __func__);
  return result != nullptr ? result->hi : kNoValue;
}

size_t rf_case_score_needs_count(const rf_case* kase, size_t i) {
  return count_of(score(kase, i, __func__), &redflag::ScoreResult::needs);
}

const char* rf_case_score_needs_fact(const rf_case* kase, size_t i, size_t j) {
  return needed_fact(kase, score(kase, i, __func__), j, __func__, {"needs", "score", i});
}

}  // extern "C"
