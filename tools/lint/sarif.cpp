#include "tools/lint/sarif.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "redflag/version.hpp"
#include "tools/json_text.hpp"

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

std::string_view level_of(lint::LintLevel level) {
  return level == lint::LintLevel::Error ? "error" : "warning";
}

void append_rules(fmt::memory_buffer& out) {
  const auto& catalog = lint::lint_catalog();
  for (std::size_t i = 0; i < catalog.size(); ++i) {
    const auto& info = catalog[i];
    fmt::format_to(std::back_inserter(out), "{}\n            {{\"id\": ", i == 0 ? "" : ",");
    append_json_string(out, info.id);
    fmt::format_to(std::back_inserter(out), ", \"shortDescription\": {{\"text\": ");
    append_json_string(out, info.short_description);
    fmt::format_to(std::back_inserter(out), "}}, \"fullDescription\": {{\"text\": ");
    append_json_string(out, fmt::format("{}; see docs/lints.md#{}", info.short_description, info.id));
    fmt::format_to(std::back_inserter(out), "}}, \"help\": {{\"text\": ");
    append_json_string(out, info.help);
    fmt::format_to(std::back_inserter(out),
                   "}}, \"defaultConfiguration\": {{\"level\": \"{}\"}}}}",
                   level_of(info.default_level));
  }
}

void append_location(fmt::memory_buffer& out, const SourceSpan& span,
                     const std::vector<SourceFile>& files) {
  const SourceLoc& begin = span.begin;
  const SourceFile& file = files.at(begin.file_id);
  const std::string_view text = file.text;
  const std::string uri = uri_of(file.path);
  fmt::format_to(std::back_inserter(out), "\"locations\": [{{\"physicalLocation\": {{"
                                          "\"artifactLocation\": {{\"uri\": ");
  append_json_string(out, uri);
  if (uri.rfind("file://", 0) != 0) fmt::format_to(std::back_inserter(out), ", \"uriBaseId\": \"%SRCROOT%\"");
  fmt::format_to(std::back_inserter(out), "}}");
  if (begin.line != 0) {
    const std::size_t line_start = begin.offset - (begin.column - 1);
    const std::uint32_t start = 1 + utf16_units(text.substr(line_start, begin.column - 1));
    const std::uint32_t width = utf16_units(text.substr(begin.offset, span.length));
    fmt::format_to(std::back_inserter(out),
                   ", \"region\": {{\"startLine\": {}, \"startColumn\": {}, \"endColumn\": {}}}",
                   begin.line, start, start + std::max<std::uint32_t>(width, 1));
  }
  fmt::format_to(std::back_inserter(out), "}}}}]");
}

}  // namespace

std::string render_sarif(const std::vector<lint::LintFinding>& findings,
                         const std::vector<SourceFile>& files) {
  fmt::memory_buffer out;
  fmt::format_to(std::back_inserter(out),
                 "{{\n  \"$schema\": \"{}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n"
                 "      \"tool\": {{\n        \"driver\": {{\n          \"name\": \"redflag\",\n"
                 "          \"version\": \"{}\",\n          \"rules\": [",
                 kSchema, kRedflagVersion);
  append_rules(out);
  fmt::format_to(std::back_inserter(out), "\n          ]\n        }}\n      }},\n"
                                          "      \"columnKind\": \"utf16CodeUnits\",\n"
                                          "      \"results\": [");
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto& finding = findings[i];
    const auto& info = lint::lint_info(finding.lint);
    fmt::format_to(std::back_inserter(out), "{}\n        {{\"ruleId\": ", i == 0 ? "" : ",");
    append_json_string(out, info.id);
    fmt::format_to(std::back_inserter(out), ", \"ruleIndex\": {}, \"level\": \"{}\", \"message\": {{\"text\": ",
                   static_cast<std::size_t>(finding.lint), severity_name(finding.severity));
    std::string message = finding.message;
    for (const auto& help : finding.help) message += "\nhelp: " + help;
    append_json_string(out, message);
    fmt::format_to(std::back_inserter(out), "}}, ");
    append_location(out, finding.span, files);
    fmt::format_to(std::back_inserter(out), "}}");
  }
  fmt::format_to(std::back_inserter(out), "{}]\n    }}\n  ]\n}}\n", findings.empty() ? "" : "\n      ");
  return fmt::to_string(out);
}

}  // namespace redflag::tools
