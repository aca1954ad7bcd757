#include "tools/lint/sarif_rules.hpp"

#include <fmt/format.h>

#include <cctype>

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/diagnostics/diagnostic_docs.hpp"
#include "compiler/lint/lint.hpp"
#include "redflag/version.hpp"

namespace redflag::tools {
namespace {

std::string_view level_of(lint::LintLevel level) {
  return level == lint::LintLevel::Error ? "error" : "warning";
}

std::string docs_uri(std::string_view page, std::string_view anchor) {
  return fmt::format("{}{}#{}", kRedflagDocsUrl, page, anchor);
}

}  // namespace

std::string heading_anchor(std::string_view text) {
  std::string anchor;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '_') {
      anchor += static_cast<char>(std::tolower(byte));
    } else if (c == ' ') {
      anchor += '-';
    }
  }
  return anchor;
}

std::vector<SarifRule> lint_rules() {
  std::vector<SarifRule> rules;
  for (const auto& info : lint::lint_catalog()) {
    rules.push_back({std::string(info.id), std::string(info.short_description),
                     fmt::format("{}; see docs/lints.md#{}", info.short_description, info.id),
                     std::string(info.help), docs_uri("lints.md", info.id), level_of(info.default_level)});
  }
  return rules;
}

SarifRule diagnostic_rule(std::string_view code) {
  SarifRule rule{std::string(code), std::string(code), std::string(code), "see docs/diagnostics.md",
                 fmt::format("{}diagnostics.md", kRedflagDocsUrl), "error"};
  for (const auto kind : all_diag_kinds()) {
    if (diag_code(kind) == code) rule.level = severity_name(diag_severity(kind));
  }
  const auto section = explain_code(code);
  if (!section) return rule;
  // The section opens with `## E040: unknown unit`; the rest is the long description.
  const std::size_t line_end = section->find('\n');
  const std::string heading = section->substr(3, line_end - 3);
  const std::size_t colon = heading.find(": ");
  rule.short_description = colon == std::string::npos ? heading : heading.substr(colon + 2);
  rule.full_description = fmt::format("{}; see docs/diagnostics.md#{}", rule.short_description, heading_anchor(heading));
  rule.help = section->substr(line_end + 1);
  while (!rule.help.empty() && rule.help.front() == '\n') rule.help.erase(0, 1);
  rule.help_uri = docs_uri("diagnostics.md", heading_anchor(heading));
  return rule;
}

std::string tool_information_uri() { return fmt::format("{}lints.md", kRedflagDocsUrl); }

}  // namespace redflag::tools
