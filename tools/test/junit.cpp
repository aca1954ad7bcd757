#include "tools/test/junit.hpp"

#include <fmt/format.h>

#include <iterator>
#include <vector>

#include "compiler/diagnostics/diagnostic_render.hpp"
#include "tools/xml_text.hpp"

namespace redflag::tools {
namespace {

// A test case as JUnit sees it: a KB test, the coverage check, or the compilation that failed.
struct JunitCase {
  std::string name;
  std::string_view outcome;  // "" when it passed, else the element: "failure" or "error"
  std::string_view type;     // the element's `type`
  std::string message;       // one line
  std::string text;          // the element's body
};

JunitCase case_of_test(const FrontendResult& frontend, const Image& image, const TestOutcome& outcome) {
  const auto& test = image.tests[outcome.test];
  JunitCase junit{test.name, "", "", {}, {}};
  if (outcome.passed()) return junit;
  junit.outcome = "failure";
  junit.type = "expectation";
  const auto total = test.expectations.size();
  junit.text = fmt::format("{}:{}: {} of {} expectation{} failed", typed_path(frontend, test.file), test.line,
                           outcome.failures.size(), total, total == 1 ? "" : "s");
  for (const auto& failure : outcome.failures) {
    junit.message += (junit.message.empty() ? "" : "; ") + failure_summary(failure);
    junit.text += "\n" + failure_text(failure);
  }
  return junit;
}

JunitCase coverage_case(const Image& image, const std::vector<FlagCoverage>& flags) {
  static constexpr const char* kNever[] = {"false", "true", "unknown"};  // indexed like Coverage::seen
  JunitCase junit{"coverage: every flag true, false and unknown in some test", "", "", {}, {}};
  std::size_t short_flags = 0;
  for (std::size_t i = 0; i < flags.size(); ++i) {
    if (flags[i].coverage.full()) continue;
    ++short_flags;
    std::string never;
    for (std::size_t value = 0; value < 3; ++value) {
      if (!flags[i].coverage.seen[value]) never += fmt::format("{}{}", never.empty() ? "" : ", ", kNever[value]);
    }
    junit.text += fmt::format("{}flag {}: {} (never {})", junit.text.empty() ? "" : "\n", image.flags[i].name,
                              coverage_marks(flags[i].coverage), never);
  }
  if (short_flags == 0) return junit;
  junit.outcome = "failure";
  junit.type = "coverage";
  junit.message = fmt::format("{} of {} flags were not driven true, false and unknown by the tests", short_flags,
                              flags.size());
  return junit;
}

void append_case(fmt::memory_buffer& out, std::string_view classname, const JunitCase& junit) {
  const auto put = [&](std::string_view piece) { out.append(piece.data(), piece.data() + piece.size()); };
  put("    <testcase classname=\"");
  append_xml_text(out, classname, XmlPlace::Attribute);
  put("\" name=\"");
  append_xml_text(out, junit.name, XmlPlace::Attribute);
  if (junit.outcome.empty()) {
    put("\"/>\n");
    return;
  }
  fmt::format_to(std::back_inserter(out), "\">\n      <{} type=\"{}\" message=\"", junit.outcome, junit.type);
  append_xml_text(out, junit.message, XmlPlace::Attribute);
  put("\">");
  append_xml_text(out, junit.text, XmlPlace::Element);
  fmt::format_to(std::back_inserter(out), "</{}>\n    </testcase>\n", junit.outcome);
}

// The whole report: one suite named [suite] (also the cases' classname) holding [cases].
std::string junit_document(std::string_view suite, const std::vector<JunitCase>& cases) {
  std::size_t failures = 0, errors = 0;
  for (const auto& junit : cases) {
    failures += junit.outcome == "failure";
    errors += junit.outcome == "error";
  }
  const auto counts = fmt::format("tests=\"{}\" failures=\"{}\" errors=\"{}\"", cases.size(), failures, errors);
  fmt::memory_buffer out;
  fmt::format_to(std::back_inserter(out), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites {}>\n", counts);
  fmt::format_to(std::back_inserter(out), "  <testsuite name=\"");
  append_xml_text(out, suite, XmlPlace::Attribute);
  fmt::format_to(std::back_inserter(out), "\" {} skipped=\"0\">\n", counts);  // redflag never skips a test
  for (const auto& junit : cases) append_case(out, suite, junit);
  fmt::format_to(std::back_inserter(out), "  </testsuite>\n</testsuites>\n");
  return fmt::to_string(out);
}

}  // namespace

std::string junit_xml(const FrontendResult& frontend, const Image& image, const TestRun& run, bool coverage_required) {
  std::vector<JunitCase> cases;
  for (const auto& outcome : run.outcomes) cases.push_back(case_of_test(frontend, image, outcome));
  if (coverage_required && run.coverage) cases.push_back(coverage_case(image, *run.coverage));
  return junit_document(image.meta.id, cases);
}

std::string junit_load_error_xml(const LoadedKb& kb, const std::vector<std::string>& paths) {
  JunitCase junit{"compile", "error", "compile", {}, {}};
  if (kb.frontend && kb.frontend->has_errors()) {
    const auto& diagnostics = kb.frontend->diagnostics;
    junit.message = render_summary(diagnostics, kb.frontend->files);
    junit.text = render_text(diagnostics, kb.frontend->files);
  } else {
    junit.message = kb.error ? kb.error->message : "the KB cannot be loaded";
    junit.text = junit.message;
  }
  while (!junit.message.empty() && junit.message.back() == '\n') junit.message.pop_back();
  std::string suite;
  for (const auto& path : paths) suite += (suite.empty() ? "" : " ") + path;
  return junit_document(suite, {junit});
}

}  // namespace redflag::tools
