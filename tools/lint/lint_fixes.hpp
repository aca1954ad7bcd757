// `redflag lint --fix`: the sources with the machine-applicable fixes of a lint run applied.
// It computes the new texts only; the CLI writes them (each file atomically, cli/verb_lint.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "compiler/frontend.hpp"
#include "tools/lint/lint_run.hpp"

namespace redflag::tools {

// One source file that the fixes change.
struct FixedSource {
  std::size_t file_index = 0;  // into FrontendResult::files
  std::string text;            // the file with the fixes applied
  std::size_t applied = 0;     // fixes applied
  std::size_t skipped = 0;     // edits left out because they overlap an earlier one
};

// Every file of [frontend] that the fixes of [run]'s findings change, in file order.
std::vector<FixedSource> fixed_sources(const FrontendResult& frontend, const LintRun& run);

}  // namespace redflag::tools
