// Rendering: the exact text and JSON shapes every verb prints, and `explain`'s source.
#include <catch2/catch.hpp>

#include "compiler/diagnostics/diagnostic_docs.hpp"
#include "compiler/diagnostics/diagnostic_render.hpp"
#include "compiler/frontend.hpp"
#include "runtime/suggest.hpp"

namespace {

const std::string kSource =
    "kb t title \"T\" version 1.0.0 status draft\nlevels low < high\n"
    "fact w : mass in kg\nflag f high\n  title \"T\"\n  when w >= 10 lbz\n";

}  // namespace

TEST_CASE("text diagnostics show location, code, source line, carets and help") {
  const auto result = redflag::check_sources({{"kb/x.rf", kSource}});
  CHECK(redflag::render_text(result.diagnostics, result.files) ==
        "kb/x.rf:6:16: error[E040]: unknown unit `lbz`; did you mean `lb` or `lbs`?\n"
        "   |\n"
        " 6 |   when w >= 10 lbz\n"
        "   |                ^~~\n");
  CHECK(redflag::render_summary(result.diagnostics, result.files) ==
        "error: 1 error in kb/x.rf\n");
  CHECK(redflag::render_text(result.diagnostics, result.files, {true}).find("\x1b[1;31m") !=
        std::string::npos);
}

TEST_CASE("carets count characters, not UTF-8 bytes") {
  // `é` and `≥` are two and three bytes: the column (31) counts bytes, as docs/diagnostics.md
  // says, and the caret stands under `≥`, the 30th character.
  const auto result = redflag::check_sources(
      {{"a.rf", "kb t title \"T\" version 1.0.0 status draft\nlevels low < high\n"
                "fact r : number\nflag f high title \"é\" when r \u2265 22\n"}});
  CHECK(redflag::render_text(result.diagnostics, result.files) ==
        "a.rf:4:31: error[E091]: `\u2265` is a typographic character; write `>=`\n"
        "   |\n"
        " 4 | flag f high title \"é\" when r \u2265 22\n"
        "   |                              ^\n"
        "  fix: replace `\u2265` with `>=`\n");
}

TEST_CASE("help lines follow the caret") {
  const auto result = redflag::check_sources(
      {{"a.rf", "kb t title \"T\" version 1.0.0 status draft\nlevels low < high\n"
                "fact b : bool\ndefine d = b = unknown\n"}});
  CHECK(redflag::render_text(result.diagnostics, result.files)
            .find("\n  help: a comparison with `unknown` is always unknown; test `known(...)`\n") !=
        std::string::npos);
}

TEST_CASE("a type error says what the fact takes") {
  const auto help_of = [](const std::string& declarations_and_uses) {
    const auto result = redflag::check_sources(
        {{"a.rf", "kb t title \"T\" version 1.0.0 status draft\nlevels low < high\n" + declarations_and_uses}});
    REQUIRE(result.diagnostics.size() == 1);
    return result.diagnostics[0].help;
  };
  CHECK(help_of("fact b : bool\ndefine d = b = 1\n") ==
        std::vector<std::string>{"a bool fact is `true` or `false`: write `b` for true and `not b` for false"});
  CHECK(help_of("fact b : bool\nflag f high title \"x\" when b\ntest \"t\" given b = yes expect fired f\n") ==
        std::vector<std::string>{"a bool fact is given `true`, `false` or `unknown`"});
  CHECK(help_of("fact sbp : quantity in mm[Hg]\nfact esr : quantity in mm/h\ndefine d = sbp >= esr\n") ==
        std::vector<std::string>{"`mm[Hg]` (m-1.s-2.g) and `mm/h` (m.s-1) measure different things, so no unit "
                                 "makes them comparable"});
}

TEST_CASE("JSON diagnostics are an array of flat objects") {
  const auto result = redflag::check_sources({{"kb/x.rf", kSource}});
  CHECK(redflag::render_json(result.diagnostics, result.files) ==
        "[\n  {\"code\": \"E040\", \"severity\": \"error\", \"file\": \"kb/x.rf\", \"line\": 6, "
        "\"column\": 16, \"end_column\": 19, \"message\": \"unknown unit `lbz`; did you mean "
        "`lb` or `lbs`?\", \"help\": [], \"fixes\": [], \"related\": []}\n]\n");
  CHECK(redflag::render_json({}, {}) == "[]\n");
  const auto kb_wide = redflag::check_sources({{"e.rf", ""}});
  CHECK(redflag::render_json(kb_wide.diagnostics, kb_wide.files).find(
            "\"file\": \"\", \"line\": 0, \"column\": 0, \"end_column\": 0") != std::string::npos);
  CHECK(redflag::render_summary(kb_wide.diagnostics, kb_wide.files) ==
        "error: 2 errors in the KB\n");
}

