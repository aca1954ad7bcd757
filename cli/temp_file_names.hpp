// The temporary files of atomic writes (atomic_file.hpp): their names, and the removal of those
// that a redflag killed by SIGKILL left behind.
//
// The temporary file for `DIR/NAME` is `DIR/.NAME.redflag-tmp-PID`, PID being the writer's
// process id: hidden, named after its target, and recognisably redflag's. Before each atomic write
// the ones for the same target whose process is gone are removed; a live process's are kept.
#pragma once

#include <string>

namespace redflag::cli {

// `DIR/.NAME.redflag-tmp-PID` for [target] `DIR/NAME` and this process.
std::string temp_file_name(const std::string& target);

// Removes the temporary files for [target] left by processes that no longer exist.
void remove_stale_temp_files(const std::string& target);

}  // namespace redflag::cli
