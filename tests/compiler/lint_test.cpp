// Lints: for each lint a source that triggers it and one that does not, suppressions, levels.
// Every source is a small clean KB (kHeader + kClean, which no lint fires on) plus the lines
// under test.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "compiler/diagnostics/diagnostic_render.hpp"
#include "compiler/lint/lint.hpp"

namespace {

using redflag::lint::LintFinding;
using redflag::lint::LintId;
using redflag::lint::LintOptions;

const std::string kHeader =
    "kb t\n  title \"T\"\n  version 1.0.0\n  status draft\n"
    "levels low < high\nsource s \"S\"\n";

// A fact, a flag with rationale and citation, and a test that makes it fire.
const std::string kClean =
    "fact age : number between 0 and 130\n"
    "flag old high\n  title \"Old patient\"\n  when age > 60\n  because \"Age.\"\n  cite s\n"
    "test \"old fires\"\n  given age = 70\n  expect flags old\n";

std::vector<LintFinding> lint(const std::string& source, LintOptions options = {}) {
  if (options.today.empty()) options.today = "2026-11-24";
  const auto frontend = redflag::check_sources({{"t.rf", source}});
  INFO(redflag::render_text(frontend.diagnostics, frontend.files));
  REQUIRE(!frontend.has_errors());
  return redflag::lint::run_lints(frontend, options);
}

// The findings of [lint] in the clean KB plus [extra], as "line: message".
std::vector<std::string> found(LintId lint_id, const std::string& extra, LintOptions options = {}) {
  std::vector<std::string> out;
  for (const auto& finding : lint(kHeader + kClean + extra, options)) {
    if (finding.lint == lint_id) out.push_back(fmt::format("{}: {}", finding.span.begin.line, finding.message));
  }
  return out;
}

// A flag `name` at [level] with rationale, citation and condition [when], fired by no test.
std::string flag(const std::string& name, const std::string& when, const std::string& level = "high") {
  return fmt::format("flag {} {}\n  title \"{} title\"\n  when {}\n  because \"{} rationale.\"\n  cite s\n",
                     name, level, name, when, name);
}

// How many findings of [lint_id] a flag with condition [when] has, in the clean KB with a bool
// fact `fever` and an enum fact `kind` (values a, b, c) added.
std::size_t on_condition(LintId lint_id, const std::string& when) {
  return found(lint_id, "fact fever : bool\nfact kind : one of a, b, c\n" + flag("f", when)).size();
}

}  // namespace

TEST_CASE("the clean KB has no findings") { CHECK(lint(kHeader + kClean).empty()); }

TEST_CASE("every lint has an id, a short description and help") {
  for (const auto& info : redflag::lint::lint_catalog()) {
    CHECK(!info.id.empty());
    CHECK(!info.short_description.empty());
    CHECK(!info.help.empty());
    CHECK(redflag::lint::find_lint(info.id) == info.lint);
  }
}

TEST_CASE("unused declarations") {
  CHECK(found(LintId::UnusedFact, "fact shoe : number\n") ==
        std::vector<std::string>{"16: fact `shoe` is never used in a condition"});
  CHECK(found(LintId::UnusedFact, "fact shoe : number\ndefine d = shoe > 40\n").empty());
  CHECK(found(LintId::UnusedDefine, "define d = age > 80\n").size() == 1);
  CHECK(found(LintId::UnusedDefine, "define d = age > 80\n" + flag("f", "d")).empty());
  CHECK(found(LintId::UnusedTopic, "topic t \"T\"\n  \"\"\"\n  Text.\n  \"\"\"\n").size() == 1);
  CHECK(found(LintId::UnusedTopic, "topic t \"T\"\n  when age > 10\n").empty());
  CHECK(found(LintId::UnusedTopic, "topic t \"T\"\n" + flag("f", "age > 80") + "  see t\n").empty());
  CHECK(found(LintId::UnusedSource, "source u \"U\"\n") ==
        std::vector<std::string>{"16: source `u` is never cited"});
  CHECK(found(LintId::UnusedSource, "source u \"U\"\ntopic t \"T\"\n  when age > 1\n  cite u\n").empty());
}

