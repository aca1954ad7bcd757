// runtime/redflag.h over runtime/redflag.hpp: handles own C++ objects; no exception crosses
// the C boundary (allocation failure becomes NULL or -1).
#include "runtime/redflag.h"

#include <cstring>
#include <limits>
#include <new>

#include "runtime/redflag.hpp"

struct rf_kb {
  std::shared_ptr<const redflag::Kb> kb;
  std::string hash;
};

struct rf_case {
  redflag::Case kase;
  std::string error;
};

namespace {

void copy_error(const std::string& message, char* error, std::size_t error_size) {
  if (error == nullptr || error_size == 0) return;
  const std::size_t length = std::min(message.size(), error_size - 1);
  std::memcpy(error, message.data(), length);
  error[length] = '\0';
}

rf_kb* wrap(std::shared_ptr<const redflag::Kb> kb, const std::string& reason, char* error, std::size_t error_size) {
  if (!kb) {
    copy_error(reason, error, error_size);
    return nullptr;
  }
  rf_kb* handle = new (std::nothrow) rf_kb{kb, kb->hash()};
  if (handle == nullptr) copy_error("out of memory", error, error_size);
  return handle;
}

// Runs a C++ setter and turns its result into 0 / -1 with the reason kept in the case.
template <typename Set>
int set(rf_case* kase, Set setter) {
  try {
    kase->error = setter(kase->kase);
  } catch (const std::bad_alloc&) {
    kase->error = "out of memory";
  }
  return kase->error.empty() ? 0 : -1;
}

const std::string& flag_name(const rf_case* kase, std::uint32_t flag_id) {
  return kase->kase.kb().image().flags[flag_id].name;
}

const std::string& fact_name(const rf_case* kase, std::uint32_t fact_id) {
  return kase->kase.kb().image().facts[fact_id].name;
}

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

// Computed value [j] of fired flag [i], or null when either is out of range.
const redflag::ComputedValue* computed(const rf_case* kase, size_t i, size_t j) {
  const auto& fired = kase->kase.result().fired;
  if (i >= fired.size() || j >= fired[i].computed.size()) return nullptr;
  return &fired[i].computed[j];
}

// Score [i], or null when out of range.
const redflag::ScoreResult* score(const rf_case* kase, size_t i) {
  const auto& scores = kase->kase.result().scores;
  return i < scores.size() ? &scores[i] : nullptr;
}

// The number slot's name and unit strings live in the Image, NUL-terminated.
const redflag::ImageNumber& number(const rf_case* kase, std::uint32_t slot) {
  return kase->kase.kb().image().numbers[slot];
}

}  // namespace

