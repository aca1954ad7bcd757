#include "tools/test/test_report.hpp"

#include <fmt/format.h>

#include <iterator>

#include "runtime/visible_text.hpp"
#include "runtime/vm.hpp"
#include "tools/eval/fact_display.hpp"

namespace redflag::tools {
namespace {

// Appends the coverage table of [flags]; the flags' names come from [image].
void append_coverage(fmt::memory_buffer& out, const FrontendResult& frontend, const Image& image,
                     const std::vector<FlagCoverage>& flags) {
  std::size_t full_flags = 0, conditions = 0, full_conditions = 0;
  fmt::format_to(std::back_inserter(out), "\ncoverage (T true, F false, U unknown in some test; - never):\n");
  for (std::size_t i = 0; i < flags.size(); ++i) {
    fmt::format_to(std::back_inserter(out), "  {:<48} {}\n", "flag " + image.flags[i].name,
                   coverage_marks(flags[i].coverage));
    full_flags += flags[i].coverage.full();
    for (const auto& condition : flags[i].conditions) {
      fmt::format_to(std::back_inserter(out), "    {:<46} {}\n",
                     condition_source_text(frontend, *condition.condition), coverage_marks(condition.coverage));
      ++conditions;
      full_conditions += condition.coverage.full();
    }
  }
  fmt::format_to(std::back_inserter(out), "flags fully covered: {}/{}; conditions fully covered: {}/{}\n",
                 full_flags, flags.size(), full_conditions, conditions);
}

}  // namespace

std::string coverage_marks(const Coverage& coverage) {
  return fmt::format("{} {} {}", coverage.seen[1] ? "T" : "-", coverage.seen[0] ? "F" : "-",
                     coverage.seen[2] ? "U" : "-");
}

std::string condition_source_text(const FrontendResult& frontend, const ast::Expr& expr) {
  const auto& span = expr.span;
  const auto& text = frontend.files.at(span.begin.file_id).text;
  std::string folded;
  for (const char c : text.substr(span.begin.offset, span.length)) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space && (folded.empty() || folded.back() == ' ')) continue;
    folded += space ? ' ' : c;
  }
  return folded;
}

TestRun run_kb_tests(const FrontendResult& frontend, const Image& image, bool with_coverage) {
  TestRun run;
  const Program program(image);
  run.outcomes = run_tests(image, program);
  for (const auto& outcome : run.outcomes) run.failed += !outcome.passed();
  if (with_coverage) {
    run.coverage = measure_coverage(frontend.kb, image);
    for (const auto& flag : *run.coverage) run.fully_covered = run.fully_covered && flag.coverage.full();
  }
  return run;
}

std::string_view typed_path(const FrontendResult& frontend, std::string_view name) {
  for (const auto& file : frontend.files) {
    if (file.name == name) return file.path;
  }
  return name;
}

namespace {

// [report], escaped, with the verdict that ends each `test ... ok|FAILED` line and the one
// after `test result: ` coloured. Colour comes after visible_text, which would escape it; the
// verdicts are found by place (a line's end, the result line's start), never inside a name.
std::string colour_verdicts(const std::string& report) {
  const auto paint = [](std::string_view verdict) {
    return std::string(verdict == "ok" ? "\x1b[1;32m" : "\x1b[1;31m") + std::string(verdict) + "\x1b[0m";
  };
  std::string out;
  for (std::size_t start = 0; start < report.size();) {
    const std::size_t end = report.find('\n', start);
    std::string_view line(report.data() + start, end - start);
    start = end + 1;
    std::string painted(line);
    constexpr std::string_view kResult = "test result: ";
    if (line.rfind(kResult, 0) == 0) {
      const std::size_t dot = line.find('.');
      painted = std::string(kResult) + paint(line.substr(kResult.size(), dot - kResult.size())) + std::string(line.substr(dot));
    } else if (line.rfind("test ", 0) == 0) {
      for (const std::string_view verdict : {"ok", "FAILED"}) {
        const std::string tail = " ... " + std::string(verdict);
        if (line.size() > tail.size() && line.substr(line.size() - tail.size()) == tail) {
          painted = std::string(line.substr(0, line.size() - verdict.size())) + paint(verdict);
        }
      }
    }
    out += painted + "\n";
  }
  return out;
}

}  // namespace

std::string render_test_report(const FrontendResult& frontend, const Image& image, const TestRun& run, bool color) {
  fmt::memory_buffer out;
  const auto put = std::back_inserter(out);
  for (const auto& outcome : run.outcomes) {
    const auto& test = image.tests[outcome.test];
    fmt::format_to(put, "test {}:{} {} ... {}\n", typed_path(frontend, test.file), test.line, test.name,
                   outcome.passed() ? "ok" : "FAILED");
  }
  if (run.failed > 0) fmt::format_to(put, "\nfailures:\n");
  for (const auto& outcome : run.outcomes) {
    if (outcome.passed()) continue;
    const auto& test = image.tests[outcome.test];
    fmt::format_to(put, "  {} ({}:{})\n", test.name, typed_path(frontend, test.file), test.line);
    for (const auto& failure : outcome.failures) fmt::format_to(put, "    {}\n", indent_continuation(failure_text(failure), "    "));
  }
  if (run.coverage) append_coverage(out, frontend, image, *run.coverage);
  fmt::format_to(put, "\ntest result: {}. {} passed, {} failed\n", run.failed == 0 ? "ok" : "FAILED",
                 run.outcomes.size() - run.failed, run.failed);
  const std::string report = visible_text(fmt::to_string(out), Keep::TabsAndLineFeeds);  // test names are source strings
  return color ? colour_verdicts(report) : report;
}

}  // namespace redflag::tools
