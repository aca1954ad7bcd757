// JUnit XML for CI systems: one <testcase> per KB test, with its failures.
// The schema is the de-facto one Jenkins, GitLab and GitHub test reporters read.
#pragma once

#include <string>
#include <vector>

#include "tools/test/test_runner.hpp"

namespace redflag::tools {

std::string junit_xml(const Image& image, const std::vector<TestOutcome>& outcomes);

}  // namespace redflag::tools
