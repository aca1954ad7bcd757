// The lint config file: a project's levels for each lint, in TOML (read with toml++).
//
//   # redflag.toml, beside the KB's sources
//   [lints]
//   unused-fact = "off"          # off | warning | error
//   duplicate-text = "error"
//
// `[lints]` is the only table; each key is a lint id from compiler/lint/lints.def and each value one
// of "off", "warning" or "error". Lints not named keep their default level. Anything else (a
// TOML syntax error, another table or key, an unknown id, another value) is an error that names
// the file, line and column. docs/lints.md documents the format.
#pragma once

#include <string>
#include <vector>

#include "compiler/lint/lint.hpp"

namespace redflag::tools {

inline constexpr const char* kLintConfigName = "redflag.toml";

struct LintConfig {
  std::vector<lint::LintLevel> levels;  // one per catalog entry
  std::string error;                    // "file:line:col: error: message" when it is bad
};

// Reads the config file at [path].
LintConfig read_lint_config(const std::string& path);

// The config file for the KB at [kb_paths] when none is given: `redflag.toml` in the first
// path (a directory) or in the directory of the first path (a file); "" when there is none.
std::string find_lint_config(const std::vector<std::string>& kb_paths);

}  // namespace redflag::tools
