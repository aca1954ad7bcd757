#include "tools/eval/eval_pipeline.hpp"

#include <condition_variable>
#include <iterator>
#include <list>
#include <memory>
#include <mutex>
#include <thread>

#include "tools/eval/case_evaluator.hpp"

namespace redflag::tools {
namespace {

// The single-threaded loop: each block is evaluated straight into [writer].
bool evaluate_in_order(const Image& image, const Program& program, const EvalSettings& settings,
                       ResultWriter& writer) {
  InputSource source(settings.inputs, settings.block_bytes, settings.input_format);
  CaseEvaluator evaluator(image, program, writer);
  if (settings.ask) evaluator.ask_questions();
  Block block;
  bool had_input_errors = false;
  while (writer.ok() && source.fill(block)) {
    evaluator.evaluate(block, source);
    had_input_errors = had_input_errors || block.had_input_errors;
  }
  return had_input_errors;
}

// `jobs > 1`: see the header.
class Pipeline {
 public:
  Pipeline(const Image& image, const Program& program, const EvalSettings& settings)
      : source_(settings.inputs, settings.block_bytes, settings.input_format), slots_(2 * settings.jobs + 2) {
    for (unsigned i = 0; i < settings.jobs; ++i) {
      auto& worker = workers_.emplace_back();
      worker.writer = make_result_writer(settings.format, image, nullptr);
      worker.evaluator = std::make_unique<CaseEvaluator>(image, program, *worker.writer);
      if (settings.ask) worker.evaluator->ask_questions();
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

}  // namespace

bool evaluate_cases(const Image& image, const Program& program, const EvalSettings& settings,
                    ResultWriter& writer) {
  const bool had_input_errors = settings.jobs > 1 ? Pipeline(image, program, settings).run(writer)
                                                  : evaluate_in_order(image, program, settings, writer);
  writer.finish();
  writer.flush();
  return had_input_errors;
}

}  // namespace redflag::tools
