// Lint findings as SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), the format
// code-scanning services read.
//
// One run whose tool driver `redflag` lists every lint of the catalog as a rule (id, short and
// full description, help, default level), whether it fired or not, and one result per finding
// with ruleId, ruleIndex, level, message and a physical location: the file as a URI reference
// (relative paths against `%SRCROOT%`, absolute ones as `file://` URIs) and a region whose
// columns count UTF-16 code units, as SARIF's default `columnKind` says. The driver has no
// `informationUri`: redflag has no public home page to point at. tests/cli/sarif_test.py
// validates the output against the official schema.
#pragma once

#include <string>
#include <vector>

#include "compiler/lint/lint.hpp"

namespace redflag::tools {

// [findings] on the sources [files] as one SARIF log, ending with a newline.
std::string render_sarif(const std::vector<lint::LintFinding>& findings,
                         const std::vector<SourceFile>& files);

}  // namespace redflag::tools
