// `redflag lint` as one call: the project's lint levels (lint_config.hpp), the lints run over a
// checked KB (compiler/lint/lint.hpp), and the findings rendered as text, JSON or SARIF
// (docs/lints.md). An editor's diagnostics and CI see the same findings at the same levels.
#pragma once

#include <string>
#include <vector>

#include "compiler/frontend.hpp"
#include "compiler/lint/lint.hpp"

namespace redflag::tools {

enum class LintFormat { Text, Json, Sarif };

struct LintSettings {
  std::string config;  // the config file; "" looks for redflag.toml beside the KB's first path
  std::string today;   // YYYY-MM-DD, what `review-overdue` compares with
  bool release = false;
};

struct LintRun {
  std::vector<lint::LintFinding> findings;
  std::string error;  // a bad config file ("file:line:col: error: message") or date; findings are then empty
};

// Lints [frontend] (checked without errors from [kb_paths]) with [settings].
LintRun lint_kb(const FrontendResult& frontend, const std::vector<std::string>& kb_paths,
                const LintSettings& settings);

// The findings of [run] in [format]: text (with a closing `lint: N errors, M warnings` line; ""
// when there are none), a JSON array, or a SARIF log. Compile diagnostics and [run]'s error go
// to stderr in text and JSON (rendered by the caller), but SARIF holds them too, so a KB that
// does not compile or a bad config still gets a log: compile diagnostics are results before
// the findings, the error a tool configuration notification. [color] colours text only.
std::string render_findings(const FrontendResult& frontend, const std::vector<std::string>& kb_paths,
                            const LintRun& run, LintFormat format, bool color);

// Whether [date] looks like YYYY-MM-DD (the checker validates dates in sources; this is input).
bool is_date(const std::string& date);

}  // namespace redflag::tools
