// `redflag eval KB CASE...`: evaluate patient cases (JSON, JSON Lines or standard input).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <condition_variable>
#include <csignal>
#include <iterator>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "compiler/cli/case_blocks.hpp"
#include "compiler/cli/case_evaluator.hpp"
#include "compiler/cli/choice_option.hpp"
#include "compiler/cli/kb_input.hpp"
#include "compiler/cli/result_writer.hpp"
#include "compiler/cli/verbs.hpp"
#include "runtime/redflag.hpp"

namespace redflag::cli {
namespace {

struct EvalOptions {
  std::string kb;
  std::vector<std::string> cases;
  std::optional<OutputFormat> format;
  DiagnosticsFormat diagnostics_format = DiagnosticsFormat::Text;
  bool ask = false;
  unsigned jobs = 1;
};

// The single-threaded loop: each block is evaluated straight into [writer].
bool evaluate_in_order(const Image& image, const Program& program, const EvalOptions& options,
                       ResultWriter& writer) {
  InputSource source(options.cases);
  CaseEvaluator evaluator(image, program, writer);
  if (options.ask) evaluator.ask_questions();
  Block block;
  bool had_input_errors = false;
  while (writer.ok() && source.fill(block)) {
    evaluator.evaluate(block, source);
    had_input_errors = had_input_errors || block.had_input_errors;
  }
  return had_input_errors;
}

// `--jobs N`: the main thread reads blocks and writes their output in input order; N - 1 worker
// threads evaluate them, and so does the main thread whenever it has nothing to read or write,
// so N threads share the work on N cores. Each has its own evaluator and writer. A ring of
// 2N + 2 blocks bounds the memory and keeps every thread busy.
class Pipeline {
 public:
  Pipeline(const Image& image, const Program& program, const EvalOptions& options, OutputFormat format)
      : source_(options.cases), slots_(2 * options.jobs + 2) {
    for (unsigned i = 0; i < options.jobs; ++i) {
      auto& worker = workers_.emplace_back();
      worker.writer = make_result_writer(format, image, nullptr);
      worker.evaluator = std::make_unique<CaseEvaluator>(image, program, *worker.writer);
      if (options.ask) worker.evaluator->ask_questions();
    }
  }

  // Evaluates every case into [writer], in input order; true when some case had an input error.
  bool run(ResultWriter& writer) {
    Worker& main_worker = workers_.front();  // runs on this thread
    for (auto worker = std::next(workers_.begin()); worker != workers_.end(); ++worker) {
      worker->thread = std::thread([this, worker] { work(*worker); });
    }
    bool had_input_errors = false;
    std::uint64_t written = 0;
    bool input_done = false;
    std::unique_lock lock(mutex_);
    while (!(input_done && written == filled_)) {
      Slot& oldest = slots_[written % slots_.size()];
      if (written < filled_ && oldest.done) {
        lock.unlock();
        had_input_errors = had_input_errors || oldest.block.had_input_errors;
        writer.write_through(oldest.block.output);
        lock.lock();
        oldest.done = false;
        ++written;
      } else if (!input_done && filled_ - written < slots_.size()) {
        Block& next = slots_[filled_ % slots_.size()].block;  // free: no worker can see it
        lock.unlock();
        input_done = !writer.ok() || !source_.fill(next);
        lock.lock();
        if (!input_done) ++filled_;
        work_ready_.notify_one();
      } else if (taken_ < filled_) {
        evaluate_next(main_worker, lock);
      } else {
        block_done_.wait(lock);
      }
    }
    finished_ = true;
    work_ready_.notify_all();
    lock.unlock();
    for (auto& worker : workers_) {
      if (worker.thread.joinable()) worker.thread.join();
      writer.merge(*worker.writer);
    }
    return had_input_errors;
  }

 private:
  struct Slot {
    Block block;
    bool done = false;  // evaluated, output not yet written
  };
  struct Worker {
    std::unique_ptr<ResultWriter> writer;  // buffers only
    std::unique_ptr<CaseEvaluator> evaluator;
    std::thread thread;
  };

  void work(Worker& worker) {
    std::unique_lock lock(mutex_);
    for (;;) {
      work_ready_.wait(lock, [this] { return taken_ < filled_ || finished_; });
      if (taken_ == filled_) return;
      evaluate_next(worker, lock);
    }
  }

  // Takes the next block no thread has started and evaluates it with [worker], with [lock]
  // (on mutex_, held on entry and on return) released meanwhile.
  void evaluate_next(Worker& worker, std::unique_lock<std::mutex>& lock) {
    Slot& slot = slots_[taken_++ % slots_.size()];
    lock.unlock();
    worker.evaluator->evaluate(slot.block, source_);
    std::swap(slot.block.output, worker.writer->buffer());
    worker.writer->buffer().clear();
    lock.lock();
    slot.done = true;
    block_done_.notify_one();
  }

  InputSource source_;
  std::vector<Slot> slots_;
  std::list<Worker> workers_;  // a list: workers never move once their thread runs
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable block_done_;
  std::uint64_t filled_ = 0;  // blocks handed to the workers so far
  std::uint64_t taken_ = 0;   // blocks a worker has started
  bool finished_ = false;     // every block is written: workers stop
};

int run_eval(const EvalOptions& options) {
  const auto image = load_kb_input({options.kb}, options.diagnostics_format);
  if (!image) return 1;
  // A closed pipe (`| head -1`) must end the run quietly: let write() fail with EPIPE instead.
  std::signal(SIGPIPE, SIG_IGN);
  const OutputFormat format =
      options.format.value_or(isatty(STDOUT_FILENO) ? OutputFormat::Text : OutputFormat::Json);
  const auto writer = make_result_writer(format, *image, stdout);
  const Program program(*image);
  const bool had_input_errors = options.jobs > 1 ? Pipeline(*image, program, options, format).run(*writer)
                                                 : evaluate_in_order(*image, program, options, *writer);
  writer->finish();
  writer->flush();
  return had_input_errors ? 2 : 0;
}

}  // namespace

void add_eval_verb(CLI::App& root, int& exit_code) {
  auto options = std::make_shared<EvalOptions>();
  auto* verb = root.add_subcommand("eval", "Evaluate patient cases against a KB");
  verb->footer(
      "CASE is a .json file (one case), a .jsonl file (one case per line) or - (standard input,\n"
      "read as JSON Lines). Output has one record per case, in input order. Exit 0 when every\n"
      "case was evaluated, 2 when some case had an input error (the others were still\n"
      "evaluated), 1 when the KB or the command line is wrong.");
  verb->add_option("KB", options->kb, "A .rfb file, or a KB source directory or file")->required();
  verb->add_option("CASE", options->cases, "Case files: .json, .jsonl, or - for standard input")
      ->required();
  add_choice_option(*verb, "--format", options->format,
                    "Output format: text (default on a terminal), json (one object per line), csv (one "
                    "row per case) or summary (counts only)",
                    std::vector<std::pair<std::string, OutputFormat>>{{"text", OutputFormat::Text},
                                                                      {"json", OutputFormat::Json},
                                                                      {"csv", OutputFormat::Csv},
                                                                      {"summary", OutputFormat::Summary}});
  verb->add_option("--jobs,-j", options->jobs, "Evaluate on N threads; output stays in input order")
      ->check(CLI::Range(1u, 256u));
  verb->add_flag("--ask", options->ask,
                 "For incomplete cases, list the unknown facts to ask about, most consequential first");
  add_diagnostics_format_option(*verb, options->diagnostics_format);
  verb->callback([options, &exit_code] { exit_code = run_eval(*options); });
}

}  // namespace redflag::cli
