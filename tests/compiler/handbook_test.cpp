// The handbook's plain-language conditions, one phrase per construct, KB prose split into
// paragraphs and lists, and the two formats' promises: Mermaid in Markdown (labels escaped);
// one self-contained HTML file (no script, nothing fetched).
#include <catch2/catch.hpp>

#include "compiler/diagnostics/diagnostic_render.hpp"
#include "compiler/frontend.hpp"
#include "compiler/doc/handbook.hpp"
#include "compiler/doc/prose_blocks.hpp"

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

namespace {

// [text]'s blocks, one line each: "p: text", "ul: a | b", "ol3: a | b" (a list starting at 3).
std::vector<std::string> blocks(const std::string& text) {
  using Kind = redflag::internal::ProseBlock::Kind;
  std::vector<std::string> shown;
  for (const auto& block : redflag::internal::prose_blocks(text)) {
    std::string line = block.kind == Kind::Paragraph ? "p" : block.kind == Kind::Bullets ? "ul" : "ol";
    if (block.kind == Kind::Numbered && block.start != 1) line += std::to_string(block.start);
    line += ": ";
    for (std::size_t i = 0; i < block.items.size(); ++i) line += (i ? " | " : "") + block.items[i];
    shown.push_back(line);
  }
  return shown;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("prose splits into paragraphs and lists as typed") {
  CHECK(blocks("One line\nand the next.\n\nA second paragraph.") ==
        Lines{"p: One line and the next.", "p: A second paragraph."});
  // A list may follow its lead-in line directly; a line at the marker's indentation ends it.
  CHECK(blocks("Signs:\n- pain at night,\n  even at rest;\n- fever.\nThen act.") ==
        Lines{"p: Signs:", "ul: pain at night, even at rest; | fever.", "p: Then act."});
  CHECK(blocks("* a\n• b\n- c") == Lines{"ul: a | b | c"});
  CHECK(blocks("Steps:\n1. look\n\n2) listen\n\nThen:\n\n3. act") ==
        Lines{"p: Steps:", "ol: look | listen", "p: Then:", "ol3: act"});
  // A numbered line other than 1 does not interrupt a paragraph: a wrapped year stays text.
  CHECK(blocks("Published in\n2010. Since then") == Lines{"p: Published in 2010. Since then"});
  CHECK(blocks("- a\n1. b") == Lines{"ul: a", "ol: b"});
  CHECK(blocks("- a\n\n  indented after a blank") == Lines{"ul: a", "p: indented after a blank"});
  CHECK(blocks("-5 degrees, *not* a list\n10 mg") == Lines{"p: -5 degrees, *not* a list 10 mg"});
  CHECK(blocks("\n\n").empty());
}

TEST_CASE("Mermaid labels and Markdown text cannot turn into markup") {
  std::string source = kKb;
  source.replace(source.find("title \"F\""), 9, R"(title "a \"q\" <b>b</b> & #35; `t` [x]")");
  source.replace(source.find("  when urgency >= mid\n"), 22,
                 "  when urgency >= mid\n  \"\"\"\n  + plus\n  2010. year\n  - item\n  \"\"\"\n");
  const auto result = redflag::check_sources({{"k.rf", source}});
  INFO(redflag::render_text(result.diagnostics, result.files));
  REQUIRE_FALSE(result.has_errors());
  const std::string markdown = redflag::render_handbook(result.kb, redflag::HandbookFormat::Markdown);
  CHECK(markdown.find("    flag0[\"a #quot;q#quot; #lt;b#gt;b#lt;/b#gt; #amp; #35;35; #96;t#96; [x]\"]\n") !=
        std::string::npos);
  CHECK(markdown.find("### a \"q\" \\<b\\>b\\</b\\> & \\#35; \\`t\\` \\[x\\]\n") != std::string::npos);
  CHECK(markdown.find("\\+ plus 2010. year\n\n- item\n") != std::string::npos);
  const std::string html = redflag::render_handbook(result.kb, redflag::HandbookFormat::Html);
  CHECK(html.find("<p>+ plus 2010. year</p>\n<ul>\n<li>item</li>\n</ul>\n") != std::string::npos);
}
