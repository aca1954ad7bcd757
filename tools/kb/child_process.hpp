// Running a helper program (git) as a child process and capturing what it prints.
//
// The arguments go to the program as an argument vector (posix_spawnp), never through a shell,
// so a revision or path cannot inject a command. Standard input is /dev/null.
#pragma once

#include <string>
#include <vector>

namespace redflag::tools {

struct ProcessResult {
  bool started = false;  // false when the program could not be run at all (see `error`)
  int exit_status = -1;  // the exit status, or -1 when killed by a signal
  std::string out, err;  // standard output and standard error, in full
  std::string error;     // why it could not be started or waited for
  bool ok() const { return started && exit_status == 0; }
};

// Runs [argv] (argv[0] looked up in PATH) and waits for it.
ProcessResult run_process(const std::vector<std::string>& argv);

}  // namespace redflag::tools
