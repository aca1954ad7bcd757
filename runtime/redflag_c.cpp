// runtime/redflag.h over runtime/redflag.hpp: status codes and the version, opening and freeing
// handles, setters, evaluate. No exception crosses the C boundary and no NULL is dereferenced:
// each becomes an rf_status. The result getters are in redflag_c_results.cpp.
#include <algorithm>
#include <cstring>
#include <optional>
#include <string>

#include "redflag/version.hpp"
#include "runtime/fact_input.hpp"
#include "runtime/format.hpp"
#include "runtime/loader.hpp"
#include "runtime/redflag_c_handles.hpp"

using redflag::c_api::fail;
using redflag::c_api::succeed;

namespace {

// Writes [message] into the caller's buffer [error] of [error_size] bytes, cut to fit, NUL-terminated.
void copy_error(std::string_view message, char* error, std::size_t error_size) {
  if (error == nullptr || error_size == 0) return;
  const std::size_t length = std::min(message.size(), error_size - 1);
  std::memcpy(error, message.data(), length);
  error[length] = '\0';
}

// Opens a KB from [load]'s result for [function], which was given [source] (the path or the
// bytes, "[source_name]" in messages) and [kb], the out-parameter.
template <typename Load>
rf_status open_kb(const char* function, const void* source, const char* source_name, rf_kb** kb, char* error,
                  std::size_t error_size, Load load) {
  const auto refuse = [&](rf_status status, std::string_view message) {
    copy_error(message, error, error_size);
    return status;
  };
  try {
    if (kb == nullptr) return refuse(RF_ERROR_NULL, std::string(function) + ": kb is NULL");
    *kb = nullptr;
    if (source == nullptr) return refuse(RF_ERROR_NULL, std::string(function) + ": " + source_name + " is NULL");
    redflag::LoadResult result = load();
    if (!result.ok()) return refuse(result.unreadable ? RF_ERROR_IO : RF_ERROR_BYTECODE, result.error);
    auto loaded = std::make_shared<const redflag::Kb>(std::move(*result.image));
    std::string hash = loaded->hash();
    *kb = new rf_kb{std::move(loaded), std::move(hash)};
    return RF_OK;
  } catch (const std::bad_alloc&) {
    return refuse(RF_ERROR_NOMEM, "out of memory");
  }
}

// Why a Case setter of [kind] (none for set_unknown) refused [fact], as a code: the C++ setter
// says why only in words, and checks the name, then the type, then the value.
rf_status refusal(const rf_case& kase, const char* fact, std::optional<redflag::FactType> kind) {
  const std::uint32_t id = kase.kase.kb().fact_id(fact);
  if (id == redflag::kNoIndex) return RF_ERROR_UNKNOWN_FACT;
  if (kind && !redflag::setter_accepts(kase.kase.kb().image().facts[id].type, *kind)) return RF_ERROR_TYPE;
  return RF_ERROR_VALUE;
}

// Marks [kase]'s result as no longer describing its facts, once it has one.
void facts_changed(rf_case& kase) {
  if (kase.result != RfResult::Never) kase.result = RfResult::FactsChanged;
}

// A string a setter needs besides the fact name: its value, and its name in messages.
struct Argument {
  const char* value;
  const char* name;
};
constexpr Argument kNoArgument{"", "none"};

// Runs the C++ setter [setter] of [kind] for [function] on [fact], once [kase], [fact] and
// [argument] are known to be non-NULL, and records its outcome.
template <typename Set>
rf_status set(rf_case* kase, const char* function, const char* fact, Argument argument,
              std::optional<redflag::FactType> kind, Set setter) {
  if (kase == nullptr) return RF_ERROR_NULL;
  if (fact == nullptr) return fail(*kase, RF_ERROR_NULL, function, "fact is NULL");
  if (argument.value == nullptr) return fail(*kase, RF_ERROR_NULL, function, argument.name, " is NULL");
  try {
    const std::string reason = setter(kase->kase);
    if (!reason.empty()) return fail(*kase, refusal(*kase, fact, kind), nullptr, reason);
  } catch (const std::bad_alloc&) {
    return fail(*kase, RF_ERROR_NOMEM, function, "out of memory");
  }
  facts_changed(*kase);
  succeed(*kase);
  return RF_OK;
}

}  // namespace

