#include "tools/test/junit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "compiler/doc/markup_escape.hpp"

namespace redflag::tools {

std::string junit_xml(const Image& image, const std::vector<TestOutcome>& outcomes) {
  const auto failures = std::count_if(outcomes.begin(), outcomes.end(),
                                      [](const TestOutcome& outcome) { return !outcome.passed(); });
  fmt::memory_buffer out;
  auto put = [&](auto&&... args) { fmt::format_to(std::back_inserter(out), args...); };
  put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  put("<testsuites tests=\"{}\" failures=\"{}\">\n", outcomes.size(), failures);
  put("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\">\n", html_escape(image.meta.id),
      outcomes.size(), failures);
  for (const auto& outcome : outcomes) {
    const auto& test = image.tests[outcome.test];
    put("    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" line=\"{}\"", html_escape(image.meta.id),
        html_escape(test.name), html_escape(test.file), test.line);
    if (outcome.passed()) {
      put("/>\n");
      continue;
    }
    put(">\n");
    for (const auto& failure : outcome.failures) {
      const auto first_line = failure.substr(0, failure.find('\n'));
      put("      <failure message=\"{}\">{}</failure>\n", html_escape(first_line), html_escape(failure));
    }
    put("    </testcase>\n");
  }
  put("  </testsuite>\n</testsuites>\n");
  return fmt::to_string(out);
}

}  // namespace redflag::tools
