#include "compiler/cli/junit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace redflag::cli {
namespace {

std::string xml_escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string junit_xml(const Image& image, const std::vector<TestOutcome>& outcomes) {
  const auto failures = std::count_if(outcomes.begin(), outcomes.end(),
                                      [](const TestOutcome& outcome) { return !outcome.passed(); });
  fmt::memory_buffer out;
  auto put = [&](auto&&... args) { fmt::format_to(std::back_inserter(out), args...); };
  put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  put("<testsuites tests=\"{}\" failures=\"{}\">\n", outcomes.size(), failures);
  put("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\">\n", xml_escaped(image.meta.id),
      outcomes.size(), failures);
  for (const auto& outcome : outcomes) {
    const auto& test = image.tests[outcome.test];
    put("    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" line=\"{}\"", xml_escaped(image.meta.id),
        xml_escaped(test.name), xml_escaped(test.file), test.line);
    if (outcome.passed()) {
      put("/>\n");
      continue;
    }
    put(">\n");
    for (const auto& failure : outcome.failures) {
      const auto first_line = failure.substr(0, failure.find('\n'));
      put("      <failure message=\"{}\">{}</failure>\n", xml_escaped(first_line), xml_escaped(failure));
    }
    put("    </testcase>\n");
  }
  put("  </testsuite>\n</testsuites>\n");
  return fmt::to_string(out);
}

}  // namespace redflag::cli
