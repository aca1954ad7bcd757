// What each `must<>` in the grammar reports when it fails (included by compiler/syntax/parse.cpp only).
//
// `syntax_error<Rule>` gives the diagnostic kind and, for E011, the text after "expected". The
// primary template is declared but never defined, so a must-target without an entry here fails
// the build. The control class at the bottom turns a failed must into a Diagnostic.
#pragma once

#include <string_view>

#include "compiler/diagnostics/diagnostic.hpp"
#include "grammar/grammar.hpp"

namespace redflag::internal {

namespace g = redflag::grammar;

template <typename Rule>
struct syntax_error;

#define REDFLAG_SYNTAX_ERROR(rule, diag_kind, text)             \
  template <> struct syntax_error<g::rule> {                    \
    static constexpr DiagKind kind = DiagKind::diag_kind;       \
    static constexpr std::string_view expected = text;          \
  };
#define REDFLAG_EXPECTED(rule, text) REDFLAG_SYNTAX_ERROR(rule, ExpectedSyntax, text)

// clang-format off
REDFLAG_SYNTAX_ERROR(declaration, ExpectedDeclaration, "a declaration")
REDFLAG_SYNTAX_ERROR(string_rest, UnterminatedString, "the closing `\"` of the string")
REDFLAG_SYNTAX_ERROR(text_block_rest, UnterminatedTextBlock, "the closing `\"\"\"`")
REDFLAG_SYNTAX_ERROR(escape_code, InvalidEscape, "an escape code")
REDFLAG_SYNTAX_ERROR(nesting_too_deep, NestingTooDeep, "less nesting")

// Conditions.
REDFLAG_EXPECTED(expr, "a condition inside `(`")
REDFLAG_EXPECTED(open_paren, "`(`")
REDFLAG_EXPECTED(close_paren, "`)` to close the `(`")
REDFLAG_EXPECTED(known_name, "a fact name inside `known( )`")
REDFLAG_EXPECTED(count_bound, "`least` or `most` after `at`, as in `at least 2 of (a, b, c)`")
REDFLAG_EXPECTED(at_least_count, "a count, as in `at least 2 of (a, b, c)`")
REDFLAG_EXPECTED(key_of, "`of`")
REDFLAG_EXPECTED(at_least_item, "a condition in the list")
REDFLAG_EXPECTED(product_operand, "a value after `*` or `/`, such as a number or a fact")
REDFLAG_EXPECTED(sum_operand, "a value after `+` or `-`, such as a number or a fact")
REDFLAG_EXPECTED(compare_rhs, "a value to compare with, such as a number, `true` or a name")
REDFLAG_EXPECTED(set_open, "`{` after `in`, as in `in {a, b}`")
REDFLAG_EXPECTED(set_item, "a value name in the `{ }` set")
REDFLAG_EXPECTED(set_close, "`,` or `}` in the set")
REDFLAG_EXPECTED(between_low, "the lower bound after `between`")
REDFLAG_EXPECTED(key_and, "`and` between the bounds, as in `between 1 and 5`")
REDFLAG_EXPECTED(between_high, "the upper bound after `and`")
REDFLAG_EXPECTED(not_operand, "a condition after `not`")
REDFLAG_EXPECTED(and_operand, "a condition after `and`")
REDFLAG_EXPECTED(or_operand, "a condition after `or`")
REDFLAG_EXPECTED(when_condition, "a condition after `when`")

// Declarations and clauses.
REDFLAG_EXPECTED(title_text, "a string after `title`")
REDFLAG_EXPECTED(cite_source, "a source name after `cite`")
REDFLAG_EXPECTED(kb_name, "a KB name after `kb`")
REDFLAG_EXPECTED(kb_version, "a version such as `1.2.0` after `version`")
REDFLAG_EXPECTED(kb_status, "`draft`, `active` or `retired` after `status`")
REDFLAG_EXPECTED(kb_reviewed, "a date such as `2026-11-23` after `reviewed`")
REDFLAG_EXPECTED(kb_next_review, "a date such as `2026-11-23` after `next_review`")
REDFLAG_EXPECTED(kb_author, "a string after `author`")
REDFLAG_EXPECTED(kb_end, "a `kb` clause (`title`, `version`, `status`, `reviewed`, `next_review`, `author`) or a new declaration")
REDFLAG_EXPECTED(source_name, "a source name after `source`")
REDFLAG_EXPECTED(source_title, "the source's title as a string")
REDFLAG_EXPECTED(source_url, "a string after `url`")
REDFLAG_EXPECTED(source_end, "`url` or a new declaration")
REDFLAG_EXPECTED(level_name, "a level name")
REDFLAG_EXPECTED(levels_end, "`<` and a level name, `indicator`, or a new declaration")
REDFLAG_EXPECTED(indicator_level, "a level name after `indicator`")
REDFLAG_EXPECTED(indicator_value, "`info`, `warning` or `critical` after the level")
REDFLAG_EXPECTED(fact_name, "a fact name after `fact`")
REDFLAG_EXPECTED(fact_colon, "`:` and a type after the fact name")
REDFLAG_EXPECTED(fact_type, "a type (`bool`, `number`, `integer`, `mass`, `time`, `length`, `temperature`, `quantity`, `one of` or `text`)")
REDFLAG_EXPECTED(key_in, "`in` and a unit, as in `mass in kg`")
REDFLAG_EXPECTED(fact_unit, "a unit such as `kg` or `wk`")
REDFLAG_EXPECTED(unit_atom_rest, "a UCUM atom closed by `]` in the same unit, as in `mm[Hg]`")
REDFLAG_EXPECTED(unit_annotation_rest, "an annotation closed by `}` in the same unit, as in `{beats}/min`")
REDFLAG_EXPECTED(unit_no_paren, "no `(` after a unit; UCUM reads `mg/(kg.d)` as `mg/kg/d`, so write that")
REDFLAG_EXPECTED(range_low, "a number after `between`")
REDFLAG_EXPECTED(range_high, "a number after `and`")
REDFLAG_EXPECTED(enum_value, "a value name in `one of`")
REDFLAG_EXPECTED(fact_ask, "a string after `ask`")
REDFLAG_EXPECTED(fact_means, "a string after `means`")
REDFLAG_EXPECTED(fact_end, "a fact clause (`ask`, `means`, `fhir`) or a new declaration")
REDFLAG_EXPECTED(fhir_binding, "`observation`, `condition`, `item` or `patient` after `fhir`")
REDFLAG_EXPECTED(fhir_code, "a coding such as `\"http://loinc.org|8480-6\"`")
REDFLAG_EXPECTED(fhir_component_code, "the component's coding such as `\"http://loinc.org|8480-6\"` after `component`")
REDFLAG_EXPECTED(fhir_choice, "`latest` (the most recent Observation gives the value), as in `latest within 24 h`")
REDFLAG_EXPECTED(fhir_window, "a time such as `24 h` after `within`")
REDFLAG_EXPECTED(fhir_enum_value, "an enum value after `as`")
REDFLAG_EXPECTED(fhir_link_id, "the item's linkId as a string after `item`")
REDFLAG_EXPECTED(key_age, "`age` after `patient`")
REDFLAG_EXPECTED(define_name, "a define name after `define`")
REDFLAG_EXPECTED(define_equals, "`=` after the define's name, as in `define fever = temp >= 38 Cel`")
REDFLAG_EXPECTED(given_equals, "`=` and a value after the fact's name, as in `given fever = true`")
REDFLAG_EXPECTED(define_condition, "a condition or a value after `=`")
REDFLAG_EXPECTED(define_end, "`and`, `or`, an operator or a new declaration after the condition")
REDFLAG_EXPECTED(flag_name, "a flag name after `flag`")
REDFLAG_EXPECTED(flag_level, "the flag's level after its name, as in `flag name high`")
REDFLAG_EXPECTED(because_text, "a string after `because`")
REDFLAG_EXPECTED(advise_text, "a string after `advise`")
REDFLAG_EXPECTED(see_topic, "a topic name after `see`")
REDFLAG_EXPECTED(flag_end, "a flag clause (`title`, `when`, `because`, `cite`, `advise`, `see`) or a new declaration")
REDFLAG_EXPECTED(score_name, "a score name after `score`")
REDFLAG_EXPECTED(score_end, "a score clause (`title`, `cite`, `item`) or a new declaration")
REDFLAG_EXPECTED(item_name, "an item name after `item`")
REDFLAG_EXPECTED(item_body, "`on FACT` and its bands, or points and `when`, as in `item low_sbp 1 when sbp <= 100 mm[Hg]`")
REDFLAG_EXPECTED(item_fact, "a fact name after `on`")
REDFLAG_EXPECTED(key_when, "`when` and a condition after the points")
REDFLAG_EXPECTED(item_condition, "a condition after `when`")
REDFLAG_EXPECTED(group_guard, "a condition after `when`")
REDFLAG_EXPECTED(band_shape, "`below`, `from` or `for` after the points, as in `3 below 9 /min`")
REDFLAG_EXPECTED(band_low, "a number after `from`")
REDFLAG_EXPECTED(band_high, "a number after `below`")
REDFLAG_EXPECTED(band_value, "a value name after `for`, or `true` or `false`")
REDFLAG_EXPECTED(topic_name, "a topic name after `topic`")
REDFLAG_EXPECTED(topic_title, "the topic's title as a string")
REDFLAG_EXPECTED(topic_end, "a topic clause (`when`, `cite`, a `\"\"\"` text block) or a new declaration")
REDFLAG_EXPECTED(test_name, "the test's name as a string after `test`")
REDFLAG_EXPECTED(given_item, "a fact name after `given`")
REDFLAG_EXPECTED(given_value, "a value (`true`, `false`, `unknown`, a number or an enum value)")
REDFLAG_EXPECTED(expectation, "`urgency`, `status`, `flags`, `no flags`, `fired`, `not fired`, `undetermined` or `score` after `expect`")
REDFLAG_EXPECTED(expected_score, "a score name after `score`")
REDFLAG_EXPECTED(score_value, "`= N` or `between A and B` after the score name")
REDFLAG_EXPECTED(score_exact, "a number after `=`")
REDFLAG_EXPECTED(score_low, "a number after `between`")
REDFLAG_EXPECTED(score_high, "a number after `and`")
REDFLAG_EXPECTED(expected_name, "a name after `,`")
REDFLAG_EXPECTED(expected_level, "a level name after `urgency`")
REDFLAG_EXPECTED(expected_flags, "a flag name")
REDFLAG_EXPECTED(status_value, "`complete` or `incomplete` after `status`")
REDFLAG_EXPECTED(key_flags, "`flags` after `no`")
REDFLAG_EXPECTED(key_fired, "`fired` after `not`")
REDFLAG_EXPECTED(test_end, "a test clause (`given`, `expect`) or a new declaration")

// The must-targets that expect a declaration's or a reference's name: a keyword found there is
// reported as E096 with the kind of name.
template <typename Rule> inline constexpr std::string_view name_kind = "";
#define REDFLAG_NAME_RULE(rule, kind) template <> inline constexpr std::string_view name_kind<g::rule> = kind;
REDFLAG_NAME_RULE(kb_name, "kb") REDFLAG_NAME_RULE(source_name, "source") REDFLAG_NAME_RULE(level_name, "level")
REDFLAG_NAME_RULE(fact_name, "fact") REDFLAG_NAME_RULE(enum_value, "value") REDFLAG_NAME_RULE(define_name, "define")
REDFLAG_NAME_RULE(flag_name, "flag") REDFLAG_NAME_RULE(score_name, "score") REDFLAG_NAME_RULE(item_name, "item")
REDFLAG_NAME_RULE(topic_name, "topic") REDFLAG_NAME_RULE(given_item, "fact") REDFLAG_NAME_RULE(known_name, "fact")
#undef REDFLAG_NAME_RULE

// The must-targets that complete what the token before them began (an operand after an operator,
// a closing `)`): when the token found is on a later line, the caret goes after the token before.
template <typename Rule> inline constexpr bool completes_previous = false;
#define REDFLAG_COMPLETES(rule) template <> inline constexpr bool completes_previous<g::rule> = true;
REDFLAG_COMPLETES(expr) REDFLAG_COMPLETES(close_paren) REDFLAG_COMPLETES(product_operand)
REDFLAG_COMPLETES(sum_operand) REDFLAG_COMPLETES(compare_rhs) REDFLAG_COMPLETES(between_low)
REDFLAG_COMPLETES(between_high) REDFLAG_COMPLETES(not_operand) REDFLAG_COMPLETES(and_operand)
REDFLAG_COMPLETES(or_operand) REDFLAG_COMPLETES(when_condition) REDFLAG_COMPLETES(define_condition)
REDFLAG_COMPLETES(item_condition) REDFLAG_COMPLETES(group_guard)
#undef REDFLAG_COMPLETES
// clang-format on

#undef REDFLAG_EXPECTED
#undef REDFLAG_SYNTAX_ERROR

}  // namespace redflag::internal
