#include "runtime/cases/case_reader.hpp"

#include <simdjson.h>

#include <cctype>
#include <cstring>
#include <new>
#include <optional>

#include "runtime/fact_input.hpp"
#include "runtime/number_text.hpp"
#include "runtime/cases/fact_names.hpp"
#include "runtime/cases/json_number.hpp"
#include "runtime/cases/key_order.hpp"

namespace redflag {
namespace {

namespace od = simdjson::ondemand;

// The key every case may carry besides its facts; echoed, never a fact.
constexpr std::string_view kIdKey = "id";

// Every key a case may have, as KeyOrder indexes them: the facts by index, then `id`.
std::vector<std::string_view> case_keys(const std::vector<ImageFact>& facts) {
  std::vector<std::string_view> keys;
  keys.reserve(facts.size() + 1);
  for (const ImageFact& fact : facts) keys.push_back(fact.name);
  keys.push_back(kIdKey);
  return keys;
}

// Case values nest two levels at most (a case object holding a quantity object), but the JSON
// around them is validated up to simdjson's default depth, and deeper input is refused by name.
constexpr std::size_t kMaxDepth = simdjson::DEFAULT_MAX_DEPTH;

// How a JSON value of [type] is named after "got" when it is not what a fact expects.
std::string_view kind_name(od::json_type type) {
  switch (type) {
    case od::json_type::array: return "an array";
    case od::json_type::object: return "an object";
    case od::json_type::number: return "a number";
    case od::json_type::string: return "a string";
    case od::json_type::boolean: return "a boolean";
    case od::json_type::null: break;
  }
  return "null";
}

// simdjson's reason for [code] in house style: lower-case start, no trailing period.
std::string reason(simdjson::error_code code) {
  std::string text = simdjson::error_message(code);
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
  const bool acronym = text.size() > 1 && std::isupper(static_cast<unsigned char>(text[1]));
  if (!text.empty() && !acronym) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

// [code], unless it says simdjson could not allocate: that is no fault of the case.
simdjson::error_code unless_out_of_memory(simdjson::error_code code) {
  if (code == simdjson::MEMALLOC) throw std::bad_alloc();
  return code;
}

std::string_view trimmed(std::string_view token) {
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\n' || token.back() == '\r')) {
    token.remove_suffix(1);
  }
  return token;
}

}  // namespace

struct CaseReader::State {
  explicit State(const std::vector<ImageFact>& table)
      : facts(table), last_unit(facts.size()), names(facts), key_order(case_keys(facts)), seen(facts.size(), 0) {
    canonical.reserve(facts.size());
    for (const ImageFact& fact : facts) canonical.push_back(find_unit(fact.unit));
  }

  bool read(std::string_view json, std::vector<FactValue>& values, std::string& id, CaseError& error);
  bool read_in_place(std::string_view json, std::vector<FactValue>& values, std::string& id, CaseError& error);
  // Clears the results and the per-case state before a read.
  void start(std::vector<FactValue>& values, std::string& id);
  // Parses [input] ([capacity] readable bytes, the case being the first [size]).
  bool read_object(const char* input, std::size_t size, std::size_t capacity, std::vector<FactValue>& values,
                   std::string& id, CaseError& error);
  // The index of [field]'s key as KeyOrder numbers keys (the id key is facts.size()), or
  // kNoIndex with [error] set; [previous] is the object's previous key (KeyOrder::start()
  // for the first).
  std::uint32_t key_index(od::field& field, std::uint32_t previous, CaseError& error);
  bool read_id(od::value value, std::string& id, CaseError& error);
  bool read_fact(std::uint32_t fact_id, od::value value, FactValue& out, CaseError& error);
  // Reads a value [type] says is not null: false when it is the wrong type ([wrong] set) or bad.
  bool read_known(std::uint32_t fact_id, od::value value, od::json_type type, double& out, bool& wrong,
                  CaseError& error);
  // A JSON number, in no particular unit, as the nearest double (infinite beyond the largest);
  // [token] is how it is written.
  bool read_double(od::value value, double& out, std::string_view& token);
  // A number for a number fact, or a quantity fact in its canonical unit.
  bool read_number(const ImageFact& fact, od::value value, double& out, CaseError& error);
  bool read_quantity_string(std::uint32_t fact_id, std::string_view text, double& out, CaseError& error);
  bool read_quantity_object(std::uint32_t fact_id, od::value value, double& out, CaseError& error);
  // [unit] looked up for fact [fact_id]: the fact's last few units are remembered, as a batch
  // tends to write one fact in one or two units.
  const std::optional<Unit>& unit_named(std::uint32_t fact_id, std::string_view unit);
  // What [value] (of [type]) is called after "got": its JSON text when short, else its kind.
  bool got_text(od::value value, od::json_type type, std::string& text);
  // Records that the JSON itself is at fault with [code]; returns false.
  bool json_fault(simdjson::error_code code);
  // Fills [error] with [message] about [field]; returns false.
  bool fail(CaseError& error, std::string message, std::string_view field);
  // Replaces a case error with the JSON's own fault when the whole input is not valid JSON.
  void explain_failure(std::size_t size, CaseError& error);

