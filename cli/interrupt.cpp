#include "cli/interrupt.hpp"

#include <fmt/format.h>

#include <atomic>
#include <csignal>

#include "cli/diagnostics_output.hpp"

namespace redflag::cli {
namespace {

// Written by the handler, read by the batch's calling thread: lock-free, hence signal-safe.
std::atomic<int> received_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void note_interrupt(int signal_number) { received_signal.store(signal_number); }

// Catches [signal_number] with [action] unless it was ignored when redflag started (`nohup`, a
// shell's background job): that choice is the caller's, as for every well-behaved tool.
void catch_unless_ignored(int signal_number, const struct sigaction& action) {
  struct sigaction previous = {};
  sigaction(signal_number, nullptr, &previous);
  if (previous.sa_handler != SIG_IGN) sigaction(signal_number, &action, nullptr);
}

}  // namespace

void catch_interrupts() {
  struct sigaction action = {};
  action.sa_handler = note_interrupt;
  action.sa_flags = SA_RESTART | SA_RESETHAND;
  sigemptyset(&action.sa_mask);
  catch_unless_ignored(SIGINT, action);
  catch_unless_ignored(SIGTERM, action);
}

int interrupt_signal() { return received_signal.load(); }

int report_interrupted_batch(int signal_number, std::uint64_t cases, bool summary_dropped) {
  print_error(fmt::format("interrupted by {} after {} case{}; {}", signal_number == SIGINT ? "SIGINT" : "SIGTERM",
                          cases, cases == 1 ? "" : "s",
                          summary_dropped ? "no summary was written" : "the output is complete up to that case"));
  return 128 + signal_number;
}

}  // namespace redflag::cli
