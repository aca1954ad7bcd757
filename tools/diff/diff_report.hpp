// How `redflag diff` prints its findings: text for a terminal, Markdown for a review comment,
// JSON for tools. All three show the same content (docs/cli.md#redflag-diff).
#pragma once

#include <cstddef>
#include <string>

#include "tools/diff/behaviour_diff.hpp"
#include "tools/diff/structural_diff.hpp"
#include "tools/diff/version_check.hpp"

namespace redflag::tools {

struct DiffReport {
  const Image& old_kb;
  const Image& new_kb;
  std::vector<ItemChange> items;
  BehaviourDiff behaviour;
  VersionCheck version;
  std::size_t max_cases = 0;  // changed cases to list; 0 lists all
};

// Compares [old_kb] with [new_kb] in structure and behaviour and checks the version bump;
// [max_cases] changed cases are listed (0: all). The report refers to both Images.
DiffReport diff_kbs(const Image& old_kb, const Image& new_kb, std::size_t max_cases);

std::string render_diff_text(const DiffReport& report);
std::string render_diff_markdown(const DiffReport& report);
std::string render_diff_json(const DiffReport& report);

}  // namespace redflag::tools