namespace {

// A diagnostic at `==` in "when x == 3" with a fix that replaces it by `=`.
redflag::Diagnostic with_equals_fix() {
  redflag::Diagnostic diagnostic;
  diagnostic.span = {{0, 1, 8, 7}, 2};
  diagnostic.message = "`==` is not an operator";
  diagnostic.fixes.push_back({"replace `==` with `=`", {{{{0, 1, 8, 7}, 2}, "="}}});
  return diagnostic;
}

}  // namespace

TEST_CASE("fixes render as fix lines in text and as edits in JSON") {
  const std::vector<redflag::SourceFile> files{{"a.rf", "when x == 3\n"}};
  const std::vector<redflag::Diagnostic> diagnostics{with_equals_fix()};
  CHECK(redflag::render_text(diagnostics, files).find("\n  fix: replace `==` with `=`\n") != std::string::npos);
  CHECK(redflag::render_json(diagnostics, files).find(
            "\"fixes\": [{\"description\": \"replace `==` with `=`\", \"edits\": [{\"file\": \"a.rf\", "
            "\"line\": 1, \"column\": 8, \"end_column\": 10, \"replacement\": \"=\"}]}], \"related\": []}") != std::string::npos);
}

TEST_CASE("a related location renders as a note with its source line, and in JSON as related") {
  const std::vector<redflag::SourceFile> files{{"a.rf", "fact a : bool\nfact a : bool\n"}};
  redflag::Diagnostic diagnostic;
  diagnostic.kind = redflag::DiagKind::DuplicateName;
  diagnostic.span = {{0, 2, 6, 19}, 1};
  diagnostic.message = "fact `a` is declared twice; the first is at a.rf:1:6";
  diagnostic.related.push_back({{{0, 1, 6, 5}, 1}, "the first declaration is here"});
  CHECK(redflag::render_text({diagnostic}, files) ==
        "a.rf:2:6: error[E026]: fact `a` is declared twice; the first is at a.rf:1:6\n"
        "   |\n 2 | fact a : bool\n   |      ^\n"
        "  note: a.rf:1:6: the first declaration is here\n"
        "   |\n 1 | fact a : bool\n   |      ^\n");
  CHECK(redflag::render_json({diagnostic}, files).find(
            "\"related\": [{\"file\": \"a.rf\", \"line\": 1, \"column\": 6, \"end_column\": 7, "
            "\"message\": \"the first declaration is here\"}]}") != std::string::npos);
}

TEST_CASE("apply_fixes applies edits in offset order and skips overlapping ones") {
  const redflag::Diagnostic equals = with_equals_fix();
  redflag::Fix parentheses{"add parentheses", {{{{0, 1, 1, 0}, 0}, "("}, {{{0, 1, 12, 11}, 0}, ")"}}};
  redflag::Fix overlapping{"overlaps `==`", {{{{0, 1, 9, 8}, 1}, "!"}}};
  std::size_t skipped = 9;
  CHECK(redflag::apply_fixes("when x == 3", 0, {&parentheses, &equals.fixes[0], &overlapping}, &skipped) ==
        "(when x = 3)");
  CHECK(skipped == 1);
  CHECK(redflag::apply_fixes("when x == 3", 1, {&equals.fixes[0]}) == "when x == 3");
}

TEST_CASE("suggestions use edit distance with transpositions") {
  CHECK(redflag::edit_distance("lnug", "lung") == 1);
  CHECK(redflag::edit_distance("", "abc") == 3);
  CHECK(redflag::did_you_mean("fevr", {"fever", "age"}) == "; did you mean `fever`?");
  CHECK(redflag::did_you_mean("zzzz", {"fever", "age"}).empty());
}

TEST_CASE("a short closed list is named whole when no name is close") {
  CHECK(redflag::did_you_mean_or_list("hihg", {"low", "high"}, "level") == "; did you mean `high`?");
  CHECK(redflag::did_you_mean_or_list("critical", {"routine", "consult", "immediate"}, "level") ==
        "; the levels are `routine`, `consult` and `immediate`");
  CHECK(redflag::did_you_mean_or_list("critical", {"routine"}, "level") == "; the only level is `routine`");
  CHECK(redflag::did_you_mean_or_list("critical", {}, "level").empty());
}

TEST_CASE("explain finds a code's section and nothing for unknown codes") {
  const auto text = redflag::explain_code("E040");
  REQUIRE(text);
  CHECK(text->rfind("## E040: ", 0) == 0);
  CHECK_FALSE(redflag::explain_code("E999"));
  CHECK_FALSE(redflag::explain_code("E04"));
  CHECK_FALSE(redflag::explain_code(""));
}
