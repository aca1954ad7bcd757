// The KB object behind Python's redflag.KnowledgeBase: a loaded, verified KB, its bytecode (what
// it pickles as), and the evaluators that read JSON cases and evaluate them as `redflag eval` does.
//
// Cases go through the CLI's own code: tools/eval/case_evaluator.hpp reads each case with the
// JSON case reader and evaluates it with the batch VM, in input order, with an error in place of
// a case that cannot be read. What it would write is kept instead (Outcome), for
// python/src/record_dict.hpp to turn into the dicts of `eval --format json` records. Evaluators
// are pooled: a Session takes one (or makes one), so any number of threads may share a handle,
// each with its own reader, batch and results. No Python here: python/src/module.cpp binds it.
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

// One case's result as the JSON writer would have received it: evaluated, or not read.
struct Outcome {
  bool read = false;
  std::string id;  // as the case reader read it (empty when absent)
  Evaluation evaluation;
  std::vector<FactValue> facts;
  std::uint64_t position = 0;  // 0-based, in the cases evaluated
  std::string message;  // why it could not be read
  std::string field;    // the key concerned, or empty
};

class KbHandle {
  struct Evaluator;

 public:
  // Wraps [loaded], which must be ok(); its bytes, or the image written anew, are the bytecode.
  explicit KbHandle(tools::LoadedKb loaded);
  ~KbHandle();

  const Kb& kb() const { return *kb_; }
  const Image& image() const { return kb_->image(); }
  const std::vector<std::uint8_t>& bytecode() const { return bytecode_; }

  // An evaluator of the pool for one call, given back when the session ends.
  class Session {
   public:
    explicit Session(const KbHandle& kb);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Evaluates [cases], each one JSON object; an Outcome per case, in order, valid until the
    // next evaluate or the end of the session.
    const std::vector<Outcome>& evaluate(const std::vector<std::string_view>& cases);

   private:
    const KbHandle& kb_;
    std::unique_ptr<Evaluator> evaluator_;
  };

 private:
  std::shared_ptr<const Kb> kb_;
  std::vector<std::uint8_t> bytecode_;
  mutable std::mutex pool_mutex_;
  mutable std::vector<std::unique_ptr<Evaluator>> pool_;
};

}  // namespace redflag::python
