#include "compiler/diagnostics/diagnostic.hpp"

#include <algorithm>
#include <array>

namespace redflag {
namespace {

struct KindInfo {
  DiagKind kind;
  std::string_view code;
  Severity severity;
};

// ORDER DiagKind: generated from the same .def as the enum.
constexpr std::array kKinds = {
#define DIAGNOSTIC(name, code, severity, format) KindInfo{DiagKind::name, code, Severity::severity},
#include "compiler/diagnostics/diagnostics.def"
#undef DIAGNOSTIC
};

constexpr bool in_kind_order() {
  for (std::size_t i = 0; i < kKinds.size(); ++i) {
    if (static_cast<std::size_t>(kKinds[i].kind) != i) return false;
  }
  return true;
}
static_assert(in_kind_order(), "kKinds is indexed by DiagKind");

const KindInfo& info(DiagKind kind) { return kKinds[static_cast<std::size_t>(kind)]; }

}  // namespace

std::vector<DiagKind> all_diag_kinds() {
  std::vector<DiagKind> kinds;
  for (const auto& entry : kKinds) kinds.push_back(entry.kind);
  return kinds;
}

std::vector<const Fix*> fixes_in_file(const std::vector<Diagnostic>& diagnostics, std::uint32_t file_id) {
  std::vector<const Fix*> fixes;
  for (const auto& diagnostic : diagnostics) {
    for (const auto& fix : diagnostic.fixes) {
      const bool here = std::all_of(fix.edits.begin(), fix.edits.end(),
                                    [&](const TextEdit& edit) { return edit.span.begin.file_id == file_id; });
      if (here && !fix.edits.empty()) fixes.push_back(&fix);
    }
  }
  return fixes;
}

std::string_view diag_code(DiagKind kind) { return info(kind).code; }
Severity diag_severity(DiagKind kind) { return info(kind).severity; }

std::string_view severity_name(Severity severity) {
  return severity == Severity::Error ? "error" : "warning";
}

Diagnostic& Diagnostics::append(DiagKind kind, SourceSpan span, std::string message) {
  Diagnostic diagnostic;
  diagnostic.kind = kind;
  diagnostic.severity = diag_severity(kind);
  diagnostic.span = span;
  diagnostic.message = std::move(message);
  items_.push_back(std::move(diagnostic));
  return items_.back();
}

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [](const auto& d) {
    return d.severity == Severity::Error;
  }));
}

}  // namespace redflag