TEST_CASE("flags need a rationale and a citation") {
  const std::string bare = "flag f high\n  title \"F\"\n  when age > 80\n";
  CHECK(found(LintId::MissingRationale, bare).size() == 1);
  CHECK(found(LintId::MissingCitation, bare).size() == 1);
  CHECK(found(LintId::MissingRationale, flag("f", "age > 80")).empty());
  CHECK(found(LintId::MissingCitation, flag("f", "age > 80")).empty());
}

TEST_CASE("duplicate and near-duplicate flag text") {
  const std::string same_title = "flag f high\n  title \"Old  patient!\"\n  when age > 80\n"
                                 "  because \"Other.\"\n  cite s\n";
  CHECK(found(LintId::DuplicateText, same_title) ==
        std::vector<std::string>{"16: flag `f` has the same title as flag `old`"});
  const std::string near = "flag f high\n  title \"Elderly\"\n  when age > 80\n"
                           "  because \"Age:\"\n  cite s\n";
  CHECK(found(LintId::DuplicateText, near).size() == 1);  // rationale "age" = "Age."
  const std::string close = "flag f high\n  title \"Old patients\"\n  when age > 80\n"
                            "  because \"Different.\"\n  cite s\n";
  CHECK(found(LintId::DuplicateText, close) ==
        std::vector<std::string>{"16: flag `f` has nearly the same (91% alike) title as flag `old`"});
  CHECK(found(LintId::DuplicateText, flag("f", "age > 80")).empty());
}

TEST_CASE("duplicate-text names the first earlier flag alike, by words or by edits") {
  const auto titled = [](const std::string& name, const std::string& title) {
    return fmt::format("flag {} high\n  title \"{}\"\n  when age > 80\n  because \"Why {}.\"\n  cite s\n",
                       name, title, name);
  };
  CHECK(found(LintId::DuplicateText, titled("f1", "Back pain at night") + titled("f2", "Night pain") +
                                         titled("f3", "BACK PAIN, at night!") +
                                         titled("f4", "Back pain at nigh") +
                                         titled("f5", "pain pain night night")) ==
        std::vector<std::string>{
            "26: flag `f3` has the same title as flag `f1`",
            "31: flag `f4` has nearly the same (94% alike) title as flag `f1`",
            // The same words, however often and in whatever order: far apart in length.
            "36: flag `f5` has the same title as flag `f2`"});
}

TEST_CASE("unsatisfiable conditions, three-valued") {
  const auto never = [](const std::string& when) {
    return on_condition(LintId::UnsatisfiableCondition, when);
  };
  CHECK(never("age > 60 and age < 40") == 1);
  CHECK(never("age > 60 and age < 61") == 0);  // 60.5
  CHECK(never("age >= 60 and age <= 60") == 0);
  CHECK(never("age > 60 and age <= 60") == 1);
  CHECK(never("age between 70 and 80 and not (age > 65)") == 1);
  CHECK(never("not known(fever) and fever") == 1);  // unknown fever makes it unknown at best
  CHECK(never("not known(fever) and not fever") == 1);
  CHECK(never("not known(fever)") == 0);
  CHECK(never("kind = a and kind in {b, c}") == 1);
  CHECK(never("kind not in {a, b} and kind != c") == 1);
  CHECK(never("kind not in {a, b} and kind != b") == 0);
  CHECK(never("at least 2 of (fever, age > 60 and age < 40, false)") == 1);
  CHECK(never("at least 2 of (fever, age > 60, false)") == 0);
  CHECK(never("fever = true and fever = false") == 1);
  CHECK(never("false") == 1);
  // The condition is quoted whole, parentheses balanced.
  CHECK(found(LintId::UnsatisfiableCondition, flag("f", "(age > 60 and age < 40) or false")) ==
        std::vector<std::string>{
            "18: flag `f` can never fire: no case makes `(age > 60 and age < 40) or false` true"});
  // A topic's `urgency` is at most the highest level.
  CHECK(found(LintId::UnsatisfiableCondition, "topic t \"T\"\n  when urgency > high\n").size() == 1);
  CHECK(found(LintId::UnsatisfiableCondition, "topic t \"T\"\n  when urgency >= high\n").empty());
}

