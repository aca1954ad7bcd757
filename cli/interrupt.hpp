// SIGINT and SIGTERM during `eval`: noted, not obeyed at once, so that the batch stops at a
// record boundary and says how far it got (docs/cli.md, "Signals").
//
// catch_interrupts installs an async-signal-safe handler that only stores the signal's number.
// It uses SA_RESTART, so a write or read that the signal interrupts carries on and no record is
// cut, and SA_RESETHAND, so a second signal of the same kind has its default effect: a run
// blocked on a terminal or a silent pipe can still be stopped at once. A signal ignored when
// redflag started (`nohup`, a background job) stays ignored.
#pragma once

#include <cstdint>

namespace redflag::cli {

// From now on SIGINT and SIGTERM are noted (see interrupt_signal) instead of ending the process.
void catch_interrupts();

// The signal that has arrived since catch_interrupts (SIGINT or SIGTERM), or 0 for none.
int interrupt_signal();

// Prints the one line an interrupted batch ends with: the signal and the [cases] written, and
// whether the output stands complete up to them ([summary_dropped]: the summary was not
// written). Returns the exit status for the signal: 128 + its number (130, 143).
int report_interrupted_batch(int signal_number, std::uint64_t cases, bool summary_dropped);

}  // namespace redflag::cli
