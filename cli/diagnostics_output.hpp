// The one consumer of diagnostics: every verb prints source diagnostics and load errors through
// here, with one format option, one colour policy and one summary line.
//
// Text: each diagnostic as compiler/diagnostics/diagnostic_render.hpp renders it, a blank line,
// then the summary `error: 3 errors in kb/x.rf` when there are errors. JSON: one array of every
// diagnostic, printed whenever sources were compiled (`[]` when clean), so a tool can always
// parse standard error. Colour (ANSI) as `--color` says (cli/color_option.hpp), for standard
// error. Everything goes to standard error.
#pragma once

#include <string_view>
#include <vector>

#include "cli/color_option.hpp"
#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/source_file.hpp"
#include "tools/kb/kb_loader.hpp"

namespace CLI {
class App;
}

namespace redflag::cli {

enum class DiagnosticsFormat { Text, Json };

struct DiagnosticsStyle {
  DiagnosticsFormat format = DiagnosticsFormat::Text;
  ColorWhen color = ColorWhen::Auto;
};

// Adds `--diagnostics-format text|json` and `--color auto|always|never` to [verb], stored in [style].
void add_diagnostics_options(CLI::App& verb, DiagnosticsStyle& style);

// Prints [diagnostics] of [files] in [style] (nothing for none, in text).
void print_diagnostics(const std::vector<Diagnostic>& diagnostics, const std::vector<SourceFile>& files,
                       const DiagnosticsStyle& style);

// Prints what [kb] says about itself: its source diagnostics, then why it cannot be used.
// Returns kb.ok().
bool report_load(const tools::LoadedKb& kb, const DiagnosticsStyle& style);

// Prints `error: [message]`.
void print_error(std::string_view message);

// Prints `warning: [message]`.
void print_warning(std::string_view message);

}  // namespace redflag::cli