TEST_CASE("tautological conditions: true in every case with its facts known") {
  const auto always = [](const std::string& when) {
    return on_condition(LintId::TautologicalCondition, when);
  };
  CHECK(always("fever or not fever") == 1);
  CHECK(always("age < 40 or age >= 40") == 1);
  CHECK(always("kind in {a, b} or kind = c") == 1);
  CHECK(always("kind = a or kind = b") == 0);
  CHECK(always("known(fever)") == 1);
  CHECK(always("age < 40 or age > 40") == 0);
  CHECK(always("fever or age > 3") == 0);
  CHECK(always("kind = a") == 0);
  // A literal `true` says "always" on purpose.
  CHECK(found(LintId::TautologicalCondition, "topic t \"T\"\n  when true\n").empty());
  CHECK(found(LintId::TautologicalCondition, "topic t \"T\"\n  when urgency >= low\n").size() == 1);
}

TEST_CASE("a flag whose condition is the literal `true` fires for every patient") {
  CHECK(found(LintId::FlagAlwaysFires, flag("f", "true")) ==
        std::vector<std::string>{"18: flag `f` fires for every patient: its condition is `true`"});
  CHECK(found(LintId::FlagAlwaysFires, flag("f", "(true)")).size() == 1);
  // It makes no other flag redundant: that is its own finding.
  CHECK(found(LintId::RedundantFlag, flag("f", "true", "high")).empty());
  CHECK(on_condition(LintId::FlagAlwaysFires, "fever or true") == 0);  // tautological-condition's
  CHECK(on_condition(LintId::FlagAlwaysFires, "false") == 0);
  // A topic shown in every evaluation says `when true` on purpose.
  CHECK(found(LintId::FlagAlwaysFires, "topic t \"T\"\n  when true\n").empty());
}

TEST_CASE("`and` inside `or` without parentheses") {
  const auto mixed = [](const std::string& when) { return on_condition(LintId::MixedAndOr, when); };
  CHECK(mixed("fever and age > 60 or kind = a") == 1);
  CHECK(mixed("kind = a or fever and age > 60") == 1);
  CHECK(mixed("fever and age > 60 or kind = a and age < 3") == 1);  // one finding per `or`
  CHECK(mixed("(fever and age > 60) or kind = a") == 0);
  CHECK(mixed("fever and (age > 60 or kind = a)") == 0);
  CHECK(mixed("not fever and age > 60 or kind = a") == 1);
  CHECK(mixed("fever or kind = a or age > 60") == 0);
  CHECK(mixed("fever and kind = a and age > 60") == 0);
  CHECK(mixed("at least 1 of (fever and age > 60 or kind = a, fever)") == 1);
  CHECK(mixed("at least 1 of (fever and age > 60, kind = a)") == 0);
  // `(a and b) and c` is one `and` of three: its parentheses hold only part of it.
  CHECK(mixed("(fever and age > 60) and kind = a or kind = b") == 1);
  CHECK(mixed("((fever and age > 60) and kind = a) or kind = b") == 0);
  // Each `or` is checked, nested ones too.
  CHECK(mixed("fever and (kind = a or kind = b and age > 3) or age > 90") == 2);
  CHECK(found(LintId::MixedAndOr, "fact fever : bool\nfact kind : one of a, b, c\n" +
                                      flag("f", "fever and age > 60 or kind = a")) ==
        std::vector<std::string>{
            "20: `and` mixed with `or` without parentheses reads as `(fever and age > 60) or "
            "kind = a`: `and` binds tighter"});
  // Defines and topics too.
  CHECK(found(LintId::MixedAndOr, "define d = age > 1 and age < 5 or age > 90\nflag g high\n"
                                  "  title \"G\"\n  when d\n  because \"G.\"\n  cite s\n")
            .size() == 1);
  CHECK(found(LintId::MixedAndOr, "topic t \"T\"\n  when age > 1 and age < 5 or age > 90\n").size() == 1);
}

