// JUnit XML for CI systems: one <testcase> per KB test, with its failures.
// The schema is the de-facto one Jenkins, GitLab and GitHub test reporters read.
#pragma once

#include <string>
#include <vector>

#include "compiler/cli/test_runner.hpp"

namespace redflag::cli {

std::string junit_xml(const Image& image, const std::vector<TestOutcome>& outcomes);

}  // namespace redflag::cli
