// `eval`'s progress line on standard error: `12,345 cases, 45,678 cases/s, 3 errors`, redrawn
// in place at most ten times a second (tools/eval/progress_meter.hpp) and cleared when the batch
// ends, so nothing of it stays on the screen.
//
// It is shown only when standard error is a terminal and `--quiet` is not given, and not while
// records go to that terminal too (standard output a terminal, in any format but summary): a
// line redrawn between records would tear them.
#pragma once

#include "tools/eval/eval_pipeline.hpp"
#include "tools/eval/progress_meter.hpp"

namespace redflag::cli {

// Whether a batch writing [format] shows the progress line.
bool progress_wanted(bool quiet, tools::OutputFormat format);

class EvalProgress {
 public:
  EvalProgress();
  ~EvalProgress() { clear(); }
  EvalProgress(const EvalProgress&) = delete;
  EvalProgress& operator=(const EvalProgress&) = delete;

  // Redraws the line for the counts [so_far], unless it was drawn less than 100 ms ago.
  void update(const tools::EvalOutcome& so_far);
  // Erases the line, if it was drawn.
  void clear();

 private:
  tools::ProgressMeter meter_;
  bool drawn_ = false;
};

}  // namespace redflag::cli
