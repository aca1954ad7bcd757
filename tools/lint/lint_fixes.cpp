#include "tools/lint/lint_fixes.hpp"

namespace redflag::tools {

std::vector<FixedSource> fixed_sources(const FrontendResult& frontend, const LintRun& run) {
  std::vector<FixedSource> out;
  for (std::size_t i = 0; i < frontend.files.size(); ++i) {
    const auto file_id = static_cast<std::uint32_t>(i);
    std::vector<const Fix*> fixes;
    for (const auto& finding : run.findings) {
      for (const auto& fix : finding.fixes) {
        if (!fix.edits.empty() && fix.edits.front().span.begin.file_id == file_id) fixes.push_back(&fix);
      }
    }
    if (fixes.empty()) continue;
    FixedSource fixed;
    fixed.file_index = i;
    fixed.text = apply_fixes(frontend.files[i].text, file_id, fixes, &fixed.skipped);
    fixed.applied = fixes.size();
    if (fixed.text != frontend.files[i].text) out.push_back(std::move(fixed));
  }
  return out;
}

}  // namespace redflag::tools
