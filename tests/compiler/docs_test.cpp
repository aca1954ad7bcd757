// Documentation stays true: every ```redflag block of docs/language.md and docs/handbook.md is a
// valid KB, and every diagnostic code and every lint has its section in docs/diagnostics.md or
// docs/lints.md (which `explain` prints). docs/tutorial.md's session is replayed by
// docs_session_test.py.
#include <catch2/catch.hpp>

#include <fstream>
#include <utility>
#include <sstream>

#include "compiler/diagnostics/diagnostic_docs.hpp"
#include "compiler/diagnostics/diagnostic_render.hpp"
#include "compiler/frontend.hpp"
#include "compiler/lint/lint.hpp"

namespace {

std::string read_doc(const std::string& name) {
  std::ifstream stream(std::string(REDFLAG_DOCS_DIR) + "/" + name);
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  return buffer.str();
}

// The bodies of the fenced blocks that open with exactly "```redflag".
std::vector<std::string> redflag_blocks(const std::string& markdown) {
  std::vector<std::string> blocks;
  const std::string open = "\n```redflag\n";
  for (auto at = markdown.find(open); at != std::string::npos; at = markdown.find(open, at + 1)) {
    const auto body = at + open.size();
    blocks.push_back(markdown.substr(body, markdown.find("\n```", body) + 1 - body));
  }
  return blocks;
}

}  // namespace

TEST_CASE("every ```redflag block in docs/language.md and docs/handbook.md checks cleanly") {
  for (const auto& [doc, least] : {std::pair{"language.md", 2}, std::pair{"handbook.md", 1}}) {
    const auto blocks = redflag_blocks(read_doc(doc));
    INFO(doc);
    REQUIRE(blocks.size() >= static_cast<std::size_t>(least));
    for (const auto& block : blocks) {
      const auto result = redflag::check_sources({{doc, block}});
      INFO(block << redflag::render_text(result.diagnostics, result.files));
      CHECK(result.diagnostics.empty());
    }
  }
}

TEST_CASE("every diagnostic code is documented with an example and its message") {
  for (const auto kind : redflag::all_diag_kinds()) {
    const std::string code(redflag::diag_code(kind));
    INFO(code);
    const auto section = redflag::explain_code(code);
    REQUIRE(section);
    CHECK(section->find("```") != std::string::npos);
    const std::string severity(redflag::severity_name(redflag::diag_severity(kind)));
    CHECK(section->find(severity + "[" + code + "]") != std::string::npos);
  }
}

TEST_CASE("every lint is documented, and explain prints its whole section") {
  for (const auto& info : redflag::lint::lint_catalog()) {
    const std::string id(info.id);
    INFO(id);
    const auto section = redflag::explain_lint(id);
    REQUIRE(section);
    CHECK(section->rfind("## `" + id + "`\n", 0) == 0);
    CHECK(section->find("Default: **") != std::string::npos);
  }
  // A KB comment in a code block is no heading: the section goes on past it.
  const auto suppression = redflag::explain_lint("unused-suppression");
  REQUIRE(suppression);
  CHECK(suppression->find("# redflag: allow(unused-fact)") != std::string::npos);
  CHECK(suppression->find("```\n", suppression->find("# redflag: allow(unused-fact)")) != std::string::npos);
  CHECK_FALSE(redflag::explain_lint("unused"));
  CHECK_FALSE(redflag::explain_lint(""));
}
