// The JSON case reader: one JSON object per case, read into the VM's fact values.
//
// A case is an object whose keys are fact names (plus the reserved `id`); docs/cases.md gives
// the format and every error message. Values go through the same checks as the embedding API's
// setters (runtime/fact_input.hpp). Built for batches: simdjson's On-Demand parser walks the
// object once, keys are found in a prebuilt hash table, and every buffer is kept for the next
// case, so reading case after case allocates nothing once the longest case has been seen. Errors
// are values, never exceptions; only running out of memory throws (std::bad_alloc, also when
// simdjson cannot allocate). It does not evaluate, and it does not split JSON Lines
// (runtime/cases/line_reader.hpp does). This is the redflag_cases library, the only runtime code that
// links simdjson; the header keeps simdjson out of its includers.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/fact_value.hpp"
#include "runtime/image.hpp"

namespace redflag {

// Why a case could not be read: [message] for people, [field] the JSON key concerned ("" when none).
struct CaseError {
  std::string message;
  std::string field;
};

// Reads JSON case objects against one KB's fact table. One reader per thread; reusing it for
// case after case allocates nothing in the steady state.
class CaseReader {
 public:
  // Copies what it needs of [facts].
  explicit CaseReader(const std::vector<ImageFact>& facts);
  ~CaseReader();
  CaseReader(CaseReader&&) noexcept;
  CaseReader& operator=(CaseReader&&) noexcept;

  // Reads one case: [json] holds exactly one JSON object (no padding required: copy into an
  // internal padded buffer when needed). Fills [facts] (resized to the fact count; every fact
  // first reset to unknown) and [id] (the "id" key: a string's contents, or a number's JSON text;
  // empty when absent). Returns false and fills [error] when the case cannot be read; [id] is
  // still set when it was read before the problem.
  bool read(std::string_view json, std::vector<FactValue>& facts, std::string& id, CaseError& error);

  // How many readable bytes read_in_place needs after a case.
  static constexpr std::size_t kPadding = 64;

  // As read, for a case followed in memory by at least kPadding readable bytes (of any value,
  // such as the next cases of a batch): it is parsed where it lies, without a copy. A case that
  // cannot be read is read again from a copy, so its error is exactly the one read gives.
  bool read_in_place(std::string_view json, std::vector<FactValue>& facts, std::string& id, CaseError& error);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace redflag
