#include "cli/diagnostics_output.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cstdio>
#include <string>

#include "cli/choice_option.hpp"
#include "compiler/diagnostics/diagnostic_render.hpp"
#include "runtime/visible_text.hpp"

namespace redflag::cli {

void add_diagnostics_options(CLI::App& verb, DiagnosticsStyle& style) {
  add_choice_option(verb, "--diagnostics-format", style.format,
                    "How to print diagnostics: text (for people, default) or json (an array of objects "
                    "with code, severity, file, line, column, end_column, message, help, fixes and "
                    "related; docs/diagnostics.md)",
                    std::vector<std::pair<std::string, DiagnosticsFormat>>{
                        {"text", DiagnosticsFormat::Text}, {"json", DiagnosticsFormat::Json}});
  add_color_option(verb, style.color);
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics, const std::vector<SourceFile>& files,
                       const DiagnosticsStyle& style) {
  std::string out;
  if (style.format == DiagnosticsFormat::Json) {
    out = render_json(diagnostics, files);
  } else if (!diagnostics.empty()) {
    out = render_text(diagnostics, files, RenderOptions{use_color(style.color, STDERR_FILENO)}) + "\n" + render_summary(diagnostics, files);
  }
  std::fputs(out.c_str(), stderr);
}

bool report_load(const tools::LoadedKb& kb, const DiagnosticsStyle& style) {
  if (kb.frontend) print_diagnostics(kb.frontend->diagnostics, kb.frontend->files, style);
  if (kb.error) {
    const bool internal = kb.error->kind == tools::LoadError::Kind::Internal;
    std::fputs(fmt::format("{}: {}\n", internal ? "internal error" : "error", visible_text(kb.error->message)).c_str(), stderr);
  }
  return kb.ok();
}

void print_error(std::string_view message) {
  std::fputs(fmt::format("error: {}\n", visible_text(message)).c_str(), stderr);
}

void print_warning(std::string_view message) {
  std::fputs(fmt::format("warning: {}\n", visible_text(message)).c_str(), stderr);
}

}  // namespace redflag::cli
