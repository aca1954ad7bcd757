// The help text of `redflag` and its verbs, for people: `Usage: redflag lint [OPTIONS] PATH...`
// whatever path the binary was run by, the verbs listed as "Verbs", and each option with the
// name of its value (`--format text|json|sarif`, `--jobs N`, `-o FILE`), never CLI11's own
// notation (`TEXT ... REQUIRED`, `ENUM:value in {...}`, `UINT:INT in [1 - 256]`).
#pragma once

#include <CLI/CLI.hpp>

namespace redflag::cli {

// Names [root] `redflag` and gives it and its verbs (already added) the help format above.
void use_help_format(CLI::App& root);

}  // namespace redflag::cli
