// The lint catalog, generated from compiler/lint/lints.def, and the level names of config files.
#include "compiler/lint/lint.hpp"

namespace redflag::lint {

const std::vector<LintInfo>& lint_catalog() {
  // ORDER LintId: generated from the same .def as the enum.
  static const std::vector<LintInfo> catalog = {
#define LINT(name, id, level, short_description, help) \
  LintInfo{LintId::name, id, LintLevel::level, short_description, help},
#include "compiler/lint/lints.def"
#undef LINT
  };
  return catalog;
}

const LintInfo& lint_info(LintId lint) { return lint_catalog()[static_cast<std::size_t>(lint)]; }

std::optional<LintId> find_lint(std::string_view id) {
  for (const auto& info : lint_catalog()) {
    if (info.id == id) return info.lint;
  }
  return std::nullopt;
}

std::string_view level_name(LintLevel level) {
  switch (level) {
    case LintLevel::Off: return "off";
    case LintLevel::Warning: return "warning";
    case LintLevel::Error: return "error";
  }
  return "off";
}

std::optional<LintLevel> parse_level(std::string_view name) {
  for (const LintLevel level : {LintLevel::Off, LintLevel::Warning, LintLevel::Error}) {
    if (level_name(level) == name) return level;
  }
  return std::nullopt;
}

std::vector<LintLevel> effective_levels(const LintOptions& options) {
  std::vector<LintLevel> levels = options.levels;
  if (levels.empty()) {
    for (const auto& info : lint_catalog()) levels.push_back(info.default_level);
  }
  if (!options.release) levels[static_cast<std::size_t>(LintId::DraftInRelease)] = LintLevel::Off;
  return levels;
}

std::vector<Problem> problems_of(const std::vector<LintFinding>& findings) {
  std::vector<Problem> problems;
  for (const auto& finding : findings) {
    problems.push_back({lint_info(finding.lint).id, finding.severity, finding.span, finding.message,
                        std::vector<std::string_view>(finding.help.begin(), finding.help.end()), &finding.fixes});
  }
  return problems;
}

}  // namespace redflag::lint
