#include "compiler/diagnostics/diagnostic_render.hpp"

#include "runtime/visible_text.hpp"

#include <algorithm>
#include <set>
#include <string_view>

namespace redflag {
namespace {

// A source line longer than this is not echoed: the caret would not help on it.
constexpr std::size_t kMaxEchoedLine = 500;

struct Colors {
  std::string_view bold, error, help, reset;
};

Colors colors_for(const RenderOptions& options) {
  if (!options.color) return {};
  return {"\x1b[1m", "\x1b[1;31m", "\x1b[1;36m", "\x1b[0m"};
}

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string_view file_of(const SourceSpan& span, const std::vector<SourceFile>& files) {
  const std::uint32_t file_id = span.begin.file_id;
  return file_id < files.size() ? std::string_view(files[file_id].path) : std::string_view();
}

// The source line of [loc] (without its line break) in [text].
std::string_view line_of(std::string_view text, const SourceLoc& loc) {
  const std::size_t start = loc.offset - (loc.column - 1);
  const std::size_t end = text.find('\n', start);
  std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// `"` and `\` escaped, control characters as \u00XX.
std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// [fixes] as a JSON array of {description, edits: [{file, line, column, end_column, replacement}]}.
std::string fixes_json(const std::vector<Fix>* fixes, const std::vector<SourceFile>& files) {
  std::string out = "[";
  if (fixes) {
    for (const auto& fix : *fixes) {
      std::string edits = "[";
      for (const auto& edit : fix.edits) {
        const SourceLoc& at = edit.span.begin;
        edits += fmt::format("{}{{\"file\": {}, \"line\": {}, \"column\": {}, \"end_column\": {}, \"replacement\": {}}}",
                             edits.size() > 1 ? ", " : "", json_string(file_of(edit.span, files)), at.line,
                             at.column, at.column + edit.span.length, json_string(edit.replacement));
      }
      out += fmt::format("{}{{\"description\": {}, \"edits\": {}]}}", out.size() > 1 ? ", " : "",
                         json_string(fix.description), edits);
    }
  }
  return out + "]";
}

// The source line of [span] in [text] with a caret line under the span, or "" for a line too
// long to echo.
std::string excerpt(const SourceSpan& span, std::string_view text, const Colors& colors) {
  const SourceLoc& begin = span.begin;
  const std::string_view line = line_of(text, begin);
  if (line.size() > kMaxEchoedLine) return {};
  const std::string number = std::to_string(begin.line);
  const std::string gutter(number.size(), ' ');
  // The line as shown (control characters escaped, tabs kept); the pad holds a space for
  // each character shown before the span, or a tab, and the caret spans the characters
  // shown for it, so that both line up.
  const std::size_t start = std::min<std::size_t>(begin.column - 1, line.size());
  std::string pad;
  for (const char c : visible_text(line.substr(0, start), Keep::Tabs)) {
    if (!continuation_byte(c)) pad += c == '\t' ? '\t' : ' ';
  }
  const std::string spanned = visible_text(line.substr(start, span.length), Keep::Tabs);
  const auto shown = static_cast<std::size_t>(std::count_if(spanned.begin(), spanned.end(), [](char c) { return !continuation_byte(c); }));
  const std::size_t length = std::max<std::size_t>(shown, 1);
  return fmt::format(" {} |\n {} | {}\n {} | {}{}^{}{}\n", gutter, number, visible_text(line, Keep::Tabs), gutter, pad,
                     colors.error, std::string(length - 1, '~'), colors.reset);
}

Problem problem_of(const Diagnostic& diagnostic) {
  return {diag_code(diagnostic.kind), diagnostic.severity, diagnostic.span, diagnostic.message,
          std::vector<std::string_view>(diagnostic.help.begin(), diagnostic.help.end()), &diagnostic.fixes,
          &diagnostic.related};
}

std::string render_one(const Problem& diagnostic, const std::vector<SourceFile>& files,
                       const RenderOptions& options) {
  const Colors colors = colors_for(options);
  const SourceLoc& begin = diagnostic.span.begin;
  const std::string file = visible_text(file_of(diagnostic.span, files));
  std::string location;
  if (!file.empty()) {
    location = begin.line == 0 ? fmt::format("{}: ", file)
                               : fmt::format("{}:{}:{}: ", file, begin.line, begin.column);
  }
  std::string out = fmt::format(
      "{}{}{}{}[{}]{}{}: {}{}\n", colors.bold, location,
      diagnostic.severity == Severity::Error ? colors.error : colors.bold,
      severity_name(diagnostic.severity), diagnostic.code, colors.reset, colors.bold,
      visible_text(diagnostic.message), colors.reset);
  if (!file.empty() && begin.line != 0) out += excerpt(diagnostic.span, files[begin.file_id].text, colors);
  for (const auto& help : diagnostic.help) {
    out += fmt::format("  {}help{}: {}\n", colors.help, colors.reset, visible_text(help));
  }
  if (diagnostic.fixes) {
    for (const auto& fix : *diagnostic.fixes) {
      out += fmt::format("  {}fix{}: {}\n", colors.help, colors.reset, visible_text(fix.description));
    }
  }
  if (diagnostic.related) {
    for (const auto& related : *diagnostic.related) {
      const std::string related_file = visible_text(file_of(related.span, files));
      out += fmt::format("  {}note{}: {}:{}:{}: {}\n", colors.help, colors.reset, related_file, related.span.begin.line,
                         related.span.begin.column, visible_text(related.message));
      if (!related_file.empty() && related.span.begin.line != 0) {
        out += excerpt(related.span, files[related.span.begin.file_id].text, colors);
      }
    }
  }
  return out;
}

}  // namespace

std::vector<Problem> problems_of(const std::vector<Diagnostic>& diagnostics) {
  std::vector<Problem> problems;
  for (const auto& diagnostic : diagnostics) problems.push_back(problem_of(diagnostic));
  return problems;
}

std::string render_text(const Diagnostic& diagnostic, const std::vector<SourceFile>& files,
                        const RenderOptions& options) {
  return render_one(problem_of(diagnostic), files, options);
}

std::string render_text(const std::vector<Diagnostic>& diagnostics,
                        const std::vector<SourceFile>& files, const RenderOptions& options) {
  return render_problems_text(problems_of(diagnostics), files, options);
}

std::string render_json(const std::vector<Diagnostic>& diagnostics,
                        const std::vector<SourceFile>& files) {
  return render_problems_json(problems_of(diagnostics), files);
}

std::string render_problems_text(const std::vector<Problem>& problems,
                                 const std::vector<SourceFile>& files,
                                 const RenderOptions& options) {
  std::string out;
  for (const auto& problem : problems) {
    if (!out.empty()) out += '\n';
    out += render_one(problem, files, options);
  }
  return out;
}

std::string render_problems_json(const std::vector<Problem>& diagnostics,
                                 const std::vector<SourceFile>& files) {
  std::string out = "[";
  for (const auto& diagnostic : diagnostics) {
    const SourceLoc& begin = diagnostic.span.begin;
    const std::uint32_t end_column =
        begin.line == 0 ? 0 : begin.column + std::max<std::uint32_t>(diagnostic.span.length, 1);
    std::string help = "[";
    for (const auto& line : diagnostic.help) {
      help += (help.size() > 1 ? ", " : "") + json_string(line);
    }
    std::string related = "[";
    if (diagnostic.related) {
      for (const auto& place : *diagnostic.related) {
        const SourceLoc& at = place.span.begin;
        related += fmt::format("{}{{\"file\": {}, \"line\": {}, \"column\": {}, \"end_column\": {}, \"message\": {}}}",
                               related.size() > 1 ? ", " : "", json_string(file_of(place.span, files)), at.line,
                               at.column, at.column + std::max<std::uint32_t>(place.span.length, 1),
                               json_string(place.message));
      }
    }
    out += fmt::format(
        "{}\n  {{\"code\": \"{}\", \"severity\": \"{}\", \"file\": {}, \"line\": {}, "
        "\"column\": {}, \"end_column\": {}, \"message\": {}, \"help\": {}], \"fixes\": {}, \"related\": {}]}}",
        out.size() > 1 ? "," : "", diagnostic.code, severity_name(diagnostic.severity),
        json_string(file_of(diagnostic.span, files)), begin.line, begin.line == 0 ? 0 : begin.column,
        end_column, json_string(diagnostic.message), help, fixes_json(diagnostic.fixes, files), related);
  }
  return out + (diagnostics.empty() ? "]\n" : "\n]\n");
}

std::string render_summary(const std::vector<Diagnostic>& diagnostics,
                           const std::vector<SourceFile>& files) {
  std::size_t errors = 0;
  std::set<std::string_view> error_files;
  for (const auto& diagnostic : diagnostics) {
    if (diagnostic.severity != Severity::Error) continue;
    ++errors;
    if (const auto file = file_of(diagnostic.span, files); !file.empty()) error_files.insert(file);
  }
  if (errors == 0) return {};
  const std::string where = error_files.empty()      ? std::string("the KB")
                            : error_files.size() == 1 ? visible_text(*error_files.begin())
                                                      : fmt::format("{} files", error_files.size());
  return fmt::format("error: {} error{} in {}\n", errors, errors == 1 ? "" : "s", where);
}

}  // namespace redflag
