#include "cli/eval_progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace redflag::cli {

bool progress_wanted(bool quiet, tools::OutputFormat format) {
  if (quiet || isatty(STDERR_FILENO) != 1) return false;
  return format == tools::OutputFormat::Summary || isatty(STDOUT_FILENO) != 1;
}

EvalProgress::EvalProgress() : meter_(tools::ProgressMeter::Clock::now()) {}

void EvalProgress::update(const tools::EvalOutcome& so_far) {
  const auto line = meter_.update(so_far.records, so_far.input_errors, tools::ProgressMeter::Clock::now());
  if (!line) return;
  // Back to the start of the line, the new text, then erase whatever the last one left.
  std::fputs(("\r" + *line + "\x1b[K").c_str(), stderr);
  drawn_ = true;
}

void EvalProgress::clear() {
  if (drawn_) std::fputs("\r\x1b[K", stderr);
  drawn_ = false;
}

}  // namespace redflag::cli