TEST_CASE("the mixed-and-or fix writes the parentheses the parser used") {
  // The fixed source as a string, and what linting it again finds.
  const auto fixed = [](const std::string& when) {
    const std::string source = kHeader + kClean + "fact fever : bool\nfact kind : one of a, b, c\n" + flag("f", when);
    const auto frontend = redflag::check_sources({{"t.rf", source}});
    REQUIRE(!frontend.has_errors());
    const auto findings = redflag::lint::run_lints(frontend, {"2026-11-24", false, {}});
    std::vector<const redflag::Fix*> fixes;
    for (const auto& finding : findings) {
      if (finding.lint != LintId::MixedAndOr) continue;
      REQUIRE(finding.fixes.size() == 1);
      CHECK(finding.fixes[0].description == "add missing parentheses");
      fixes.push_back(&finding.fixes[0]);
    }
    const std::string after = redflag::apply_fixes(source, 0, fixes);
    const auto begin = after.rfind("  when ") + 7;
    const std::string condition = after.substr(begin, after.find("\n  because", begin) - begin);
    CHECK(found(LintId::MixedAndOr, after.substr((kHeader + kClean).size())).empty());
    return condition;
  };
  CHECK(fixed("fever and age > 60 or kind = a") == "(fever and age > 60) or kind = a");
  CHECK(fixed("kind = a or not fever and age > 60") == "kind = a or (not fever and age > 60)");
  CHECK(fixed("fever and age > 60 or kind = a and (age < 3)") ==
        "(fever and age > 60) or (kind = a and (age < 3))");
  // A group that opens with parentheses keeps them inside the new pair.
  CHECK(fixed("(fever or kind = b) and age > 6 or kind = a") == "((fever or kind = b) and age > 6) or kind = a");
  // Across lines: the `)` goes where the group ends, after its comment.
  CHECK(fixed("fever and\n       age > 60  # old\n    or kind = a") ==
        "(fever and\n       age > 60)  # old\n    or kind = a");
  CHECK(fixed("fever and age > 60 or kind = b and (fever or kind = a)") ==
        "(fever and age > 60) or (kind = b and (fever or kind = a))");
  CHECK(fixed("fever and (kind = a or kind = b and age > 3) or age > 90") ==
        "(fever and (kind = a or (kind = b and age > 3))) or age > 90");
}

TEST_CASE("a `see` that names the same topic twice") {
  const std::string topics = "topic a \"A\"\n  when age > 5\ntopic b \"B\"\n  when age > 5\n";
  const auto see = [&](const std::string& list) {
    return found(LintId::DuplicateSee, topics + flag("f", "age > 3") + "  see " + list + "\n");
  };
  CHECK(see("a, b, a") == std::vector<std::string>{"25: flag `f` names topic `a` twice in `see`"});
  CHECK(see("a, b").empty());
  CHECK(see("a, a, a").size() == 2);
  const std::string source = kHeader + kClean + topics + flag("f", "age > 3") + "  see a, b,\n    a, b , b\n";
  const auto findings = lint(source);
  std::vector<const redflag::Fix*> fixes;
  for (const auto& finding : findings) {
    if (finding.lint == LintId::DuplicateSee) {
      for (const auto& fix : finding.fixes) fixes.push_back(&fix);
    }
  }
  // The `a` that starts a line has no fix; the two `b` after it on that line have.
  REQUIRE(fixes.size() == 2);
  CHECK(fixes[0]->description == "delete the repeated `b`");
  const std::string after = redflag::apply_fixes(source, 0, fixes);
  CHECK(after.substr(after.find("  see ")) == "  see a, b,\n    a\n");
}

