#include "compiler/diagnostics/diagnostic.hpp"

#include <algorithm>
#include <array>

namespace redflag {
namespace {

struct KindInfo {
  DiagKind kind;
  std::string_view code;
  Severity severity;
  std::string_view format;
};

// ORDER DiagKind: generated from the same .def as the enum.
constexpr std::array kKinds = {
#define DIAGNOSTIC(name, code, severity, format) \
  KindInfo{DiagKind::name, code, Severity::severity, format},
#include "compiler/diagnostics/diagnostics.def"
#undef DIAGNOSTIC
};

const KindInfo& info(DiagKind kind) { return kKinds[static_cast<std::size_t>(kind)]; }

}  // namespace

std::vector<DiagKind> all_diag_kinds() {
  std::vector<DiagKind> kinds;
  for (const auto& entry : kKinds) kinds.push_back(entry.kind);
  return kinds;
}

std::string_view diag_code(DiagKind kind) { return info(kind).code; }
std::string_view diag_format(DiagKind kind) { return info(kind).format; }
Severity diag_severity(DiagKind kind) { return info(kind).severity; }

std::string_view severity_name(Severity severity) {
  return severity == Severity::Error ? "error" : "warning";
}

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [](const auto& d) {
    return d.severity == Severity::Error;
  }));
}

}  // namespace redflag
