#include "compiler/diagnostics/diagnostic_docs.hpp"

namespace redflag {
namespace {

constexpr std::string_view kDiagnosticsMd =
#include "diagnostics_md.inc"
    ;

constexpr std::string_view kLintsMd =
#include "lints_md.inc"
    ;

bool is_heading(std::string_view line) {
  const std::size_t hashes = line.find_first_not_of('#');
  return hashes != 0 && hashes != std::string_view::npos && line[hashes] == ' ';
}

// The section of [markdown] whose `## ` heading is [title], alone or followed by `:`: its lines
// up to the next heading of any level. Lines in ``` code blocks are never headings (a KB
// comment `# redflag: allow(...)` is not one).
std::optional<std::string> markdown_section(std::string_view markdown, std::string_view title) {
  if (title.empty()) return std::nullopt;
  std::string section;
  bool inside = false;
  bool in_code = false;
  for (std::size_t start = 0; start < markdown.size();) {
    std::size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    const std::string_view line = markdown.substr(start, end - start);
    start = end + 1;
    if (line.rfind("```", 0) == 0) in_code = !in_code;
    if (!in_code && is_heading(line)) {
      if (inside) break;
      const std::string_view rest = line.rfind("## ", 0) == 0 ? line.substr(3) : std::string_view();
      inside = rest.rfind(title, 0) == 0 && (rest.size() == title.size() || rest[title.size()] == ':');
    }
    if (inside) section.append(line).push_back('\n');
  }
  if (section.empty()) return std::nullopt;
  while (section.size() > 1 && section[section.size() - 2] == '\n') section.pop_back();
  return section;
}

}  // namespace

std::optional<std::string> explain_code(std::string_view code) { return markdown_section(kDiagnosticsMd, code); }

std::optional<std::string> explain_lint(std::string_view id) {
  if (id.empty()) return std::nullopt;
  return markdown_section(kLintsMd, "`" + std::string(id) + "`");
}

}  // namespace redflag
