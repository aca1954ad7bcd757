// Evaluates the entries of a block of input (tools/eval/case_blocks.hpp) into a writer: read
// the case, evaluate it, write the record; or write the entry's error record.
//
// Cases are read into a batch of up to kBatchSize and evaluated together by the batch evaluator
// (runtime/vm_batch.hpp); the batch is evaluated and written out when it is full, at the end of
// the block, and before any error record, so that records keep the order of the input.
//
// One CaseEvaluator per thread: it owns its case reader, batch, Evaluations and scratch, and
// shares only the immutable Image and Program. Once they have grown to the largest case it
// allocates nothing per case (with the json, csv and summary writers).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tools/eval/case_blocks.hpp"
#include "tools/eval/result_writer.hpp"
#include "runtime/cases/case_reader.hpp"
#include "runtime/next_question.hpp"
#include "runtime/redflag.hpp"
#include "runtime/vm_batch.hpp"

namespace redflag::tools {

class CaseEvaluator {
 public:
  // [image], [program] (made from it) and [writer] must outlive the evaluator.
  CaseEvaluator(const Image& image, const Program& program, ResultWriter& writer);

  // `--ask`: rank the next questions for every case from now on.
  void ask_questions();

  // Writes a record for every entry of [block], in order, until the writer fails; [source]
  // names the inputs. Sets block.had_input_errors when some entry is an error record, and counts them in
  // block.input_errors.
  void evaluate(Block& block, const InputSource& source);

 private:
  // A case read and waiting for the rest of its batch.
  struct Slot {
    std::vector<FactValue> facts;
    std::string id;
    Evaluation evaluation;
  };

  // Reads the case [json] into the batch; an error record (after the batch) if it cannot be read.
  void read_case(std::string_view json, const CaseOrigin& origin, Block& block);
  // Evaluates the cases waiting in the batch and writes their records.
  void flush();
  // Writes an error record for the case whose id is [id] ("" when unknown), after the batch.
  void report(std::string_view id, const CaseOrigin& origin, std::string_view message, std::string_view field,
              Block& block);

  const Image& image_;
  const Program& program_;
  CaseReader reader_;
  ResultWriter& writer_;
  BatchEvaluator batch_;
  std::vector<Slot> slots_;  // kBatchSize of them
  std::size_t waiting_ = 0;  // cases in slots_ not yet evaluated
  std::vector<const FactValue*> batch_facts_;
  std::vector<Evaluation*> batch_results_;
  CaseError error_;
  std::optional<QuestionRanker> ranker_;
};

}  // namespace redflag::tools
