// The SARIF rules of compiler diagnostics (tools/lint/sarif_rules.hpp): each code's description
// and link come from its section of docs/diagnostics.md, under the build's docs URL.
#include "tools/lint/sarif_rules.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "compiler/diagnostics/diagnostic.hpp"
#include "redflag/version.hpp"

using redflag::tools::heading_anchor;

TEST_CASE("heading anchors are the ones Markdown renderers give", "[tools][sarif]") {
  CHECK(heading_anchor("E049: `urgency` outside a topic") == "e049-urgency-outside-a-topic");
  CHECK(heading_anchor("`unused-fact`") == "unused-fact");
  CHECK(heading_anchor("E028: missing `kb` or `levels`") == "e028-missing-kb-or-levels");
}

TEST_CASE("every diagnostic code is a rule described and linked by its docs section", "[tools][sarif]") {
  for (const auto kind : redflag::all_diag_kinds()) {
    const std::string code(redflag::diag_code(kind));
    const auto rule = redflag::tools::diagnostic_rule(code);
    INFO(code);
    CHECK(rule.id == code);
    CHECK(rule.short_description != code);
    CHECK(rule.level == redflag::severity_name(redflag::diag_severity(kind)));
    CHECK(rule.help_uri.rfind(std::string(redflag::kRedflagDocsUrl) + "diagnostics.md#", 0) == 0);
    CHECK(rule.help_uri.find('#' + std::string(1, static_cast<char>(code[0] | 0x20)) + code.substr(1) + '-') !=
          std::string::npos);
    CHECK_FALSE(rule.help.empty());
  }
}

TEST_CASE("an unknown code is still a rule, linked to the diagnostics page", "[tools][sarif]") {
  const auto rule = redflag::tools::diagnostic_rule("E999");
  CHECK(rule.short_description == "E999");
  CHECK(rule.help_uri == std::string(redflag::kRedflagDocsUrl) + "diagnostics.md");
}
