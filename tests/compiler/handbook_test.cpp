// The handbook's plain-language conditions, one phrase per construct, and the two formats'
// promises: Mermaid in Markdown; one self-contained HTML file (no script, nothing fetched).
#include <catch2/catch.hpp>

#include "compiler/diagnostics/diagnostic_render.hpp"
#include "compiler/frontend.hpp"
#include "compiler/doc/handbook.hpp"

namespace {

const char* const kKb = R"rf(kb k
  title "K"
  version 1.0.0
  status draft

levels low < mid < high

fact age : number between 0 and 130
fact weight_loss : mass in [lb_av]
  means "unexplained weight loss"
fact fever : bool
fact temp : temperature in Cel
fact kind : one of a_b, c, d
fact notes : text

define hot = fever or temp >= 38 Cel

flag f high
  title "F"
  when fever

topic t "T"
  when urgency >= mid
)rf";

// The flag condition [condition] of kKb, read aloud.
std::string reads(const std::string& condition) {
  std::string source = kKb;
  source.replace(source.find("when fever"), 10, "when " + condition);
  const auto result = redflag::check_sources({{"k.rf", source}});
  INFO(redflag::render_text(result.diagnostics, result.files));
  REQUIRE_FALSE(result.has_errors());
  return redflag::plain_condition(result.kb, *result.kb.flags[0].condition);
}

}  // namespace

TEST_CASE("conditions read in plain language") {
  CHECK(reads("weight_loss >= 10 lb") == "weight loss (unexplained weight loss) of 10 lb or more");
  CHECK(reads("weight_loss > 4.5 kg") == "weight loss (unexplained weight loss) more than 4.5 kg");
  CHECK(reads("weight_loss <= 10") == "weight loss (unexplained weight loss) of 10 lb or less");
  CHECK(reads("50 < age") == "age more than 50");
  CHECK(reads("age < 50 and temp > 100.4 degF") == "age less than 50 and temp more than 100.4 °F");
  CHECK(reads("not fever") == "not fever");
  CHECK(reads("fever = false") == "not fever");
  CHECK(reads("fever != false") == "fever");
  CHECK(reads("not (fever or hot)") == "not (fever or “hot”)");
  CHECK(reads("kind = c or kind != d") == "kind is c or kind is not d");
  CHECK(reads("kind in {a_b, c}") == "kind is one of a b or c");
  CHECK(reads("kind not in {a_b, c, d}") == "kind is none of a b, c or d");
  CHECK(reads("kind not in {c}") == "kind is not c");
  CHECK(reads("age between 18 and 65") == "age between 18 and 65");
  CHECK(reads("known(notes)") == "notes is known");
  CHECK(reads("at least 2 of (fever, hot, age > 50)") ==
        "at least 2 of: fever; “hot”; age more than 50");
  CHECK(reads("fever and (hot or age > 50) and at least 1 of (fever)") ==
        "fever and (“hot” or age more than 50) and (at least 1 of: fever)");
}

TEST_CASE("handbook formats") {
  const auto result = redflag::check_sources({{"k.rf", kKb}});
  REQUIRE_FALSE(result.has_errors());
  const std::string markdown = redflag::render_handbook(result.kb, redflag::HandbookFormat::Markdown);
  CHECK(markdown.find("```mermaid\nflowchart LR\n") != std::string::npos);
  CHECK(markdown.find("  fact0 --> flag0\n  flag0 --> level0\n") != std::string::npos);
  CHECK(markdown.find("- **Also shown when:** the case urgency is mid or higher\n") != std::string::npos);

  const std::string html = redflag::render_handbook(result.kb, redflag::HandbookFormat::Html);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
  for (const char* external : {"<script", "<link", "src=", "@import", "url("}) {
    INFO(external);
    CHECK(html.find(external) == std::string::npos);
  }
}
