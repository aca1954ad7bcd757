#include "compiler/diagnostics/diagnostic_docs.hpp"

#include <algorithm>

namespace redflag {
namespace {

constexpr std::string_view kDiagnosticsMd =
#include "diagnostics_md.inc"
    ;

}  // namespace

std::optional<std::string> explain_code(std::string_view code) {
  if (code.empty()) return std::nullopt;
  const std::string heading = "\n## " + std::string(code);
  std::size_t start = kDiagnosticsMd.find(heading);
  // The heading must be exactly the code, followed by `:` or the end of the line.
  while (start != std::string_view::npos) {
    const char after = kDiagnosticsMd[start + heading.size()];
    if (after == ':' || after == '\n') break;
    start = kDiagnosticsMd.find(heading, start + 1);
  }
  if (start == std::string_view::npos) return std::nullopt;
  start += 1;
  // The section ends at the next heading of any level ("## E013", "# Names ...").
  const std::size_t end = std::min(kDiagnosticsMd.find("\n## ", start), kDiagnosticsMd.find("\n# ", start));
  std::string section(kDiagnosticsMd.substr(start, end == std::string_view::npos ? end : end - start));
  while (!section.empty() && section.back() == '\n') section.pop_back();
  return section + "\n";
}

}  // namespace redflag
