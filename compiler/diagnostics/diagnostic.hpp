// Diagnostics: what the compiler reports about a KB, as data.
//
// A Diagnostic is a kind (registered in compiler/diagnostics/diagnostics.def with its code, severity and
// message format), a source span and the formatted message plus optional `help:` lines. Phases
// append to a Diagnostics list through `report`; rendering as text or JSON is done in one place
// (compiler/diagnostics/diagnostic_render.hpp) for every verb. Nothing here knows about PEGTL or files.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "compiler/source_loc.hpp"

namespace redflag {

enum class DiagKind : std::uint16_t {
#define DIAGNOSTIC(name, code, severity, format) name,
#include "compiler/diagnostics/diagnostics.def"
#undef DIAGNOSTIC
};

enum class Severity : std::uint8_t { Error, Warning };

// A SourceLoc::file_id for problems of the whole KB that belong to no file.
inline constexpr std::uint32_t kNoFile = 0xFFFFFFFFu;

// One reported problem. `span.begin.line` is 0 when the problem has no position in its file
// (an unreadable file), and `span.begin.file_id` is kNoFile when it has no file (a missing
// `kb` header).
struct Diagnostic {
  DiagKind kind{};
  Severity severity = Severity::Error;
  SourceSpan span;
  std::string message;
  std::vector<std::string> help;
};

// Every kind, in code order.
std::vector<DiagKind> all_diag_kinds();
// "E012".
std::string_view diag_code(DiagKind kind);
// The message format from diagnostics.def.
std::string_view diag_format(DiagKind kind);
Severity diag_severity(DiagKind kind);
// "error" / "warning".
std::string_view severity_name(Severity severity);

// The diagnostics of one run, in the order they were found.
class Diagnostics {
 public:
  // Formats [kind]'s message with [args] and appends it at [span]; returns it so the caller
  // can add help lines.
  template <typename... Args>
  Diagnostic& report(DiagKind kind, SourceSpan span, Args&&... args) {
    Diagnostic diagnostic;
    diagnostic.kind = kind;
    diagnostic.severity = diag_severity(kind);
    diagnostic.span = span;
    diagnostic.message = fmt::format(fmt::runtime(diag_format(kind)), std::forward<Args>(args)...);
    items_.push_back(std::move(diagnostic));
    return items_.back();
  }

  std::size_t error_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic> take() { return std::move(items_); }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace redflag