  std::vector<ImageFact> facts;
  std::vector<std::optional<Unit>> canonical;  // find_unit(fact.unit), per fact
  struct UnitMemo {
    std::string text;
    std::optional<Unit> unit;  // find_unit(text)
  };
  // Per fact, the last kUnitMemos distinct unit texts it was written in, so that UCUM parses a
  // unit once per distinct string, not per value, even when a batch mixes a few units.
  static constexpr std::size_t kUnitMemos = 4;
  struct UnitMemos {
    std::vector<UnitMemo> seen;  // at most kUnitMemos
    std::size_t next = 0;        // the entry replaced when all are taken
  };
  std::vector<UnitMemos> last_unit;  // per fact
  internal::FactNames names;
  internal::KeyOrder key_order;
  std::vector<std::uint32_t> seen;  // the stamp of the last case that named each fact
  std::uint32_t stamp = 0;
  std::vector<char> buffer;  // the case, then at least SIMDJSON_PADDING bytes
  od::parser parser;  // simdjson's default depth limit: kMaxDepth
  od::document document;
  bool parsed = false;  // [document] holds the current case, so its location means something
  std::unique_ptr<simdjson::dom::parser> validator;  // made on the first failure
  simdjson::error_code fault = simdjson::SUCCESS;  // the JSON's own fault, when it is at fault
  std::string got;  // scratch for messages
};

bool CaseReader::State::json_fault(simdjson::error_code code) {
  fault = unless_out_of_memory(code);
  return false;
}

bool CaseReader::State::fail(CaseError& error, std::string message, std::string_view field) {
  error.message = std::move(message);
  error.field.assign(field);
  return false;
}

void CaseReader::State::start(std::vector<FactValue>& values, std::string& id) {
  values.assign(facts.size(), FactValue{});
  id.clear();
  fault = simdjson::SUCCESS;
  if (++stamp == 0) {  // wrapped: forget every old stamp
    std::fill(seen.begin(), seen.end(), 0);
    stamp = 1;
  }
}

bool CaseReader::State::read(std::string_view json, std::vector<FactValue>& values, std::string& id,
                             CaseError& error) {
  start(values, id);
  if (buffer.size() < json.size() + simdjson::SIMDJSON_PADDING) buffer.resize(json.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(buffer.data(), json.data(), json.size());
  std::memset(buffer.data() + json.size(), 0, simdjson::SIMDJSON_PADDING);
  if (read_object(buffer.data(), json.size(), buffer.size(), values, id, error)) return true;
  explain_failure(json.size(), error);
  return false;
}

bool CaseReader::State::read_in_place(std::string_view json, std::vector<FactValue>& values, std::string& id,
                                      CaseError& error) {
  static_assert(kPadding >= simdjson::SIMDJSON_PADDING);
  start(values, id);
  return read_object(json.data(), json.size(), json.size() + kPadding, values, id, error) ||
         read(json, values, id, error);
}

bool CaseReader::State::read_object(const char* input, std::size_t size, std::size_t capacity,
                                    std::vector<FactValue>& values, std::string& id, CaseError& error) {
  parsed = false;
  if (auto code = parser.iterate(simdjson::padded_string_view(input, size, capacity)).get(document)) {
    return json_fault(code);
  }
  parsed = true;
  od::json_type type{};
  if (auto code = document.type().get(type)) return json_fault(code);
  if (type != od::json_type::object) {
    return fail(error, "a case must be a JSON object, got " + std::string(kind_name(type)), "");
  }
  od::object object;
  if (auto code = document.get_object().get(object)) return json_fault(code);
  bool id_seen = false;
  std::uint32_t previous = key_order.start();
  for (auto result : object) {
    od::field field;
    if (auto code = std::move(result).get(field)) return json_fault(code);
    const std::uint32_t index = key_index(field, previous, error);
    if (index == kNoIndex) return false;
    previous = index;
    if (index == facts.size()) {
      if (id_seen) return fail(error, "duplicate key `id`", kIdKey);
      id_seen = true;
      if (!read_id(field.value(), id, error)) return false;
      continue;
    }
    if (seen[index] == stamp) return fail(error, "duplicate key `" + facts[index].name + "`", facts[index].name);
    seen[index] = stamp;
    if (!read_fact(index, field.value(), values[index], error)) return false;
  }
  // At the end of the input the location is out of bounds; anything else is trailing content.
  if (document.current_location().error() != simdjson::OUT_OF_BOUNDS) return json_fault(simdjson::TRAILING_CONTENT);
  return true;
}

std::uint32_t CaseReader::State::key_index(od::field& field, std::uint32_t previous, CaseError& error) {
  std::uint32_t index = key_order.predicted(previous, field.key().raw());
  if (index != kNoIndex) return index;
  std::string_view key;
  if (auto code = field.unescaped_key().get(key)) {
    json_fault(code);
    return kNoIndex;
  }
  index = key == kIdKey ? static_cast<std::uint32_t>(facts.size()) : names.find(key);
  if (index == kNoIndex) {
    fail(error, unknown_fact_error(key, facts), key);
    return kNoIndex;
  }
  key_order.remember(previous, index);
  return index;
}

bool CaseReader::State::read_id(od::value value, std::string& id, CaseError& error) {
  od::json_type type{};
  if (auto code = value.type().get(type)) return json_fault(code);
  if (type == od::json_type::string) {
    std::string_view text;
    if (auto code = value.get_string().get(text)) return json_fault(code);
    id.assign(text);
    return true;
  }
  if (type == od::json_type::number) {
    const std::string_view token = trimmed(value.raw_json_token());
    if (!internal::is_json_number(token)) return json_fault(simdjson::NUMBER_ERROR);
    id.assign(token);
    return true;
  }
  if (!got_text(value, type, got)) return false;
  return fail(error, "`id` expects a string or a number, got " + got, kIdKey);
}

bool CaseReader::State::read_fact(std::uint32_t fact_id, od::value value, FactValue& out, CaseError& error) {
  bool truth = false;  // a bool fact holding a boolean, the commonest value, needs no type test
  if (facts[fact_id].type == FactType::Bool && value.get_bool().get(truth) == simdjson::SUCCESS) {
    out = {truth ? 1.0 : 0.0, true};
    return true;
  }
  od::json_type type{};
  if (auto code = value.type().get(type)) return json_fault(code);
  if (type == od::json_type::null) {
    bool null = false;
    if (auto code = value.is_null().get(null)) return json_fault(code);
    return null || json_fault(simdjson::N_ATOM_ERROR);  // unknown, as if absent
  }
  bool wrong = false;
  if (read_known(fact_id, value, type, out.value, wrong, error)) {
    out.known = true;
    return true;
  }
  if (!wrong || !got_text(value, type, got)) return false;
  return fail(error, wrong_type_error(facts[fact_id], got), facts[fact_id].name);
}

bool CaseReader::State::read_known(std::uint32_t fact_id, od::value value, od::json_type type, double& out,
                                   bool& wrong, CaseError& error) {
  const ImageFact& fact = facts[fact_id];
  std::string_view text;
  bool truth = false;
  switch (fact.type) {
    case FactType::Bool:
      if (type != od::json_type::boolean) break;
      if (auto code = value.get_bool().get(truth)) return json_fault(code);
      out = truth ? 1 : 0;
      return true;
    case FactType::Number:
    case FactType::Integer:
      if (type != od::json_type::number) break;
      return read_number(fact, value, out, error);
    case FactType::Quantity:
      if (type == od::json_type::number) return read_number(fact, value, out, error);
      if (type == od::json_type::object) return read_quantity_object(fact_id, value, out, error);
      if (type != od::json_type::string) break;
      if (auto code = value.get_string().get(text)) return json_fault(code);
      return read_quantity_string(fact_id, text, out, error);
    case FactType::Enum:
      if (type != od::json_type::string) break;
      if (auto code = value.get_string().get(text)) return json_fault(code);
      if (std::string reason = enum_input(fact, text, out); !reason.empty()) return fail(error, reason, fact.name);
      return true;
    case FactType::Text:
      if (type != od::json_type::string) break;
      if (auto code = value.get_string().get(text)) return json_fault(code);
      out = 0;  // rules read only whether a text fact is known
      return true;
  }
  wrong = true;
  return false;
}

bool CaseReader::State::read_double(od::value value, double& out, std::string_view& token) {
  token = trimmed(value.raw_json_token());
  if (value.get_double().get(out) == simdjson::SUCCESS) return true;
  // simdjson refuses some valid numbers: beyond a double (1e999), or with an exponent of many
  // digits (1e0000000000000000000000000001, 0e99999999999999999999).
  if (!internal::is_json_number(token)) return json_fault(simdjson::NUMBER_ERROR);
  out = read_decimal(token).value;
  return true;
}

bool CaseReader::State::read_number(const ImageFact& fact, od::value value, double& out, CaseError& error) {
  double number = 0;
  std::string_view token;
  if (!read_double(value, number, token)) return false;
  std::string reason = number_input(fact, number, out, token);
  return reason.empty() || fail(error, std::move(reason), fact.name);
}

bool CaseReader::State::read_quantity_string(std::uint32_t fact_id, std::string_view text, double& out,
                                             CaseError& error) {
  const ImageFact& fact = facts[fact_id];
  const std::size_t space = text.find(' ');
  const std::string_view number = text.substr(0, space);
  const std::size_t unit_start = text.find_first_not_of(' ', number.size());
  if (space == std::string_view::npos || unit_start == std::string_view::npos || !internal::is_json_number(number)) {
    return fail(error, wrong_type_error(fact, quoted_text(text)), fact.name);
  }
  const double value = read_decimal(number).value;
  const std::string_view unit = text.substr(unit_start);
  std::string reason = quantity_input(fact, canonical[fact_id], value, unit, unit_named(fact_id, unit), out, number);
  return reason.empty() || fail(error, std::move(reason), fact.name);
}

bool CaseReader::State::read_quantity_object(std::uint32_t fact_id, od::value value, double& out, CaseError& error) {
  const ImageFact& fact = facts[fact_id];
  od::object object;
  if (auto code = value.get_object().get(object)) return json_fault(code);
  std::optional<double> number;
  std::string_view token;  // how `value` is written
  std::optional<std::string_view> unit;
  bool shaped = true;  // exactly one number `value` and one string `unit`
  for (auto result : object) {
    od::field field;
    std::string_view key;
    od::json_type type{};
    if (auto code = std::move(result).get(field)) return json_fault(code);
    if (auto code = field.unescaped_key().get(key)) return json_fault(code);
    if (auto code = field.value().type().get(type)) return json_fault(code);
    if (key == "value" && !number && type == od::json_type::number) {
      if (!read_double(field.value(), number.emplace(), token)) return false;
    } else if (key == "unit" && !unit && type == od::json_type::string) {
      if (auto code = field.value().get_string().get(unit.emplace())) return json_fault(code);
    } else {
      shaped = false;
      break;
    }
  }
  if (!shaped || !number || !unit) {
    return fail(error,
                "`" + fact.name + "` expects a quantity object with exactly the keys `value` (a number) and `unit` (a string)",
                fact.name);
  }
  std::string reason =
      quantity_input(fact, canonical[fact_id], *number, *unit, unit_named(fact_id, *unit), out, token);
  return reason.empty() || fail(error, std::move(reason), fact.name);
}

const std::optional<Unit>& CaseReader::State::unit_named(std::uint32_t fact_id, std::string_view unit) {
  UnitMemos& memos = last_unit[fact_id];
  for (const UnitMemo& memo : memos.seen) {
    if (memo.text == unit) return memo.unit;
  }
  if (memos.seen.size() < kUnitMemos) {
    memos.seen.push_back({std::string(unit), find_unit(unit)});
    return memos.seen.back().unit;
  }
  UnitMemo& memo = memos.seen[memos.next];
  memos.next = (memos.next + 1) % kUnitMemos;
  memo.text.assign(unit);
  memo.unit = find_unit(unit);
  return memo.unit;
}

bool CaseReader::State::got_text(od::value value, od::json_type type, std::string& text) {
  std::string_view string;
  switch (type) {
    case od::json_type::number:
    case od::json_type::boolean:
      text.assign(trimmed(value.raw_json_token()));
      return true;
    case od::json_type::string:
      if (auto code = value.get_string().get(string)) return json_fault(code);
      text = quoted_text(string);
      return true;
    case od::json_type::array:
    case od::json_type::object:
    case od::json_type::null:
      break;
  }
  text.assign(kind_name(type));
  return true;
}

void CaseReader::State::explain_failure(std::size_t size, CaseError& error) {
  // On-Demand reads only what the case needs and stops at the first problem: validate the whole
  // input, so that input which is not JSON is always called so, and a case error is only ever
  // said about valid JSON. simdjson's full parser also words JSON faults more precisely.
  if (!validator) validator = std::make_unique<simdjson::dom::parser>();
  simdjson::error_code verdict = unless_out_of_memory(validator->parse(buffer.data(), size, false).error());
  if (verdict == simdjson::NUMBER_ERROR) {
    // simdjson's full parser also refuses valid numbers it cannot convert (big integers, 1e999):
    // judge the rest of the input with each valid number written as 0.
    const std::string zeroed = internal::zeroed_numbers(std::string_view(buffer.data(), size));
    verdict = unless_out_of_memory(validator->parse(zeroed).error());
  }
  if (fault == simdjson::SUCCESS && verdict == simdjson::SUCCESS) return;
  error.field.clear();
  if (verdict == simdjson::DEPTH_ERROR) {
    error.message = "JSON nested more than " + std::to_string(kMaxDepth) + " levels deep";
    return;
  }
  error.message = "invalid JSON";
  // On-Demand knows where it stopped while its iterator is alive (a fault in a value it read);
  // after a fault in the document's frame it has abandoned the input and knows no place.
  if (fault != simdjson::SUCCESS && parsed && document.is_alive()) {
    const simdjson::simdjson_result<const char*> location = document.current_location();
    if (location.error() == simdjson::SUCCESS && location.value_unsafe() >= buffer.data() &&
        location.value_unsafe() <= buffer.data() + size) {
      error.message += " at byte " + std::to_string(location.value_unsafe() - buffer.data());
    }
  }
  error.message += ": " + reason(verdict != simdjson::SUCCESS ? verdict : fault);
}

CaseReader::CaseReader(const std::vector<ImageFact>& facts) : state_(std::make_unique<State>(facts)) {}
CaseReader::~CaseReader() = default;
CaseReader::CaseReader(CaseReader&&) noexcept = default;
CaseReader& CaseReader::operator=(CaseReader&&) noexcept = default;

bool CaseReader::read(std::string_view json, std::vector<FactValue>& facts, std::string& id, CaseError& error) {
  return state_->read(json, facts, id, error);
}

bool CaseReader::read_in_place(std::string_view json, std::vector<FactValue>& facts, std::string& id,
                               CaseError& error) {
  return state_->read_in_place(json, facts, id, error);
}

}  // namespace redflag
