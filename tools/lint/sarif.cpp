#include "tools/lint/sarif.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "compiler/lint/lint.hpp"
#include "redflag/version.hpp"
#include "runtime/sha256.hpp"
#include "tools/json_text.hpp"
#include "tools/lint/sarif_rules.hpp"

namespace redflag::tools {
namespace {

constexpr const char* kSchema = "https://json.schemastore.org/sarif-2.1.0.json";

// UTF-16 code units in the UTF-8 [text]: four-byte sequences take two, continuation bytes none.
std::uint32_t utf16_units(std::string_view text) {
  std::uint32_t units = 0;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) != 0x80) units += byte >= 0xF0 ? 2 : 1;
  }
  return units;
}

// [path] as a URI reference: `/` separated, every byte but unreserved ones percent-encoded.
std::string uri_of(std::string_view path) {
  std::string uri = !path.empty() && path.front() == '/' ? "file://" : "";
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      uri += c;
    } else {
      uri += fmt::format("%{:02X}", byte);
    }
  }
  return uri;
}

// The line of [begin] in [text], white space runs folded to one space and trimmed.
std::string normalized_line(std::string_view text, const SourceLoc& begin) {
  if (begin.line == 0) return {};
  const std::size_t start = begin.offset - (begin.column - 1);
  const std::size_t end = std::min(text.find('\n', start), text.size());
  std::string line;
  for (const char c : text.substr(start, end - start)) {
    const bool space = c == ' ' || c == '\t' || c == '\r';
    if (space && (line.empty() || line.back() == ' ')) continue;
    line += space ? ' ' : c;
  }
  if (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

// Where a result points: its artifact's URI, and the source text and span when it has a file.
struct ResultPlace {
  std::string uri;
  const SourceFile* file = nullptr;
};

// A problem of the whole KB is placed in the KB's first file, where a `kb` declaration would go.
ResultPlace place_of(const Problem& problem, const std::vector<SourceFile>& files, std::string_view kb_path) {
  const std::uint32_t file_id = problem.span.begin.file_id;
  if (file_id < files.size()) return {uri_of(files[file_id].path), &files[file_id]};
  if (!files.empty()) return {uri_of(files.front().path), nullptr};
  return {uri_of(kb_path), nullptr};
}

void append_rule(fmt::memory_buffer& out, const SarifRule& rule) {
  const auto put = std::back_inserter(out);
  fmt::format_to(put, "{{\"id\": ");
  append_json_string(out, rule.id);
  fmt::format_to(put, ", \"shortDescription\": {{\"text\": ");
  append_json_string(out, rule.short_description);
  fmt::format_to(put, "}}, \"fullDescription\": {{\"text\": ");
  append_json_string(out, rule.full_description);
  fmt::format_to(put, "}}, \"help\": {{\"text\": ");
  append_json_string(out, rule.help);
  fmt::format_to(put, "}}, \"helpUri\": ");
  append_json_string(out, rule.help_uri);
  fmt::format_to(put, ", \"defaultConfiguration\": {{\"level\": \"{}\"}}}}", rule.level);
}

// A SARIF region: line and UTF-16 columns, [end_column] one past the span.
struct Region {
  std::uint32_t line = 1, start_column = 1, end_column = 2;
};

// Without a position (an unreadable file, a problem of the whole KB) it is the first character:
// code-scanning services need a line, and SARIF2017 a full region. [min_width] is 0 for an
// insertion point.
Region region_of(const SourceSpan& span, const SourceFile* file, std::uint32_t min_width = 1) {
  const SourceLoc& begin = span.begin;
  if (!file || begin.line == 0) return {};
  const std::string_view text = file->text;
  const std::size_t line_start = begin.offset - (begin.column - 1);
  const std::uint32_t start = 1 + utf16_units(text.substr(line_start, begin.column - 1));
  return {begin.line, start, start + std::max(utf16_units(text.substr(begin.offset, span.length)), min_width)};
}

void append_artifact(fmt::memory_buffer& out, const std::string& uri) {
  fmt::format_to(std::back_inserter(out), "\"artifactLocation\": {{\"uri\": ");
  append_json_string(out, uri);
  if (uri.rfind("file://", 0) != 0) fmt::format_to(std::back_inserter(out), ", \"uriBaseId\": \"%SRCROOT%\"");
  fmt::format_to(std::back_inserter(out), "}}");
}

void append_location(fmt::memory_buffer& out, const SourceSpan& span, const ResultPlace& place) {
  fmt::format_to(std::back_inserter(out), "\"locations\": [{{\"physicalLocation\": {{");
  append_artifact(out, place.uri);
  const Region region = region_of(span, place.file);
  fmt::format_to(std::back_inserter(out),
                 ", \"region\": {{\"startLine\": {}, \"startColumn\": {}, \"endColumn\": {}}}}}}}]", region.line,
                 region.start_column, region.end_column);
}

// [related] as SARIF `relatedLocations`, each with its message.
void append_related(fmt::memory_buffer& out, const std::vector<RelatedLocation>& related,
                    const std::vector<SourceFile>& files) {
  const auto put = std::back_inserter(out);
  fmt::format_to(put, ", \"relatedLocations\": [");
  for (std::size_t i = 0; i < related.size(); ++i) {
    const std::uint32_t file_id = related[i].span.begin.file_id;
    const SourceFile* file = file_id < files.size() ? &files[file_id] : nullptr;
    fmt::format_to(put, "{}{{\"id\": {}, \"physicalLocation\": {{", i == 0 ? "" : ", ", i);
    append_artifact(out, file ? uri_of(file->path) : std::string());
    const Region region = region_of(related[i].span, file);
    fmt::format_to(put, ", \"region\": {{\"startLine\": {}, \"startColumn\": {}, \"endColumn\": {}}}}}, \"message\": {{\"text\": ",
                   region.line, region.start_column, region.end_column);
    append_json_string(out, related[i].message);
    fmt::format_to(put, "}}}}");
  }
  fmt::format_to(put, "]");
}

// [fixes] as SARIF `fixes`: one artifactChange per edit, in the edit's file.
void append_fixes(fmt::memory_buffer& out, const std::vector<Fix>& fixes, const std::vector<SourceFile>& files) {
  const auto put = std::back_inserter(out);
  fmt::format_to(put, ", \"fixes\": [");
  for (std::size_t i = 0; i < fixes.size(); ++i) {
    fmt::format_to(put, "{}{{\"description\": {{\"text\": ", i == 0 ? "" : ", ");
    append_json_string(out, fixes[i].description);
    fmt::format_to(put, "}}, \"artifactChanges\": [");
    for (std::size_t j = 0; j < fixes[i].edits.size(); ++j) {
      const TextEdit& edit = fixes[i].edits[j];
      const std::uint32_t file_id = edit.span.begin.file_id;
      const SourceFile* file = file_id < files.size() ? &files[file_id] : nullptr;
      fmt::format_to(put, "{}{{", j == 0 ? "" : ", ");
      append_artifact(out, file ? uri_of(file->path) : std::string());
      const Region region = region_of(edit.span, file, 0);
      fmt::format_to(put,
                     ", \"replacements\": [{{\"deletedRegion\": {{\"startLine\": {}, \"startColumn\": {}, "
                     "\"endColumn\": {}}}, \"insertedContent\": {{\"text\": ",
                     region.line, region.start_column, region.end_column);
      append_json_string(out, edit.replacement);
      fmt::format_to(put, "}}}}]}}");
    }
    fmt::format_to(put, "]}}");
  }
  fmt::format_to(put, "]");
}

// The rules of [problems]: the lint catalog, then each diagnostic code that occurs, in code order.
std::vector<SarifRule> rules_for(const std::vector<Problem>& problems) {
  auto rules = lint_rules();
  std::vector<std::string_view> codes;
  for (const auto& problem : problems) {
    if (!lint::find_lint(problem.code)) codes.push_back(problem.code);
  }
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  for (const auto code : codes) rules.push_back(diagnostic_rule(code));
  return rules;
}

// Fingerprints of results: one hash per rule, URI and line text, with an occurrence count.
class LineHashes {
 public:
  std::string next(std::string_view rule_id, std::string_view uri, std::string_view line) {
    const std::string key = fmt::format("{}\n{}\n{}", rule_id, uri, line);
    const auto digest = sha256(reinterpret_cast<const std::uint8_t*>(key.data()), key.size());
    const std::string hash = to_hex(digest).substr(0, 32);
    return fmt::format("{}:{}", hash, ++seen_[hash]);
  }

 private:
  std::map<std::string, std::size_t> seen_;
};

}  // namespace

std::string render_sarif(const std::vector<Problem>& problems, const std::vector<SourceFile>& files,
                         std::string_view kb_path, const SarifInvocation& invocation) {
  const auto rules = rules_for(problems);
  fmt::memory_buffer out;
  const auto put = std::back_inserter(out);
  fmt::format_to(put,
                 "{{\n  \"$schema\": \"{}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n"
                 "      \"tool\": {{\n        \"driver\": {{\n          \"name\": \"redflag\",\n"
                 "          \"version\": \"{}\",\n          \"informationUri\": ",
                 kSchema, kRedflagVersion);
  append_json_string(out, tool_information_uri());
  fmt::format_to(put, ",\n          \"rules\": [");
  for (std::size_t i = 0; i < rules.size(); ++i) {
    fmt::format_to(put, "{}\n            ", i == 0 ? "" : ",");
    append_rule(out, rules[i]);
  }
  fmt::format_to(put, "\n          ]\n        }}\n      }},\n      \"invocations\": [{{\"executionSuccessful\": {}",
                 invocation.successful);
  if (!invocation.configuration_error.empty()) {
    fmt::format_to(put, ", \"toolConfigurationNotifications\": [{{\"level\": \"error\", \"message\": {{\"text\": ");
    append_json_string(out, invocation.configuration_error);
    fmt::format_to(put, "}}}}]");
  }
  fmt::format_to(put, "}}],\n      \"columnKind\": \"utf16CodeUnits\",\n      \"results\": [");
  LineHashes hashes;
  for (std::size_t i = 0; i < problems.size(); ++i) {
    const auto& problem = problems[i];
    const auto rule = std::find_if(rules.begin(), rules.end(), [&](const SarifRule& r) { return r.id == problem.code; });
    const ResultPlace place = place_of(problem, files, kb_path);
    fmt::format_to(put, "{}\n        {{\"ruleId\": ", i == 0 ? "" : ",");
    append_json_string(out, problem.code);
    fmt::format_to(put, ", \"ruleIndex\": {}, \"level\": \"{}\", \"message\": {{\"text\": ", rule - rules.begin(),
                   severity_name(problem.severity));
    std::string message(problem.message);
    for (const auto& help : problem.help) message += fmt::format("\nhelp: {}", help);
    append_json_string(out, message);
    fmt::format_to(put, "}}, ");
    append_location(out, problem.span, place);
    if (problem.related && !problem.related->empty()) append_related(out, *problem.related, files);
    if (problem.fixes && !problem.fixes->empty()) append_fixes(out, *problem.fixes, files);
    const std::string line = place.file ? normalized_line(place.file->text, problem.span.begin) : std::string();
    fmt::format_to(put, ", \"partialFingerprints\": {{\"ruleFileLineHash/v1\": \"{}\"}}}}",
                   hashes.next(problem.code, place.uri, line));
  }
  fmt::format_to(put, "{}]\n    }}\n  ]\n}}\n", problems.empty() ? "" : "\n      ");
  return fmt::to_string(out);
}

}  // namespace redflag::tools
