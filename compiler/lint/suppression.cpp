#include "compiler/lint/suppression.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <utility>

#include "runtime/suggest.hpp"

namespace redflag::lint {
namespace {

constexpr std::string_view kMarker = "redflag:";
constexpr std::string_view kAllow = "allow(";

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// Parses the text after `# redflag:` into [suppression]'s entries; false when malformed.
bool parse_allow(std::string_view text, Suppression& suppression) {
  text = trim(text);
  if (text.substr(0, kAllow.size()) != kAllow) return false;
  const auto close = text.find(')');
  if (close == std::string_view::npos) return false;
  std::string_view list = text.substr(kAllow.size(), close - kAllow.size());
  while (true) {
    const auto comma = list.find(',');
    const std::string_view id = trim(list.substr(0, comma));
    if (id.empty()) return false;
    suppression.entries.push_back({std::string(id), find_lint(id), false});
    if (comma == std::string_view::npos) return true;
    list.remove_prefix(comma + 1);
  }
}

}  // namespace

std::vector<Suppression> find_suppressions(const ast::Kb& kb) {
  std::set<std::pair<std::uint32_t, std::uint32_t>> comment_lines;  // (file, line)
  for (const auto& comment : kb.comments) {
    if (comment.own_line) comment_lines.emplace(comment.span.begin.file_id, comment.span.begin.line);
  }
  std::vector<Suppression> suppressions;
  for (const auto& comment : kb.comments) {
    const std::string_view text = trim(std::string_view(comment.text).substr(1));  // after `#`
    if (text.substr(0, kMarker.size()) != kMarker) continue;
    Suppression suppression;
    suppression.span = comment.span;
    const std::uint32_t file = comment.span.begin.file_id;
    std::uint32_t line = comment.span.begin.line;
    if (comment.own_line) {
      do ++line;
      while (comment_lines.count({file, line}));
    }
    suppression.target_line = line;
    suppression.malformed = !parse_allow(text.substr(kMarker.size()), suppression);
    suppressions.push_back(std::move(suppression));
  }
  return suppressions;
}

void apply_suppressions(std::vector<LintFinding>& findings, std::vector<Suppression>& suppressions) {
  // The well-formed suppressions by the (file, line) they target, so that a finding looks up
  // its two lines instead of trying every suppression.
  const auto place = [](std::uint32_t file, std::uint32_t line) {
    return std::uint64_t{file} << 32 | line;
  };
  std::unordered_map<std::uint64_t, std::vector<Suppression*>> by_place;
  for (auto& suppression : suppressions) {
    if (suppression.malformed) continue;
    by_place[place(suppression.span.begin.file_id, suppression.target_line)].push_back(&suppression);
  }
  const auto suppressed = [&](const LintFinding& finding) {
    bool any = false;
    for (const auto line : {finding.span.begin.line, finding.decl_line}) {
      const auto here = by_place.find(place(finding.span.begin.file_id, line));
      if (here == by_place.end()) continue;
      for (auto* suppression : here->second) {
        for (auto& entry : suppression->entries) {
          if (entry.lint != finding.lint) continue;
          entry.used = true;
          any = true;
        }
      }
    }
    return any;
  };
  findings.erase(std::remove_if(findings.begin(), findings.end(), suppressed), findings.end());
}

std::vector<LintFinding> unused_suppressions(const std::vector<Suppression>& suppressions) {
  std::vector<std::string_view> ids;
  for (const auto& info : lint_catalog()) ids.push_back(info.id);
  std::vector<LintFinding> findings;
  const auto report = [&](const Suppression& suppression, std::string message) {
    LintFinding finding;
    finding.lint = LintId::UnusedSuppression;
    finding.span = suppression.span;
    finding.message = std::move(message);
    findings.push_back(std::move(finding));
  };
  for (const auto& suppression : suppressions) {
    if (suppression.malformed) {
      report(suppression, "malformed suppression; write `# redflag: allow(lint-id, ...)`");
      continue;
    }
    for (const auto& entry : suppression.entries) {
      if (!entry.lint) {
        report(suppression, fmt::format("unknown lint `{}` in suppression{}", entry.id,
                                        did_you_mean(entry.id, ids)));
      } else if (!entry.used) {
        report(suppression, fmt::format("`allow({})` suppresses nothing on line {}", entry.id,
                                        suppression.target_line));
      }
    }
  }
  return findings;
}

}  // namespace redflag::lint
