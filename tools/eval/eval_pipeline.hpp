// Bulk evaluation: every case of the inputs into one ResultWriter, in input order, on one
// thread or on several (`redflag eval --jobs N`, a service's batch endpoint, Python's
// evaluate_many).
//
// On several threads the calling thread reads blocks (case_blocks.hpp) and writes their output
// in input order; N - 1 worker threads evaluate them, and so does the calling thread whenever it
// has nothing to read or write, so N threads share the work on N cores. Each thread has its own
// CaseEvaluator and buffering writer. A ring of 2N + 2 blocks bounds the memory and keeps every
// thread busy. Both ways produce the same records in the same order.
//
// A caller can stop a batch early (a front end's SIGINT, a service's cancelled request) with
// EvalSettings::stop_requested: it is asked on the calling thread before each block, and the
// batch then ends at a block boundary, so every record written is whole. Running out of memory
// throws std::bad_alloc from any thread; a worker thread that cannot start throws
// ThreadStartError. Either way no worker outlives the call and no partial record is written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "tools/eval/case_blocks.hpp"
#include "tools/eval/result_writer.hpp"
#include "runtime/image.hpp"
#include "runtime/vm.hpp"

namespace redflag::tools {

// How a batch went.
struct EvalOutcome {
  bool had_input_errors = false;   // some case had an input error (its error record was written)
  bool stopped = false;            // stop_requested ended the batch before its input did
  std::uint64_t records = 0;       // records handed to the writer: one per case and input line
  std::uint64_t input_errors = 0;  // of those, error records
};

struct EvalSettings {
  std::vector<std::string> inputs;  // case files, or - for standard input
  InputFormat input_format = InputFormat::Auto;  // how each input is framed (input_framing.hpp)
  CaseTranslator translate;  // InputFormat::Fhir: each input into its case (case_blocks.hpp)
  OutputFormat format = OutputFormat::Json;
  unsigned jobs = 1;                // threads; 1 evaluates on the calling thread only
  bool ask = false;                 // rank the questions to ask for every case (`--ask`)
  bool color = false;               // ANSI colour in text records (ResultWriter::set_color)
  std::size_t block_bytes = InputSource::kBlockBytes;
  // Asked before each block on the calling thread; once true, no further record is written.
  // Empty: the batch runs to its end.
  std::function<bool()> stop_requested;
  // Called on the calling thread after each block's records are written, with the counts so
  // far (a progress line). Empty: nobody is told.
  std::function<void(const EvalOutcome&)> progress;
};

// A worker thread for `jobs > 1` could not be started; what() says why.
class ThreadStartError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Evaluates every case of [settings].inputs against [image] (whose [program] it is) into
// [writer], in input order, stopping early once the writer fails or the caller asks; then
// writes the writer's closing text (not for a stopped batch: a summary of part of the input
// would pass for the whole) and flushes it. A case with an input error gets its error record
// and the other cases are still evaluated.
EvalOutcome evaluate_cases(const Image& image, const Program& program, const EvalSettings& settings,
                           ResultWriter& writer);

}  // namespace redflag::tools
