// Where a verb's output goes, and the one way every output is written (docs/cli.md, "Outputs").
//
// `-`, or any name for the file that is already standard output (`/dev/stdout`), is standard
// output (standard_output.hpp). A symbolic link is followed to its final target, which is what
// gets written; the link stays. A character or block device, FIFO or socket is opened and written
// through, never replaced (`-o /dev/null` discards). A regular file or a new name is replaced
// atomically with its mode and owner kept (atomic_file.hpp). Refused, with a message: an output
// that is one of the verb's inputs (the same device and inode, whatever the names), a directory, a
// read-only file, and (for `fmt`) a file whose content changed while the verb ran.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/source_file.hpp"

namespace redflag::cli {

// Whether [name] is standard output: `-`, or the file standard output already is.
bool is_standard_output(const std::string& name);

// Writes [contents] to the output [name], which must not be one of [inputs]; returns an empty
// string on success, else a message naming [name]. Errors on standard output are reported when
// the verb ends (standard_output.hpp).
[[nodiscard]] std::string write_output(const std::string& name, std::string_view contents,
                                       const std::vector<SourceFile>& inputs);

// Rewrites the source [file] with [contents] (fmt in place), unless the file no longer holds the
// text [file] was read with.
[[nodiscard]] std::string rewrite_source(const SourceFile& file, std::string_view contents);

}  // namespace redflag::cli
