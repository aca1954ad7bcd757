// The C++ embedding API: load a KB, describe a case fact by fact, evaluate, read the results.
//
// This is the one header an embedder needs. It wraps the loader (every KB is verified before
// use), the VM and units.hpp (quantities in any UCUM unit or alias are converted to the
// fact's canonical unit). Errors are values: loading returns null with a reason, and each setter
// returns an empty string on success or the reason it refused. Nothing here throws except
// std::bad_alloc. It does not read JSON cases (that is the separate redflag_cases library).
// docs/embedding.md walks through it; runtime/redflag.h is the C API over the same.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/image.hpp"
#include "runtime/vm.hpp"

namespace redflag {

// A loaded, verified knowledge base, ready to evaluate cases. Immutable after loading, so one
// Kb may serve any number of cases on any number of threads.
class Kb {
 public:
  // Loads the `.rfb` file at [path]; null with [error] set when it cannot.
  static std::shared_ptr<const Kb> open_file(const std::string& path, std::string& error);
  // Loads [size] bytes of `.rfb` at [data]; null with [error] set when they are not valid.
  static std::shared_ptr<const Kb> open_bytes(const std::uint8_t* data, std::size_t size, std::string& error);

  // Wraps [image], which must have been verified (the loader's, or passed verify_image).
  explicit Kb(Image image);

  const Image& image() const { return image_; }
  const Program& program() const { return program_; }
  // The index of the fact called [name], or kNoIndex.
  std::uint32_t fact_id(std::string_view name) const;
  // The content hash as 64 lowercase hex digits.
  std::string hash() const;

 private:
  Image image_;
  Program program_;
};

// A known fact a fired flag read: the reason it fired.
struct Evidence {
  std::uint32_t fact_id;
  std::string_view fact;  // its name (points into the Kb)
  double value;           // canonical unit, bool 0/1, or enum index
};

// An exact numeric value a fired flag's condition read (a numeric define, score or item): the
// number behind the reason it fired.
struct ComputedValue {
  std::uint32_t slot;     // number slot (Image::numbers)
  std::string_view name;  // its name; an item's is `score.item`
  double value;
  std::string_view unit;  // UCUM code, "1" when dimensionless
};

struct FiredFlag {
  std::uint32_t flag_id;
  std::string_view flag;   // name
  std::string_view level;  // urgency level name
  std::vector<Evidence> evidence;
  std::vector<ComputedValue> computed;  // per ImageFlag::numbers, the exact ones, ascending slots
};

// An undetermined flag and the unknown facts that could settle it.
struct UndeterminedFlag {
  std::uint32_t flag_id;
  std::string_view flag;
  std::vector<std::uint32_t> needs;  // fact ids, ascending
};

// A score's value for the case: exact when [lo] == [hi], else the bounds the unknown facts leave.
struct ScoreResult {
  std::uint32_t slot;     // number slot (Image::numbers)
  std::string_view name;
  double lo;
  double hi;
  std::vector<std::uint32_t> needs;  // fact ids the score reads that the case lacks, ascending
};

// The outcome of evaluating a case. String views point into the Kb and live as long as it.
struct CaseResult {
  std::vector<FiredFlag> fired;                // in flag-table order
  std::vector<UndeterminedFlag> undetermined;  // in flag-table order
  std::vector<std::uint32_t> topics;           // topics to show: condition true or seen by a fired flag
  std::vector<ScoreResult> scores;             // every score, in number-table order
  std::uint32_t urgency = 0;                   // level index: highest fired, the first level if none
  std::string_view urgency_name;
  bool complete = true;  // no flag undetermined
};

// Reads [evaluation] of [facts] against [image] into [result]: the fired flags with their
// evidence and computed values, the undetermined flags with what they need, the topics to
// show, every score with its bounds and what it needs. Reuses [result]'s
// storage. Case::evaluate calls it; so do output writers that evaluate with the VM directly.
void describe_case(const Image& image, const Evaluation& evaluation, const FactValue* facts,
                   CaseResult& result);

// One patient's facts against one Kb. Facts start unknown. Reusable: clear() and set again.
class Case {
 public:
  explicit Case(std::shared_ptr<const Kb> kb);

  // Setters by fact name: an empty string on success, else why [fact] was not set (unknown
  // fact, wrong type, unknown unit or enum value, value outside the fact's range).
  [[nodiscard]] std::string set_bool(std::string_view fact, bool value);
  // A number fact, or a quantity fact in its canonical unit.
  [[nodiscard]] std::string set_number(std::string_view fact, double value);
  // A quantity fact in [unit] (a UCUM code or alias, e.g. "kg", "lb"), converted.
  [[nodiscard]] std::string set_quantity(std::string_view fact, double value, std::string_view unit);
  [[nodiscard]] std::string set_enum(std::string_view fact, std::string_view value);
  // A text fact: only its presence matters to rules.
  [[nodiscard]] std::string set_text(std::string_view fact, std::string_view text);
  [[nodiscard]] std::string set_unknown(std::string_view fact);
  // Sets fact [fact_id] directly, in the VM's encoding; ids out of range are ignored.
  void set(std::uint32_t fact_id, FactValue value);
  // Makes every fact unknown again.
  void clear();

  const FactValue& fact(std::uint32_t fact_id) const { return facts_[fact_id]; }
  const Kb& kb() const { return *kb_; }

  // Evaluates the facts set so far; the result stays valid until the next evaluate.
  const CaseResult& evaluate();
  // The result of the last evaluate (empty and complete before the first).
  const CaseResult& result() const { return result_; }

 private:
  // Finds [name]: sets [fact_id], or returns why not.
  [[nodiscard]] std::string find(std::string_view name, std::uint32_t& fact_id) const;
  // Marks fact [fact_id] known when [reason], a check's verdict on its new value, is empty.
  [[nodiscard]] std::string set_known(std::uint32_t fact_id, std::string reason);

  std::shared_ptr<const Kb> kb_;
  std::vector<FactValue> facts_;
  Evaluation evaluation_;
  CaseResult result_;
};

}  // namespace redflag