extern "C" {

const char* rf_status_string(rf_status status) {
  switch (status) {
    case RF_OK: return "ok";
    case RF_ERROR_NULL: return "NULL argument";
    case RF_ERROR_NOT_EVALUATED: return "case not evaluated";
    case RF_ERROR_RANGE: return "index out of range";
    case RF_ERROR_UNKNOWN_FACT: return "unknown fact";
    case RF_ERROR_TYPE: return "wrong type for the fact";
    case RF_ERROR_VALUE: return "value refused by the fact";
    case RF_ERROR_IO: return "cannot read the file";
    case RF_ERROR_BYTECODE: return "bad bytecode";
    case RF_ERROR_NOMEM: return "out of memory";
  }
  return "unknown status";
}

const char* rf_version(unsigned* bytecode_major, unsigned* bytecode_minor) {
  if (bytecode_major != nullptr) *bytecode_major = redflag::kFormatMajor;
  if (bytecode_minor != nullptr) *bytecode_minor = redflag::kFormatMinor;
  return redflag::kRedflagVersion.data();  // a string literal, so NUL-terminated
}

rf_status rf_kb_open_file(const char* path, rf_kb** kb, char* error, size_t error_size) {
  return open_kb(__func__, path, "path", kb, error, error_size, [&] { return redflag::load_file(path); });
}

rf_status rf_kb_open_bytes(const uint8_t* data, size_t size, rf_kb** kb, char* error, size_t error_size) {
  return open_kb(__func__, data, "data", kb, error, error_size, [&] { return redflag::load_image(data, size); });
}

void rf_kb_free(rf_kb* kb) { delete kb; }

const char* rf_kb_hash(const rf_kb* kb) { return kb != nullptr ? kb->hash.c_str() : nullptr; }

rf_status rf_case_new(const rf_kb* kb, rf_case** kase) {
  if (kase == nullptr) return RF_ERROR_NULL;
  *kase = nullptr;
  if (kb == nullptr) return RF_ERROR_NULL;
  try {
    *kase = new rf_case(kb->kb);
    return RF_OK;
  } catch (const std::bad_alloc&) {
    return RF_ERROR_NOMEM;
  }
}

void rf_case_free(rf_case* kase) { delete kase; }

rf_status rf_case_set_bool(rf_case* kase, const char* fact, int value) {
  return set(kase, __func__, fact, kNoArgument, redflag::FactType::Bool,
             [&](redflag::Case& c) { return c.set_bool(fact, value != 0); });
}

rf_status rf_case_set_number(rf_case* kase, const char* fact, double value) {
  return set(kase, __func__, fact, kNoArgument, redflag::FactType::Number,
             [&](redflag::Case& c) { return c.set_number(fact, value); });
}

rf_status rf_case_set_quantity(rf_case* kase, const char* fact, double value, const char* unit) {
  return set(kase, __func__, fact, {unit, "unit"}, redflag::FactType::Quantity,
             [&](redflag::Case& c) { return c.set_quantity(fact, value, unit); });
}

rf_status rf_case_set_enum(rf_case* kase, const char* fact, const char* value) {
  return set(kase, __func__, fact, {value, "value"}, redflag::FactType::Enum,
             [&](redflag::Case& c) { return c.set_enum(fact, value); });
}

rf_status rf_case_set_text(rf_case* kase, const char* fact, const char* text) {
  return set(kase, __func__, fact, {text, "text"}, redflag::FactType::Text,
             [&](redflag::Case& c) { return c.set_text(fact, text); });
}

rf_status rf_case_set_unknown(rf_case* kase, const char* fact) {
  return set(kase, __func__, fact, kNoArgument, std::nullopt, [&](redflag::Case& c) { return c.set_unknown(fact); });
}

rf_status rf_case_clear(rf_case* kase) {
  if (kase == nullptr) return RF_ERROR_NULL;
  kase->kase.clear();
  facts_changed(*kase);
  succeed(*kase);
  return RF_OK;
}

rf_status rf_case_status(const rf_case* kase) { return kase != nullptr ? kase->status : RF_ERROR_NULL; }

const char* rf_case_error(const rf_case* kase) {
  if (kase == nullptr) return "rf_case_error: kase is NULL";
  if (kase->status == RF_OK) return "";
  return kase->error.empty() ? rf_status_string(kase->status) : kase->error.c_str();
}

rf_status rf_case_evaluate(rf_case* kase) {
  if (kase == nullptr) return RF_ERROR_NULL;
  try {
    kase->kase.evaluate();
  } catch (const std::bad_alloc&) {
    kase->result = RfResult::Failed;
    return fail(*kase, RF_ERROR_NOMEM, __func__, "out of memory");
  }
  kase->result = RfResult::Current;
  succeed(*kase);
  return RF_OK;
}

}  // extern "C"
