// Standard output, the one place verbs print their results through.
//
// Every write is checked. The first error is kept, later output is dropped, and
// finish_standard_output reports it once: `error: cannot write standard output: REASON`, exit 1.
// EPIPE (the reader went away, as in `redflag eval ... | head -1`) is the exception: the run ends
// quietly with the verb's own exit code, as docs/cli.md says. A standard stream that was closed
// when redflag started (`>&-`) is held open on /dev/null the wrong way round, so that its writes
// fail with EBADF and no file opened later takes its descriptor.
#pragma once

#include <string_view>
#include <sys/types.h>

namespace redflag::cli {

// Called first in main: reserves standard input, output and error if they are closed.
void reserve_standard_streams();

// Whether standard output was open when redflag started.
bool standard_output_was_open();

// Writes [text] to standard output; once a write has failed, drops it.
void print_output(std::string_view text);

// Records that a write to standard output made elsewhere (eval's result writer) failed with
// [error_number], unless an earlier error is already recorded.
void note_output_error(int error_number);

// Flushes and closes standard output and reports its first error on standard error. Returns
// [exit_code], or 1 after an error other than EPIPE.
int finish_standard_output(int exit_code);

}  // namespace redflag::cli