TEST_CASE("a flag implied by a flag at least as urgent is redundant") {
  const std::string facts = "fact fever : bool\n";
  CHECK(found(LintId::RedundantFlag, facts + flag("older", "age > 70")) ==
        std::vector<std::string>{"17: flag `older` never fires without flag `old` (high) firing too"});
  CHECK(found(LintId::RedundantFlag, facts + flag("older", "age > 70", "low")).size() == 1);
  // `old` is high: it adds urgency over a low flag it implies.
  CHECK(found(LintId::RedundantFlag, facts + flag("any", "age > 50", "low")).empty());
  // Unknown matters: with age unknown and fever true, `f` fires and `old` is undetermined.
  CHECK(found(LintId::RedundantFlag, facts + flag("f", "fever or age > 65")).empty());
  CHECK(found(LintId::RedundantFlag, facts + flag("f", "fever and age > 65")).size() == 1);
  // Two flags of the same urgency that imply each other: only the later one.
  CHECK(found(LintId::RedundantFlag, facts + flag("again", "age > 60")).size() == 1);
  CHECK(found(LintId::RedundantFlag, facts + flag("f", "fever")).empty());
}

TEST_CASE("redundant-flag names the first implied flag, whatever shape the conditions take") {
  const std::string facts =
      "fact fever : bool\nfact kind : one of a, b, c\nfact temp : number between 30 and 45\n";
  const auto redundant = [&](const std::string& flags) {
    std::vector<std::string> messages;
    for (const auto& finding : found(LintId::RedundantFlag, facts + flags)) {
      messages.push_back(finding.substr(finding.find(": ") + 2));
    }
    return messages;
  };
  // Each way of making `f` true (fever; temp over 39) makes `g` true too, not the other way.
  CHECK(redundant(flag("f", "fever or temp > 39") + flag("g", "temp > 38 or fever")) ==
        std::vector<std::string>{"flag `f` never fires without flag `g` (high) firing too"});
  CHECK(redundant(flag("f", "fever or temp > 39") + flag("g", "temp > 40 or fever")) ==
        std::vector<std::string>{"flag `g` never fires without flag `f` (high) firing too"});
  // A flag true with nothing known, implied by one that reads other facts.
  CHECK(redundant(flag("f", "fever and not known(kind)") + flag("g", "not known(kind)")) ==
        std::vector<std::string>{"flag `f` never fires without flag `g` (high) firing too"});
  // Through defines, and the first implied flag in declaration order.
  CHECK(redundant("define hot = fever and kind in {a, b}\n" + flag("f", "hot and age > 80") +
                  flag("g", "kind != c and fever") + flag("h", "fever")) ==
        std::vector<std::string>{"flag `f` never fires without flag `old` (high) firing too",
                                 "flag `g` never fires without flag `h` (high) firing too"});
  CHECK(redundant(flag("f", "at least 2 of (fever, kind = a, age > 70)") +
                  flag("g", "at least 1 of (fever, kind = a, age > 70)")) ==
        std::vector<std::string>{"flag `f` never fires without flag `g` (high) firing too"});
}

TEST_CASE("comparisons made constant by the declared range") {
  CHECK(found(LintId::RangeEdgeComparison, flag("f", "age >= 0 and age < 20")) ==
        std::vector<std::string>{"18: `age >= 0` is always true for the declared range of `age` (0 to 130)"});
  CHECK(found(LintId::RangeEdgeComparison, flag("f", "age > 130")).size() == 1);
  CHECK(found(LintId::RangeEdgeComparison, flag("f", "age between 0 and 130")).size() == 1);
  CHECK(found(LintId::RangeEdgeComparison, flag("f", "age >= 1 and age < 130")).empty());
  CHECK(found(LintId::RangeEdgeComparison, "fact n : number\n" + flag("f", "n >= 0")).empty());
}

