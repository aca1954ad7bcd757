// How `redflag diff` prints its findings: text for a terminal, Markdown for a review comment,
// JSON for tools. All three show the same content (docs/cli.md#redflag-diff).
#pragma once

#include <cstddef>
#include <string>

#include "compiler/cli/kb_diff.hpp"

namespace redflag::cli {

struct DiffReport {
  const Image& old_kb;
  const Image& new_kb;
  std::vector<ItemChange> items;
  BehaviourDiff behaviour;
  VersionCheck version;
  std::size_t max_cases = 0;  // changed cases to list; 0 lists all
};

std::string render_diff_text(const DiffReport& report);
std::string render_diff_markdown(const DiffReport& report);
std::string render_diff_json(const DiffReport& report);

}  // namespace redflag::cli
