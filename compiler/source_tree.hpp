// Which source files a set of paths names, and the KB-relative name each is stored under.
//
// A file argument is taken as is. A directory contributes every `*.rf` below it, sorted by path,
// following symbolic links to directories (a link back to a directory it is inside is skipped
// with W001, so loops end). Every entry that could hold rules
// but cannot be used is reported rather than skipped: a `.rf` entry that is not a readable
// regular file (a dangling link, a FIFO, a device, a link loop) and a subdirectory that cannot be
// listed get E001 with the reason; a dangling link with another name gets W001.
//
// Names are what the bytecode stores (docs/bytecode.md "Source names"): each file's path, with
// `/`, relative to the deepest directory that holds every argument. So a directory's files are
// named by their path inside it and a single file by its base name, however the paths were
// spelt (`kb`, `./kb/`, absolute, through a link) and from any working directory. The path as
// given stays in SourceFile::path for diagnostics.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/source_file.hpp"

namespace redflag {

// Expands [paths] into source files, each an entry of [files] with empty text and its name set;
// a path that cannot be used, or a directory without `.rf` files, gets an entry too and an
// E001/E002/W001 in [diagnostics]. Returns the ids of the entries that should be read.
std::vector<std::uint32_t> expand_paths(const std::vector<std::string>& paths,
                                        std::vector<SourceFile>& files, Diagnostics& diagnostics);

// The KB-relative name of [file], found under the KB argument [argument] (`dir/sub/x.rf` under
// `dir` is `sub/x.rf`; a file argument is its own base name): for sources that are not on disk,
// such as a git revision's files.
std::string relative_source_name(const std::string& file, const std::string& argument);

}  // namespace redflag
