// Table tests for the grammar rules: {input, matches?, remaining}, plus the PEGTL analyzer.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/grammar.hpp"

namespace pegtl = tao::pegtl;
namespace g = redflag::grammar;

namespace {

struct Row {
  std::string input;
  bool matches;
  std::string remaining;  // what is left after a match (ignored when it does not match)
};

// Runs [Rule] on every row; a raised parse error counts as "does not match".
template <typename Rule>
void check_rows(const std::vector<Row>& rows) {
  for (const auto& row : rows) {
    INFO("input: " << row.input);
    pegtl::memory_input in(row.input, "row");
    bool matched = false;
    try {
      matched = pegtl::parse<Rule>(in);
    } catch (const pegtl::parse_error&) {
      matched = false;
    }
    CHECK(matched == row.matches);
    if (matched && row.matches) CHECK(std::string(in.current(), in.end()) == row.remaining);
  }
}

}  // namespace

TEST_CASE("the grammar has no infinite loops or left recursion") {
  CHECK(pegtl::analyze<g::file>() == 0);
  CHECK(pegtl::analyze<g::recovering_file>() == 0);
}

TEST_CASE("names exclude keywords and stop at other characters") {
  check_rows<g::name>({
      {"weight_loss", true, ""},
      {"_x1 rest", true, " rest"},
      {"1abc", false, ""},
      {"when", false, ""},
      {"whenever", true, ""},
      {"in", false, ""},
      {"inches", true, ""},
      {"a-b", true, "-b"},
      {"", false, ""},
      // Contextual keywords are names too; declaration keywords are not.
      {"temperature", true, ""},
      {"time < 2 h", true, " < 2 h"},
      {"status", true, ""},
      {"statuses", true, ""},
      {"test", false, ""},
      {"source", false, ""},
  });
}

TEST_CASE("recovery resumes only at a declaration keyword that starts a line") {
  check_rows<g::skip_declaration>({
      {"flag test high title \"x\"\nfact a : bool\n", true, "fact a : bool\n"},
      {"fakt x : bool   fact y : bool", true, ""},
  });
}

TEST_CASE("separators include comments and CRLF") {
  check_rows<g::sep>({
      {"  # note\r\n\t x", true, "x"},
      {"#only", true, ""},
      {"x", true, "x"},
  });
}

TEST_CASE("numbers and quantities") {
  check_rows<g::quantity>({
      {"10", true, ""},
      {"-3.5 kg", true, ""},
      {"10lb", true, ""},
      {"10 [lb_av] x", true, " x"},
      {"5 and", true, " and"},
      {"5 in", true, ""},
      {"5 in {a}", true, " in {a}"},
      {"+1", false, ""},
      {"1.", true, "."},
      {".5", false, ""},
      {"12e9", true, ""},
      {"1.8e2 kg", true, ""},
      {"5E-3", true, ""},
      {"-2.5e+3 lb", true, ""},
      {"10 eq", true, ""},
      {"10eq x", true, " x"},
      {"10e", true, ""},
      {"10e+ x", true, "+ x"},
      {"1e-", true, "-"},
  });
  // The exponent alone: digits after `e` and its optional sign, or no exponent at all.
  check_rows<g::number>({
      {"10eq", true, "eq"},
      {"10e+", true, "e+"},
      {"1.5E07", true, ""},
  });
}

TEST_CASE("units are UCUM code tokens that stop where a condition goes on") {
  check_rows<g::quantity>({
      {"100 mm[Hg]", true, ""},
      {"22 /min)", true, ")"},
      {"92 %, x", true, ", x"},
      {"70 mg/dL and y", true, " and y"},
      {"2 mmol/L or y", true, " or y"},
      {"6 10*9/L}", true, "}"},
      {"60 mL/min/{1.73_m2} x", true, " x"},
      {"3 m-2.s+1", true, ""},
      {"38 \xC2\xB0" "C", true, ""},
      {"5 [m/s2/Hz^(1/2)]", true, ""},
      {"1 {beats}/min", true, ""},
      {"5 at", true, " at"},
      {"5 -3", true, " -3"},
      {"1 5", true, " 5"},
      {"1 2.5 x", true, " 2.5 x"},
      {"5 mg/(kg.d)", false, ""},
      {"5 mm[Hg", false, ""},
      {"5 {beats/min", false, ""},
      {"5 mg / dL", true, " / dL"},
  });
  check_rows<g::fact_type>({
      {"quantity in mm[Hg]", true, ""},
      {"quantity in mL/min/{1.73_m2} between 0 mL/min/{1.73_m2} and 200 mL/min/{1.73_m2}", true, ""},
      {"mass in [lb_av]", true, ""},
  });
}

TEST_CASE("strings, escapes and text blocks") {
  check_rows<g::text_value>({
      {R"("a \"b\" \\ \n \t" x)", true, " x"},
      {R"("")", true, ""},
      {"\"\"\"\n  body\n  \"\"\" x", true, " x"},
      {"\"unterminated\nx\"", false, ""},
      {R"("bad \q")", false, ""},
      {"\"\"\" never closed", false, ""},
  });
}

TEST_CASE("versions and dates") {
  check_rows<g::version_number>({
      {"1.2.0", true, ""},
      {"2.0.0-rc.1 x", true, " x"},
      {"1.2", false, ""},
  });
  check_rows<g::date>({
      {"2026-11-23", true, ""},
      {"2026-1-23", false, ""},
  });
}

