// Bulk evaluation: every case of the inputs into one ResultWriter, in input order, on one
// thread or on several (`redflag eval --jobs N`, a service's batch endpoint, Python's
// evaluate_many).
//
// On several threads the calling thread reads blocks (case_blocks.hpp) and writes their output
// in input order; N - 1 worker threads evaluate them, and so does the calling thread whenever it
// has nothing to read or write, so N threads share the work on N cores. Each thread has its own
// CaseEvaluator and buffering writer. A ring of 2N + 2 blocks bounds the memory and keeps every
// thread busy. Both ways produce the same records in the same order.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "tools/eval/case_blocks.hpp"
#include "tools/eval/result_writer.hpp"
#include "runtime/image.hpp"
#include "runtime/vm.hpp"

namespace redflag::tools {

struct EvalSettings {
  std::vector<std::string> inputs;  // case files, or - for standard input
  InputFormat input_format = InputFormat::Auto;  // how each input is framed (input_framing.hpp)
  OutputFormat format = OutputFormat::Json;
  unsigned jobs = 1;                // threads; 1 evaluates on the calling thread only
  bool ask = false;                 // rank the questions to ask for every case (`--ask`)
  std::size_t block_bytes = InputSource::kBlockBytes;
};

// Evaluates every case of [settings].inputs against [image] (whose [program] it is) into
// [writer], in input order, stopping early once the writer fails; then writes the writer's
// closing text and flushes it. Returns true when some case had an input error (its error record
// was written and the other cases were still evaluated).
bool evaluate_cases(const Image& image, const Program& program, const EvalSettings& settings,
                    ResultWriter& writer);

}  // namespace redflag::tools
