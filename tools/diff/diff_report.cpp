#include "tools/diff/diff_report.hpp"

#include <fmt/format.h>

#include <iterator>

#include "tools/json_text.hpp"
#include "runtime/sha256.hpp"
#include "runtime/visible_text.hpp"

namespace redflag::tools {
namespace {

constexpr std::string_view kChangeNames[] = {"added", "removed", "changed"};
constexpr std::string_view kChangeMarks[] = {"+", "-", "~"};
static_assert(std::size(kChangeNames) == static_cast<std::size_t>(ItemChangeKind::Changed) + 1 &&
                  std::size(kChangeMarks) == std::size(kChangeNames),
              "kChangeNames and kChangeMarks follow ItemChangeKind");

std::string kb_line(const Image& image) {
  return fmt::format("{} {} (hash {})", image.meta.id, image.meta.version, to_hex(image.content_hash).substr(0, 16));
}

std::string case_text(const CaseChange& change) {
  if (change.facts.empty()) return "(all facts unknown)";
  std::string out;
  for (const auto& [fact, value] : change.facts) out += (out.empty() ? "" : ", ") + fact + " = " + value;
  return out;
}

std::string outcome_text(const CaseOutcome& outcome) {
  std::string fired;
  for (const auto& flag : outcome.fired) fired += (fired.empty() ? "" : ", ") + flag;
  return fmt::format("{}{}, fired: {}", outcome.urgency, outcome.complete ? "" : " (incomplete)",
                     fired.empty() ? "none" : fired);
}

std::size_t shown_cases(const DiffReport& report) {
  const std::size_t all = report.behaviour.changes.size();
  return report.max_cases == 0 ? all : std::min(all, report.max_cases);
}

std::string cases_summary(const DiffReport& report) {
  const auto& behaviour = report.behaviour;
  std::size_t from_tests = 0;
  for (const auto& change : behaviour.changes) from_tests += change.from_test;
  return fmt::format("{} of {} cases changed ({} from the KB's tests, {} generated){}", behaviour.changes.size(),
                     behaviour.cases, from_tests, behaviour.changes.size() - from_tests,
                     behaviour.truncated ? fmt::format("; stopped at {} cases", kMaxDiffCases) : "");
}

// The version verdict as one sentence, and whether it is a `version-bump` warning.
std::string version_text(const DiffReport& report, bool& warning) {
  const VersionCheck& version = report.version;
  const std::string versions = report.old_kb.meta.version + " -> " + report.new_kb.meta.version;
  warning = !version.sufficient();
  if (!version.parsed) return fmt::format("version-bump: cannot compare versions {}: {}", versions, version.parse_error);
  const std::string need = version.required == Bump::None
                               ? "the changes need no bump"
                               : fmt::format("the changes need a {} bump ({})", bump_name(version.required), version.reason);
  if (!version.downgrade.empty()) {
    return fmt::format("version-bump: {} is a {} downgrade; a new version must not precede the old one, and {}",
                       versions, version.downgrade, need);
  }
  if (warning) return fmt::format("version-bump: {} is a {} bump, but {}", versions, bump_name(version.made), need);
  return fmt::format("{} is a {} bump; {}", versions, bump_name(version.made), need);
}

template <typename... Args>
void put(std::string& out, fmt::format_string<Args...> format, Args&&... args) {
  fmt::format_to(std::back_inserter(out), format, std::forward<Args>(args)...);
}

// A value on one line: multi-line text bodies with their line breaks shown as `\n`.
std::string one_line(const std::string& text) {
  std::string out;
  for (const char c : text) out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return out;
}

}  // namespace

DiffReport diff_kbs(const Image& old_kb, const Image& new_kb, std::size_t max_cases) {
  DiffReport report{old_kb, new_kb, structural_diff(old_kb, new_kb), behaviour_diff(old_kb, new_kb), {}, max_cases};
  report.version = check_version(old_kb, new_kb, report.items, report.behaviour);
  return report;
}

std::string render_diff_text(const DiffReport& report) {
  std::string out;
  put(out, "old: {}\nnew: {}\n\n", kb_line(report.old_kb), kb_line(report.new_kb));
  put(out, "structure: {} change{}\n", report.items.size(), report.items.size() == 1 ? "" : "s");
  for (const auto& item : report.items) {
    put(out, "  {} {} {}{}\n", kChangeMarks[static_cast<int>(item.change)], item.kind, item.name,
        item.bump == Bump::None ? "" : fmt::format(" [{}]", bump_name(item.bump)));
    for (const auto& field : item.fields) {
      if (field.old_value.empty()) {
        put(out, "      {}: + {}\n", field.field, one_line(field.new_value));
      } else if (field.new_value.empty()) {
        put(out, "      {}: - {}\n", field.field, one_line(field.old_value));
      } else {
        put(out, "      {}: {}\n        -> {}\n", field.field, one_line(field.old_value), one_line(field.new_value));
      }
    }
  }
  put(out, "\nbehaviour: {}\n", cases_summary(report));
  for (std::size_t i = 0; i < shown_cases(report); ++i) {
    const auto& change = report.behaviour.changes[i];
    put(out, "  {}{}\n      {}\n   -> {}\n", case_text(change), change.from_test ? " [test]" : "",
        outcome_text(change.old_outcome), outcome_text(change.new_outcome));
  }
  if (shown_cases(report) < report.behaviour.changes.size()) {
    put(out, "  ... {} more (--max-cases 0 lists all)\n", report.behaviour.changes.size() - shown_cases(report));
  }
  bool warning = false;
  const std::string version = version_text(report, warning);
  put(out, "\n{}{}\n", warning ? "warning: " : "version: ", version);
  return visible_text(out, Keep::TabsAndLineFeeds);  // names and values may come from a crafted `.rfb`
}

std::string render_diff_markdown(const DiffReport& report) {
  // Table cells: pipes escaped, line breaks as <br>.
  const auto cell = [](const std::string& text) {
    std::string out;
    for (const char c : text) {
      if (c == '|') {
        out += "\\|";
      } else if (c == '\n') {
        out += "<br>";
      } else {
        out += c;
      }
    }
    return out;
  };
  std::string out;
  put(out, "## redflag diff: `{}` {} → {}\n\n", report.new_kb.meta.id, report.old_kb.meta.version,
      report.new_kb.meta.version);
  put(out, "| | old | new |\n|---|---|---|\n| kb | `{}` {} | `{}` {} |\n| hash | `{}` | `{}` |\n\n", report.old_kb.meta.id,
      report.old_kb.meta.version, report.new_kb.meta.id, report.new_kb.meta.version,
      to_hex(report.old_kb.content_hash).substr(0, 16), to_hex(report.new_kb.content_hash).substr(0, 16));
  bool warning = false;
  const std::string version = version_text(report, warning);
  put(out, "{}\n\n", warning ? "> **Warning** " + version : "**Version:** " + version);
  put(out, "### Structural changes ({})\n\n", report.items.size());
  if (!report.items.empty()) {
    put(out, "| item | change | bump | field | old | new |\n|---|---|---|---|---|---|\n");
    for (const auto& item : report.items) {
      const std::string head = fmt::format("{} `{}` | {} | {}", item.kind, item.name,
                                           kChangeNames[static_cast<int>(item.change)], bump_name(item.bump));
      if (item.fields.empty()) put(out, "| {} | | | |\n", head);
      for (const auto& field : item.fields) {
        put(out, "| {} | {} | {} | {} |\n", head, field.field, cell(field.old_value), cell(field.new_value));
      }
    }
    out += "\n";
  }
  put(out, "### Behavioural changes\n\n{}.\n\n", cases_summary(report));
  if (shown_cases(report) > 0) {
    put(out, "| case | old | new | from |\n|---|---|---|---|\n");
    for (std::size_t i = 0; i < shown_cases(report); ++i) {
      const auto& change = report.behaviour.changes[i];
      put(out, "| {} | {} | {} | {} |\n", cell(case_text(change)), cell(outcome_text(change.old_outcome)),
          cell(outcome_text(change.new_outcome)), change.from_test ? "test" : "generated");
    }
    if (shown_cases(report) < report.behaviour.changes.size()) {
      put(out, "\n… and {} more.\n", report.behaviour.changes.size() - shown_cases(report));
    }
  }
  return out;
}

std::string render_diff_json(const DiffReport& report) {
  fmt::memory_buffer out;
  const auto text = [&](std::string_view value) { append_json_string(out, value); };
  const auto raw = [&](std::string_view value) { out.append(value); };
  const auto kb = [&](const Image& image) {
    raw(R"({"id":)");
    text(image.meta.id);
    raw(R"(,"version":)");
    text(image.meta.version);
    raw(R"(,"hash":)");
    text(to_hex(image.content_hash));
    raw("}");
  };
  const auto outcome = [&](const CaseOutcome& value) {
    raw(R"({"urgency":)");
    text(value.urgency);
    raw(value.complete ? R"(,"status":"complete","fired":[)" : R"(,"status":"incomplete","fired":[)");
    for (std::size_t i = 0; i < value.fired.size(); ++i) {
      if (i > 0) raw(",");
      text(value.fired[i]);
    }
    raw("]}");
  };
  raw(R"({"old":)");
  kb(report.old_kb);
  raw(R"(,"new":)");
  kb(report.new_kb);
  raw(R"(,"structure":[)");
  for (std::size_t i = 0; i < report.items.size(); ++i) {
    const auto& item = report.items[i];
    if (i > 0) raw(",");
    raw(R"({"kind":)");
    text(item.kind);
    raw(R"(,"name":)");
    text(item.name);
    raw(R"(,"change":)");
    text(kChangeNames[static_cast<int>(item.change)]);
    raw(R"(,"bump":)");
    text(bump_name(item.bump));
    raw(R"(,"fields":[)");
    for (std::size_t j = 0; j < item.fields.size(); ++j) {
      if (j > 0) raw(",");
      raw(R"({"field":)");
      text(item.fields[j].field);
      raw(R"(,"old":)");
      text(item.fields[j].old_value);
      raw(R"(,"new":)");
      text(item.fields[j].new_value);
      raw("}");
    }
    raw("]}");
  }
  fmt::format_to(std::back_inserter(out), R"(],"behaviour":{{"cases":{},"truncated":{},"changed":{},"changes":[)",
                 report.behaviour.cases, report.behaviour.truncated, report.behaviour.changes.size());
  for (std::size_t i = 0; i < shown_cases(report); ++i) {
    const auto& change = report.behaviour.changes[i];
    if (i > 0) raw(",");
    raw(R"({"facts":{)");
    for (std::size_t j = 0; j < change.facts.size(); ++j) {
      if (j > 0) raw(",");
      text(change.facts[j].first);
      raw(":");
      text(change.facts[j].second);
    }
    raw(change.from_test ? R"(},"from":"test","old":)" : R"(},"from":"generated","old":)");
    outcome(change.old_outcome);
    raw(R"(,"new":)");
    outcome(change.new_outcome);
    raw("}");
  }
  const VersionCheck& version = report.version;
  raw(R"(]},"version":{"made":)");
  text(bump_name(version.made));
  raw(R"(,"downgrade":)");
  if (version.downgrade.empty()) raw("null");
  else text(version.downgrade);
  raw(R"(,"required":)");
  text(bump_name(version.required));
  raw(R"(,"reason":)");
  text(version.reason);
  fmt::format_to(std::back_inserter(out), R"(,"sufficient":{}}}}})", version.sufficient());
  raw("\n");
  return fmt::to_string(out);
}

}  // namespace redflag::tools