TEST_CASE("conditions: precedence forms, sets, ranges and at least") {
  check_rows<g::expr>({
      {"a", true, ""},
      {"a and not b or c", true, ""},
      {"not not a", true, ""},
      {"(a or b) and c", true, ""},
      {"weight_loss >= 10 lb", true, ""},
      {"x != false", true, ""},
      {"t <= 5 wk and u > 3", true, ""},
      {"c in {a, b}", true, ""},
      {"c not in {a}", true, ""},
      {"age between 10 and 20 and b", true, ""},
      {"known(x) or unknown", true, ""},
      {"at least 2 of (a, b, c > 1)", true, ""},
      {"urgency >= high", true, ""},
      {"a b", true, " b"},
      {"a and", false, ""},
      {"(a", false, ""},
      {"c in a", false, ""},
      {"at least of (a)", false, ""},
      {"known x", false, ""},
  });
}

TEST_CASE("nesting is limited to kMaxNesting levels") {
  const auto nested = [](std::size_t depth) {
    return std::string(depth, '(') + "a" + std::string(depth, ')');
  };
  check_rows<g::expr>({
      {nested(g::kMaxNesting), true, ""},
      {nested(g::kMaxNesting + 1), false, ""},
      {nested(100000), false, ""},
  });
  std::string nots;
  for (std::size_t i = 0; i < 100000; ++i) nots += "not ";
  check_rows<g::expr>({{nots + "a", false, ""}});
}

TEST_CASE("declarations") {
  check_rows<g::declaration>({
      {"kb demo title \"T\" version 1.0.0 status draft", true, ""},
      {"kb demo version 1.0 status draft", false, ""},
      {"source seed \"Title\" url \"https://x\"", true, ""},
      {"levels low < high", true, ""},
      {"levels low < ", false, ""},
      {"fact f : bool ask \"?\" means \"m\"", true, ""},
      {"fact w : mass in [lb_av] between 0 lb and 500 lb", true, ""},
      {"fact h : length in in", true, ""},
      {"fact c : one of a, b, c", true, ""},
      {"fact n : number between 0 and 130", true, ""},
      {"fact t : text", true, ""},
      {"fact x bool", false, ""},
      {"fact x : colour", false, ""},
      {"define d = a or b", true, ""},
      {"define d = ", false, ""},
      {"flag f high title \"T\" when a cite s \"sec\" advise \"x\" see t1, t2", true, ""},
      {"flag f high tilte \"T\"", false, ""},
      {"topic t \"T\" when urgency >= high cite s \"\"\"\n body\n\"\"\"", true, ""},
      {"test \"t\" given a = 1 kg, b = true, c = unknown, d = lung expect urgency low", true, ""},
      {"test \"t\" expect status complete expect no flags expect not fired a, b", true, ""},
      {"test \"t\" expect flags a expect fired b expect undetermined c", true, ""},
      {"test \"t\" expect maybe", false, ""},
      {"flag", false, ""},
  });
}

TEST_CASE("fhir clauses: bindings after a fact's type, `fhir` reserved so a range ends before it") {
  check_rows<g::fact_decl>({
      {"fact s : quantity in mm[Hg] fhir observation \"http://loinc.org|8480-6\" latest", true, ""},
      {"fact s : quantity in mm[Hg] fhir observation \"l|85354-9\" component \"l|8480-6\" latest within 24 h", true, ""},
      {"fact a : number between 0 and 130 fhir patient age", true, ""},
      {"fact f : bool fhir condition \"s|1\" current within 14 d fhir item \"q.f\"", true, ""},
      {"fact c : one of a, b fhir condition \"s|1\" as a", true, ""},
      {"fact s : quantity in mm[Hg] fhir observation \"l|1\"", false, ""},        // `latest` is required
      {"fact s : quantity in mm[Hg] fhir observation \"l|1\" latest within", false, ""},
      {"fact a : number fhir patient", false, ""},
      {"fact a : number fhir encounter", false, ""},
      {"fact f : bool fhir item", false, ""},
  });
  check_rows<g::levels_decl>({
      {"levels low < high indicator high critical indicator low info", true, ""},
      {"levels low < high indicator high", false, ""},
      {"levels low < high indicator high urgent", false, ""},
  });
  // The words after `fhir` are not reserved: they stay names elsewhere.
  check_rows<g::name>({{"observation", true, ""}, {"latest", true, ""}, {"fhir", false, ""}});
}

TEST_CASE("files: BOM, comments, several declarations, recovery") {
  check_rows<g::file>({
      {"\xEF\xBB\xBF# c\nlevels a < b\nfact x : bool\n", true, ""},
      {"", true, ""},
      {"fakt x : bool", false, ""},
  });
  check_rows<g::recovering_file>({
      {"fakt x : bool\nfact y : bool\nflag f a tilte \"x\"\nlevels a\n", true, ""},
      {"flag f a title \"unterminated\nlevels a", true, ""},
  });
}

TEST_CASE("the reserved words of docs/language.md are exactly the grammar's keywords") {
  std::ifstream doc(std::string(REDFLAG_DOCS_DIR) + "/language.md");
  std::ostringstream text;
  text << doc.rdbuf();
  const std::string markdown = text.str();
  const auto start = markdown.find("Reserved keywords: `") + 20;
  std::istringstream words(markdown.substr(start, markdown.find('`', start) - start));
  std::size_t count = 0;
  for (std::string word; words >> word; ++count) {
    INFO(word);
    pegtl::memory_input in(word, "doc");
    CHECK(pegtl::parse<pegtl::seq<g::keyword, pegtl::eof>>(in));
  }
  // One entry per keyword in the grammar's table.
  CHECK(count == std::size(g::kKeywords));
}
