#include "tools/eval/eval_pipeline.hpp"

#include <condition_variable>
#include <exception>
#include <iterator>
#include <list>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>

#include "tools/eval/case_evaluator.hpp"

namespace redflag::tools {
namespace {

// True, and noted in [outcome], once the caller has asked the batch to stop.
bool stop_now(const EvalSettings& settings, EvalOutcome& outcome) {
  outcome.stopped = outcome.stopped || (settings.stop_requested && settings.stop_requested());
  return outcome.stopped;
}

// Adds [block], whose records are written, to [outcome], and tells the caller's progress.
void count_block(const Block& block, const EvalSettings& settings, EvalOutcome& outcome) {
  outcome.had_input_errors = outcome.had_input_errors || block.had_input_errors;
  outcome.records += block.entries.size();
  outcome.input_errors += block.input_errors;
  if (settings.progress) settings.progress(outcome);
}

// The single-threaded loop: each block is evaluated straight into [writer].
EvalOutcome evaluate_in_order(const Image& image, const Program& program, const EvalSettings& settings,
                              ResultWriter& writer) {
  InputSource source(settings.inputs, settings.block_bytes, settings.input_format, settings.translate);
  CaseEvaluator evaluator(image, program, writer);
  if (settings.ask) evaluator.ask_questions();
  Block block;
  EvalOutcome outcome;
  // Asked again after fill: reading standard input may have waited long for the block.
  while (writer.ok() && !stop_now(settings, outcome) && source.fill(block) && !stop_now(settings, outcome)) {
    evaluator.evaluate(block, source);
    count_block(block, settings, outcome);
  }
  return outcome;
}

// `jobs > 1`: see the header.
class Pipeline {
 public:
  Pipeline(const Image& image, const Program& program, const EvalSettings& settings)
      : settings_(settings), source_(settings.inputs, settings.block_bytes, settings.input_format, settings.translate),
        slots_(2 * settings.jobs + 2) {
    for (unsigned i = 0; i < settings.jobs; ++i) {
      auto& worker = workers_.emplace_back();
      worker.writer = make_result_writer(settings.format, image, nullptr);
      worker.writer->set_color(settings.color);
      worker.evaluator = std::make_unique<CaseEvaluator>(image, program, *worker.writer);
      if (settings.ask) worker.evaluator->ask_questions();
    }
  }
  // Whatever ended the run (its end, a stop, an exception on this thread), no worker outlives it.
  ~Pipeline() { stop_workers(); }
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Evaluates every case into [writer], in input order, until the input ends or the caller
  // asks to stop. Rethrows a worker's exception (std::bad_alloc) once every worker has stopped.
  EvalOutcome run(ResultWriter& writer) {
    start_workers();
    EvalOutcome outcome;
    std::uint64_t written = 0;
    bool input_done = false;
    std::unique_lock lock(mutex_);
    // Blocks evaluated but not yet written when the caller stops are dropped, never cut.
    while (!(input_done && written == filled_) && !failure_ && !stop_now(settings_, outcome)) {
      Slot& oldest = slots_[written % slots_.size()];
      if (written < filled_ && oldest.done) {
        lock.unlock();
        writer.write_through(oldest.block.output);
        count_block(oldest.block, settings_, outcome);
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
        evaluate_next(main_worker(), lock);
      } else {
        block_done_.wait(lock);
      }
    }
    lock.unlock();
    stop_workers();
    if (failure_) std::rethrow_exception(failure_);
    for (auto& worker : workers_) writer.merge(*worker.writer);
    return outcome;
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

  Worker& main_worker() { return workers_.front(); }  // runs on the calling thread

  void start_workers() {
    for (auto worker = std::next(workers_.begin()); worker != workers_.end(); ++worker) {
      try {
        worker->thread = std::thread([this, worker] { work(*worker); });
      } catch (const std::system_error& error) {  // EAGAIN: out of threads or of memory for a stack
        throw ThreadStartError("cannot start a worker thread: " + error.code().message());
      }
    }
  }

  // Lets every worker finish the block it is on, then joins it; no block is started after.
  void stop_workers() {
    {
      const std::lock_guard lock(mutex_);
      finished_ = true;
      taken_ = filled_;
    }
    work_ready_.notify_all();
    for (auto& worker : workers_) {
      if (worker.thread.joinable()) worker.thread.join();
    }
  }

  void work(Worker& worker) {
    std::unique_lock lock(mutex_);
    for (;;) {
      work_ready_.wait(lock, [this] { return taken_ < filled_ || finished_; });
      if (taken_ == filled_) return;
      try {
        evaluate_next(worker, lock);
      } catch (...) {  // std::bad_alloc: the calling thread stops the run and rethrows it
        if (!lock.owns_lock()) lock.lock();
        if (!failure_) failure_ = std::current_exception();
        block_done_.notify_one();
        return;
      }
    }
  }

  // Takes the next block no thread has started and evaluates it with [worker], with [lock]
  // (on mutex_, held on entry and on a normal return) released meanwhile.
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

  const EvalSettings& settings_;
  InputSource source_;
  std::vector<Slot> slots_;
  std::list<Worker> workers_;  // a list: workers never move once their thread runs
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable block_done_;
  std::uint64_t filled_ = 0;  // blocks handed to the workers so far
  std::uint64_t taken_ = 0;   // blocks a worker has started
  bool finished_ = false;     // the run is over: workers stop
  std::exception_ptr failure_;  // the first exception a worker thread threw
};

}  // namespace

EvalOutcome evaluate_cases(const Image& image, const Program& program, const EvalSettings& settings,
                           ResultWriter& writer) {
  writer.set_color(settings.color);
  const EvalOutcome outcome = settings.jobs > 1 ? Pipeline(image, program, settings).run(writer)
                                                : evaluate_in_order(image, program, settings, writer);
  if (!outcome.stopped) writer.finish();
  writer.flush();
  return outcome;
}

}  // namespace redflag::tools