TEST_CASE("a quantity compared with or given a bare number") {
  const std::string weight = "fact weight : mass in kg\n";
  CHECK(found(LintId::QuantityWithoutUnit, weight + flag("f", "weight >= 10")) ==
        std::vector<std::string>{
            "19: quantity fact `weight` is compared with the bare number `10`; write its unit, "
            "as in `10 kg`"});
  CHECK(found(LintId::QuantityWithoutUnit, weight + flag("f", "weight >= 10 lb")).empty());
  CHECK(found(LintId::QuantityWithoutUnit,
              weight + flag("f", "weight >= 10 lb") + "test \"w\"\n  given weight = 3\n  expect no flags\n")
            .size() == 1);
}

TEST_CASE("a quantity compared with a value below absolute zero or negative") {
  const std::string facts =
      "fact temp : temperature in Cel\nfact loss : mass in kg\nfact sbp : quantity in mm[Hg]\n"
      "fact ph : quantity in [pH]\nfact change : mass in kg between -50 kg and 50 kg\n";
  const auto below = [&](const std::string& when) {
    return found(LintId::BelowAbsoluteZero, facts + flag("f", when));
  };
  CHECK(below("temp < -300 Cel") ==
        std::vector<std::string>{
            "23: `temp < -300 Cel` compares with -26.85 K, below absolute zero: `temp` can never "
            "be below 0 K, and case values below it are refused"});
  CHECK(below("temp > -500 [degF]").size() == 1);
  CHECK(below("temp between -300 Cel and 40 Cel").size() == 1);
  CHECK(below("loss > -2 kg") ==
        std::vector<std::string>{
            "23: `loss > -2 kg` compares with a negative value, but `loss` can never be negative: "
            "case values below 0 are refused"});
  CHECK(below("sbp < -1 mm[Hg]").size() == 1);
  // Not reported: possible temperatures (absolute zero itself), zero and positive values, a
  // logarithmic unit, a declared range that allows negative values, a number fact.
  CHECK(below("temp < -273.15 Cel or temp > -459.67 [degF] or temp < 0 K").empty());
  CHECK(below("temp < -30 [degF] or loss > 0 kg or loss >= -0 kg or sbp < 90 mm[Hg]").empty());
  CHECK(below("ph < -1 [pH] or change < -2 kg").empty());
  CHECK(found(LintId::BelowAbsoluteZero, "fact n : number\n" + flag("f", "n > -1")).empty());
}

TEST_CASE("an active KB past or without its next review") {
  const auto review = [](const std::string& header_lines) {
    const std::string header = "kb t\n  title \"T\"\n  version 1.0.0\n" + header_lines +
                               "levels low < high\nsource s \"S\"\n";
    std::size_t n = 0;
    for (const auto& finding : lint(header + kClean)) n += finding.lint == LintId::ReviewOverdue;
    return n;
  };
  CHECK(review("  status active\n  next_review 2026-11-23\n") == 1);
  CHECK(review("  status active\n") == 1);
  CHECK(review("  status active\n  next_review 2026-11-24\n") == 0);  // due today, not past
  CHECK(review("  status draft\n  next_review 2020-01-01\n") == 0);
  CHECK(review("  status retired\n") == 0);
}

TEST_CASE("a draft KB is an error only in a build for release") {
  LintOptions release;
  release.release = true;
  const auto findings = found(LintId::DraftInRelease, "", release);
  CHECK(findings == std::vector<std::string>{"4: KB `t` has `status draft` in a build for release"});
  CHECK(found(LintId::DraftInRelease, "").empty());
}

TEST_CASE("flags no test fires, and tests that assert nothing") {
  CHECK(found(LintId::UntestedFlag, flag("f", "age > 80")) ==
        std::vector<std::string>{"16: no test makes flag `f` fire"});
  CHECK(found(LintId::UntestedFlag, flag("f", "age > 80") +
                                        "test \"f\"\n  given age = 90\n  expect fired f\n")
            .empty());
  CHECK(found(LintId::TestWithoutExpectations, "test \"x\"\n  given age = 1\n").size() == 1);
  CHECK(found(LintId::TestWithoutExpectations, "test \"x\"\n  given age = 1\n  expect no flags\n").empty());
}

