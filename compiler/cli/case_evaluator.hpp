// Evaluates the entries of a block of input (compiler/cli/case_blocks.hpp) into a writer: read
// the case, run the VM, write the record; or write the entry's error record.
//
// One CaseEvaluator per thread: it owns its case reader, facts, Evaluation and scratch, and
// shares only the immutable Image and Program. Once they have grown to the largest case it
// allocates nothing per case (with the json, csv and summary writers).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/cli/case_blocks.hpp"
#include "compiler/cli/result_writer.hpp"
#include "runtime/case_reader.hpp"
#include "runtime/next_question.hpp"
#include "runtime/redflag.hpp"

namespace redflag::cli {

class CaseEvaluator {
 public:
  // [image], [program] (made from it) and [writer] must outlive the evaluator.
  CaseEvaluator(const Image& image, const Program& program, ResultWriter& writer);

  // `--ask`: rank the next questions for every case from now on.
  void ask_questions();

  // Writes a record for every entry of [block], in order, until the writer fails; [source]
  // names the inputs. Sets block.had_input_errors when some entry is an error record.
  void evaluate(Block& block, const InputSource& source);

 private:
  void evaluate_case(std::string_view json, const CaseOrigin& origin, Block& block);
  void report(const CaseOrigin& origin, std::string_view message, std::string_view field, Block& block);

  const Image& image_;
  const Program& program_;
  Evaluation evaluation_;
  CaseReader reader_;
  ResultWriter& writer_;
  std::vector<FactValue> facts_;
  std::string id_;
  CaseError error_;
  std::optional<QuestionRanker> ranker_;
};

}  // namespace redflag::cli
