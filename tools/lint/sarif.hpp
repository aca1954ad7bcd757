// Lint findings and compile errors as SARIF 2.1.0 (OASIS Static Analysis Results Interchange
// Format), the format code-scanning services read.
//
// One run whose tool driver `redflag` (with `informationUri`) lists the rules of
// tools/lint/sarif_rules.hpp, and one result per problem with ruleId, ruleIndex, level, message,
// a physical location and `partialFingerprints`. The location is the file as a URI reference
// (relative paths against `%SRCROOT%`, absolute ones as `file://` URIs) with a region whose
// columns count UTF-16 code units, as SARIF's default `columnKind` says; a problem without a
// position is at line 1, column 1 of its file, and a problem of the whole KB (a missing `kb`
// declaration) in the KB's first file. The fingerprint
// `ruleFileLineHash/v1` is the first 32 hex digits of SHA-256 over the rule id, the URI and the
// flagged line with white space runs folded and trimmed, then `:N` for the Nth result with the
// same hash: moving the line leaves it unchanged, editing it makes a new alert (docs/cli.md).
// A KB that does not compile still gets a log: its compile errors are the results and the
// invocation says `executionSuccessful: false`; so does a bad config file, as the invocation's
// `toolConfigurationNotifications`. tests/cli/sarif_test.py validates the output
// against the official schema.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/diagnostic_render.hpp"

namespace redflag::tools {

// How the run went: whether the KB was linted, and a configuration error that stopped it.
struct SarifInvocation {
  bool successful = true;           // the KB compiled and was linted
  std::string configuration_error;  // a bad config file or date: a toolConfigurationNotification
};

// [problems] on the sources [files] as one SARIF log, ending with a newline. A problem's code is
// a lint id or a diagnostic code. [kb_path] locates problems when the KB has no file.
std::string render_sarif(const std::vector<Problem>& problems, const std::vector<SourceFile>& files,
                         std::string_view kb_path, const SarifInvocation& invocation);

}  // namespace redflag::tools