TEST_CASE("suppressions on the line before or at the end of the line") {
  CHECK(found(LintId::UnusedFact, "# redflag: allow(unused-fact) kept for case files\nfact shoe : number\n").empty());
  CHECK(found(LintId::UnusedFact, "fact shoe : number  # redflag: allow(unused-fact)\n").empty());
  CHECK(found(LintId::UnusedFact, "#redflag:allow(unused-define, unused-fact)\n# why\nfact shoe : number\n").empty());
  // Before a declaration, it covers findings anywhere in it.
  CHECK(found(LintId::RangeEdgeComparison,
              "# redflag: allow(range-edge-comparison)\n" + flag("f", "age >= 0 and age < 9"))
            .empty());
  // A blank line ends it: it suppresses nothing, and says so.
  const std::string gap = "# redflag: allow(unused-fact)\n\nfact shoe : number\n";
  CHECK(found(LintId::UnusedFact, gap).size() == 1);
  CHECK(found(LintId::UnusedSuppression, gap) ==
        std::vector<std::string>{"16: `allow(unused-fact)` suppresses nothing on line 17"});
}

TEST_CASE("suppressions that suppress nothing") {
  CHECK(found(LintId::UnusedSuppression, "fact x : bool  # redflag: allow(unused-facts)\n") ==
        std::vector<std::string>{"16: unknown lint `unused-facts` in suppression; did you mean `unused-fact`?"});
  CHECK(found(LintId::UnusedSuppression, "# redflag: allow unused-fact\nfact x : bool\n") ==
        std::vector<std::string>{"16: malformed suppression; write `# redflag: allow(lint-id, ...)`"});
  CHECK(found(LintId::UnusedSuppression, "# redflag: allow()\nfact x : bool\n").size() == 1);
  CHECK(found(LintId::UnusedSuppression, "# an ordinary comment about redflag: allow(x)\n").empty());
  // A suppression of a lint that is off still counts as used.
  LintOptions off;
  for (const auto& info : redflag::lint::lint_catalog()) off.levels.push_back(info.default_level);
  off.levels[static_cast<std::size_t>(LintId::UnusedFact)] = redflag::lint::LintLevel::Off;
  CHECK(found(LintId::UnusedSuppression, "fact x : number  # redflag: allow(unused-fact)\n", off).empty());
  CHECK(found(LintId::UnusedFact, "fact x : number\n", off).empty());
}

TEST_CASE("levels set each finding's severity") {
  LintOptions options;
  for (const auto& info : redflag::lint::lint_catalog()) options.levels.push_back(info.default_level);
  options.levels[static_cast<std::size_t>(LintId::UnusedFact)] = redflag::lint::LintLevel::Error;
  const auto findings = lint(kHeader + kClean + "fact x : number\nflag f high\n  title \"F\"\n  when age < 10\n", options);
  REQUIRE(findings.size() == 4);  // unused-fact, missing-rationale, missing-citation, untested-flag
  CHECK(findings[0].lint == LintId::UnusedFact);
  CHECK(findings[0].severity == redflag::Severity::Error);
  CHECK(findings[1].severity == redflag::Severity::Warning);
}

TEST_CASE("docs/lints.md has a section per lint with its default level") {
  std::ifstream file(std::string(REDFLAG_DOCS_DIR) + "/lints.md");
  std::ostringstream text;
  text << file.rdbuf();
  const std::string docs = text.str();
  REQUIRE(!docs.empty());
  for (const auto& info : redflag::lint::lint_catalog()) {
    const auto section = fmt::format("## `{}`\nDefault: **{}**", info.id,
                                     redflag::lint::level_name(info.default_level));
    INFO(section);
    CHECK(docs.find(section) != std::string::npos);
  }
}
