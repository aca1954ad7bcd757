// Diagnostics: what the compiler reports about a KB, as data.
//
// A Diagnostic is a kind (registered in compiler/diagnostics/diagnostics.def with its code,
// severity and message format), a source span and the formatted message plus optional `help:`
// lines. Phases append to a Diagnostics list through `report<Kind>`, which checks the arguments
// against the kind's format at compile time. Rendering as text or JSON is done in one place for
// every verb (compiler/diagnostics/diagnostic_render.hpp). Nothing here knows about PEGTL or files.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "compiler/diagnostics/fix.hpp"
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

// Another place a diagnostic refers to, such as the first of two declarations: rendered as a
// `note:` with its own source line in text, `related` in JSON and `relatedLocations` in SARIF.
struct RelatedLocation {
  SourceSpan span;
  std::string message;  // "the first declaration is here"
};

// One reported problem, with machine-applicable [fixes] when the intent is unambiguous, and the
// [related] places it names. `span.begin.line` is 0 when the problem has no position in its file
// (an unreadable file), and `span.begin.file_id` is kNoFile when it has no file (a missing
// `kb` header).
struct Diagnostic {
  DiagKind kind{};
  Severity severity = Severity::Error;
  SourceSpan span;
  std::string message;
  std::vector<std::string> help;
  std::vector<Fix> fixes;
  std::vector<RelatedLocation> related;
};

// The fixes of [diagnostics] whose edits all lie in file [file_id], for apply_fixes.
std::vector<const Fix*> fixes_in_file(const std::vector<Diagnostic>& diagnostics, std::uint32_t file_id);

// Every kind, in code order.
std::vector<DiagKind> all_diag_kinds();
// "E012".
std::string_view diag_code(DiagKind kind);
Severity diag_severity(DiagKind kind);
// "error" / "warning".
std::string_view severity_name(Severity severity);

// The message format of each kind, from diagnostics.def.
template <DiagKind kKind>
struct DiagFormat;
#define DIAGNOSTIC(name, code, severity, format)     \
  template <>                                        \
  struct DiagFormat<DiagKind::name> {                \
    static constexpr std::string_view text = format; \
  };
#include "compiler/diagnostics/diagnostics.def"
#undef DIAGNOSTIC

// How many `{}` fields [format] has (`{{` is a literal brace).
constexpr std::size_t format_field_count(std::string_view format) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '{') continue;
    if (i + 1 < format.size() && format[i + 1] == '{') {
      ++i;
    } else {
      ++count;
    }
  }
  return count;
}

// The diagnostics of one run, in the order they were found.
class Diagnostics {
 public:
  // Formats [kKind]'s message with [args] and appends it at [span]; returns it so the caller
  // can add help lines. A wrong argument count or type is a compile error.
  template <DiagKind kKind, typename... Args>
  Diagnostic& report(SourceSpan span, Args&&... args) {
    static_assert(format_field_count(DiagFormat<kKind>::text) == sizeof...(Args),
                  "the arguments do not match the format's fields in diagnostics.def");
    return append(kKind, span,
                  fmt::format(FMT_STRING(DiagFormat<kKind>::text), std::forward<Args>(args)...));
  }

  std::size_t error_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic> take() { return std::move(items_); }

 private:
  Diagnostic& append(DiagKind kind, SourceSpan span, std::string message);

  std::vector<Diagnostic> items_;
};

}  // namespace redflag
