// The KB object behind Python's redflag.KnowledgeBase: a loaded, verified KB, its bytecode (what
// it pickles as), and the evaluators that turn JSON cases into `eval --format json` records.
//
// Records are made by the CLI's own code: tools/eval/case_evaluator.hpp reads each case with the
// JSON case reader, evaluates it with the batch VM and writes it with the JSON result writer, so
// a record here is byte for byte one line of `redflag eval --format json`. Evaluators are pooled:
// a call takes one (or makes one), so any number of threads may share a handle, each call using
// its own reader, batch and writer. No Python here: python/src/module.cpp binds it.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/redflag.hpp"
#include "tools/kb/kb_loader.hpp"

namespace redflag::python {

class KbHandle {
 public:
  // Wraps [loaded], which must be ok(); its bytes, or the image written anew, are the bytecode.
  explicit KbHandle(tools::LoadedKb loaded);
  ~KbHandle();

  const Kb& kb() const { return *kb_; }
  const Image& image() const { return kb_->image(); }
  const std::vector<std::uint8_t>& bytecode() const { return bytecode_; }

  // One `eval --format json` line (newline included) per case of [cases], each one JSON object;
  // a case that cannot be read gives the CLI's error record, whose "line" is its 1-based
  // position in [cases] and whose "file" is kCasesName.
  std::string evaluate(const std::vector<std::string_view>& cases) const;

  // The name error records give the cases passed to evaluate.
  static constexpr std::string_view kCasesName = "<cases>";

 private:
  struct Evaluator;
  // An evaluator from the pool, or a new one; give it back with release.
  std::unique_ptr<Evaluator> acquire() const;
  void release(std::unique_ptr<Evaluator> evaluator) const;

  std::shared_ptr<const Kb> kb_;
  std::vector<std::uint8_t> bytecode_;
  mutable std::mutex pool_mutex_;
  mutable std::vector<std::unique_ptr<Evaluator>> pool_;
};

}  // namespace redflag::python