extern "C" {

rf_kb* rf_kb_open_file(const char* path, char* error, size_t error_size) {
  try {
    std::string reason;
    auto kb = redflag::Kb::open_file(path, reason);
    return wrap(std::move(kb), reason, error, error_size);
  } catch (const std::bad_alloc&) {
    copy_error("out of memory", error, error_size);
    return nullptr;
  }
}

rf_kb* rf_kb_open_bytes(const uint8_t* data, size_t size, char* error, size_t error_size) {
  try {
    std::string reason;
    auto kb = redflag::Kb::open_bytes(data, size, reason);
    return wrap(std::move(kb), reason, error, error_size);
  } catch (const std::bad_alloc&) {
    copy_error("out of memory", error, error_size);
    return nullptr;
  }
}

void rf_kb_free(rf_kb* kb) { delete kb; }

const char* rf_kb_hash(const rf_kb* kb) { return kb->hash.c_str(); }

rf_case* rf_case_new(const rf_kb* kb) {
  try {
    return new rf_case{redflag::Case(kb->kb), {}};
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}

void rf_case_free(rf_case* kase) { delete kase; }

int rf_case_set_bool(rf_case* kase, const char* fact, int value) {
  return set(kase, [&](redflag::Case& c) { return c.set_bool(fact, value != 0); });
}

int rf_case_set_number(rf_case* kase, const char* fact, double value) {
  return set(kase, [&](redflag::Case& c) { return c.set_number(fact, value); });
}

int rf_case_set_quantity(rf_case* kase, const char* fact, double value, const char* unit) {
  return set(kase, [&](redflag::Case& c) { return c.set_quantity(fact, value, unit); });
}

int rf_case_set_enum(rf_case* kase, const char* fact, const char* value) {
  return set(kase, [&](redflag::Case& c) { return c.set_enum(fact, value); });
}

int rf_case_set_text(rf_case* kase, const char* fact, const char* text) {
  return set(kase, [&](redflag::Case& c) { return c.set_text(fact, text); });
}

int rf_case_set_unknown(rf_case* kase, const char* fact) {
  return set(kase, [&](redflag::Case& c) { return c.set_unknown(fact); });
}

void rf_case_clear(rf_case* kase) { kase->kase.clear(); }

const char* rf_case_error(const rf_case* kase) { return kase->error.c_str(); }

void rf_case_evaluate(rf_case* kase) {
  try {
    kase->kase.evaluate();
  } catch (const std::bad_alloc&) {
    kase->error = "out of memory";
  }
}

const char* rf_case_urgency(const rf_case* kase) {
  const auto& result = kase->kase.result();
  return kase->kase.kb().image().levels[result.urgency].c_str();
}

int rf_case_complete(const rf_case* kase) { return kase->kase.result().complete ? 1 : 0; }

size_t rf_case_fired_count(const rf_case* kase) { return kase->kase.result().fired.size(); }

const char* rf_case_fired_name(const rf_case* kase, size_t i) {
  const auto& fired = kase->kase.result().fired;
  return i < fired.size() ? flag_name(kase, fired[i].flag_id).c_str() : nullptr;
}

const char* rf_case_fired_level(const rf_case* kase, size_t i) {
  const auto& fired = kase->kase.result().fired;
  if (i >= fired.size()) return nullptr;
  const auto& image = kase->kase.kb().image();
  return image.levels[image.flags[fired[i].flag_id].level].c_str();
}

size_t rf_case_fired_evidence_count(const rf_case* kase, size_t i) {
  const auto& fired = kase->kase.result().fired;
  return i < fired.size() ? fired[i].evidence.size() : 0;
}

const char* rf_case_fired_evidence_fact(const rf_case* kase, size_t i, size_t j) {
  const auto& fired = kase->kase.result().fired;
  if (i >= fired.size() || j >= fired[i].evidence.size()) return nullptr;
  return fact_name(kase, fired[i].evidence[j].fact_id).c_str();
}

size_t rf_case_undetermined_count(const rf_case* kase) { return kase->kase.result().undetermined.size(); }

const char* rf_case_undetermined_name(const rf_case* kase, size_t i) {
  const auto& undetermined = kase->kase.result().undetermined;
  return i < undetermined.size() ? flag_name(kase, undetermined[i].flag_id).c_str() : nullptr;
}

size_t rf_case_undetermined_needs_count(const rf_case* kase, size_t i) {
  const auto& undetermined = kase->kase.result().undetermined;
  return i < undetermined.size() ? undetermined[i].needs.size() : 0;
}

const char* rf_case_undetermined_needs_fact(const rf_case* kase, size_t i, size_t j) {
  const auto& undetermined = kase->kase.result().undetermined;
  if (i >= undetermined.size() || j >= undetermined[i].needs.size()) return nullptr;
  return fact_name(kase, undetermined[i].needs[j]).c_str();
}

size_t rf_case_fired_computed_count(const rf_case* kase, size_t i) {
  const auto& fired = kase->kase.result().fired;
  return i < fired.size() ? fired[i].computed.size() : 0;
}

const char* rf_case_fired_computed_name(const rf_case* kase, size_t i, size_t j) {
  const redflag::ComputedValue* value = computed(kase, i, j);
  return value != nullptr ? number(kase, value->slot).name.c_str() : nullptr;
}

double rf_case_fired_computed_value(const rf_case* kase, size_t i, size_t j) {
  const redflag::ComputedValue* value = computed(kase, i, j);
  return value != nullptr ? value->value : kNoValue;
}

const char* rf_case_fired_computed_unit(const rf_case* kase, size_t i, size_t j) {
  const redflag::ComputedValue* value = computed(kase, i, j);
  return value != nullptr ? number(kase, value->slot).unit.c_str() : nullptr;
}

size_t rf_case_score_count(const rf_case* kase) { return kase->kase.result().scores.size(); }

const char* rf_case_score_name(const rf_case* kase, size_t i) {
  const redflag::ScoreResult* result = score(kase, i);
  return result != nullptr ? number(kase, result->slot).name.c_str() : nullptr;
}

double rf_case_score_low(const rf_case* kase, size_t i) {
  const redflag::ScoreResult* result = score(kase, i);
  return result != nullptr ? result->lo : kNoValue;
}

double rf_case_score_high(const rf_case* kase, size_t i) {
  const redflag::ScoreResult* result = score(kase, i);
  return result != nullptr ? result->hi : kNoValue;
}

size_t rf_case_score_needs_count(const rf_case* kase, size_t i) {
  const redflag::ScoreResult* result = score(kase, i);
  return result != nullptr ? result->needs.size() : 0;
}

const char* rf_case_score_needs_fact(const rf_case* kase, size_t i, size_t j) {
  const redflag::ScoreResult* result = score(kase, i);
  if (result == nullptr || j >= result->needs.size()) return nullptr;
  return fact_name(kase, result->needs[j]).c_str();
}

}  // extern "C"
