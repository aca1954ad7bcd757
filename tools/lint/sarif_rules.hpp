// The rules of a SARIF log (tools/lint/sarif.hpp): what each result's ruleId stands for.
//
// Every lint of the catalog (compiler/lint/lints.def) is a rule, whether it fired or not, with
// its `helpUri` at its section of docs/lints.md; a compiler diagnostic code (`E040`) that occurs
// is a rule too, described by its section of docs/diagnostics.md (the text `redflag explain`
// prints) and linked to it. Links start at kRedflagDocsUrl, the build's REDFLAG_DOCS_URL
// (docs/ci.md); anchors are the ones GitHub and most Markdown renderers give a heading.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace redflag::tools {

struct SarifRule {
  std::string id;                 // "unused-fact", "E040"
  std::string short_description;  // one line
  std::string full_description;
  std::string help;
  std::string help_uri;
  std::string_view level;  // the default: "warning" or "error"
};

// The catalog's lints, in catalog order (a lint's index is its LintId).
std::vector<SarifRule> lint_rules();

// The rule of compiler diagnostic [code].
SarifRule diagnostic_rule(std::string_view code);

// Where the driver's `informationUri` points: the lint documentation.
std::string tool_information_uri();

// The anchor a Markdown renderer gives the heading [text]: lower case, punctuation dropped,
// spaces as `-` ("E049: `urgency` outside a topic" gives "e049-urgency-outside-a-topic").
std::string heading_anchor(std::string_view text);

}  // namespace redflag::tools
