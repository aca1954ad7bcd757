// The PEGTL grammar of the redflag rule language (docs/language.md).
//
// Rules only: no actions, no AST, no formatting. compiler/syntax/parse.cpp attaches actions and the
// error-message table (compiler/syntax/parse_errors.hpp); tests/grammar/ checks the rules directly.
//
// Whitespace: rules pad INTERNALLY, never externally. A rule neither starts nor ends with `sep`;
// the rule that sequences two tokens puts `sep` between them. So every rule starts on its first
// token, which is where an error message points when a `must<>` on it fails.
//
// Commitment: after a declaration or clause keyword everything is `must<>`, and every
// must-target is its own named rule so the message table can say what was expected there.
//
// Where this departs from the EBNF in docs/language.md:
// - a unit after a number may not be a keyword, except `in` (inches) when no `{` follows, so
//   `x between 1 and 5` reads `and` as the keyword; a unit is one token (no spaces), and
//   parentheses are refused after a unit (docs/units.md "Units in the language");
// - `kb`, `fact`, `flag`, `topic` and `test` clauses may come in any order (docs show the
//   conventional order); a repeated single clause is reported by the compiler, not here;
// - `temperature`, `time`, `length`, `mass`, `quantity` and `status` are contextual: reserved,
//   yet also names (`contextual_keyword`), since no name can stand where they are keywords;
// - `recovering_file` is `file` plus error recovery at declaration boundaries, for the compiler:
//   it resumes at a declaration keyword that starts a line (`recovery_point`).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>
#include <string_view>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>
#include <tao/pegtl/contrib/limit_depth.hpp>

namespace redflag::grammar {

// Parentheses (including `known(` and `at least N of (`) and `not` nest at most this deep: the
// parser recurses once per level and the VM's evaluation stack is sized from it.
inline constexpr std::size_t kMaxNesting = 256;

// Identifiers are at most this many bytes; the compiler reports longer ones (names are copied
// into output and bytecode, whose name table stores lengths in one byte).
inline constexpr std::size_t kMaxIdentifierBytes = 128;

using namespace tao::pegtl;

// Fails by raising when [Rule] is entered more than kMaxNesting times recursively.
struct nesting_too_deep : failure {};

// Matches [Rule] one nesting level deeper when it starts with [Head] (a lookahead, so only a
// construct that really opens a level counts). The depth lives in the input (the counter PEGTL's
// contrib/limit_depth uses), so it is per parse and the grammar needs no state.
template <typename Head, typename Rule>
struct nest {
  using rule_t = nest;
  using subs_t = type_list<Rule>;

  template <apply_mode A, rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    if (!tao::pegtl::match<at<Head>, A, M, Action, Control>(in, st...)) return false;
    const tao::pegtl::internal::depth_guard guard(in.private_depth);
    if (in.private_depth > kMaxNesting) {
      return tao::pegtl::match<must<nesting_too_deep>, A, M, Action, Control>(in, st...);
    }
    return tao::pegtl::match<Rule, A, M, Action, Control>(in, st...);
  }
};

// clang-format off

// ---- Lexical structure ----

// A UTF-8 byte-order mark, skipped at the very start of a file.
struct bom : string<'\xEF', '\xBB', '\xBF'> {};
// `#` to the end of the line (the newline is whitespace, not part of the comment).
struct comment : seq<one<'#'>, star<not_one<'\n'>>> {};
// The one whitespace rule: blanks, line breaks (LF or CRLF) and comments.
struct sep : star<sor<space, comment>> {};

struct identifier_first : ranges<'a', 'z', 'A', 'Z', '_'> {};
struct identifier_other : ranges<'a', 'z', 'A', 'Z', '0', '9', '_'> {};
// ASCII letters, digits and `_`, not starting with a digit (length is checked by the compiler).
struct identifier : seq<identifier_first, star<identifier_other>> {};

// A keyword is its word not followed by an identifier character (`in` does not match `inches`).
template <typename Word> struct key : seq<Word, not_at<identifier_other>> {};

// Every reserved word (docs/language.md "Reserved keywords"); none can be a name. X(word) once
// per word: this list makes the key_ rules and the keyword table.
#define REDFLAG_GRAMMAR_KEYWORDS(X)                                                                 \
  X(kb) X(title) X(version) X(status) X(reviewed) X(next_review) X(author) X(source) X(url)       \
  X(levels) X(fact) X(ask) X(means) X(bool) X(number) X(integer) X(one) X(of) X(text) X(between) X(and)      \
  X(or) X(not) X(in) X(define) X(flag) X(when) X(because) X(cite) X(advise) X(see) X(topic)       \
  X(test) X(given) X(expect) X(urgency) X(flags) X(no) X(fired) X(undetermined) X(known)           \
  X(unknown) X(true) X(false) X(at) X(least) X(draft) X(active) X(retired) X(complete)             \
  X(incomplete) X(mass) X(time) X(length) X(temperature) X(quantity) X(most) X(exactly)      \
  X(score) X(item) X(on) X(below) X(from) X(for) X(fhir)

#define REDFLAG_GRAMMAR_KEYWORD(word)                  \
  struct str_##word : TAO_PEGTL_STRING(#word) {};      \
  struct key_##word : key<str_##word> {};
REDFLAG_GRAMMAR_KEYWORDS(REDFLAG_GRAMMAR_KEYWORD)
#undef REDFLAG_GRAMMAR_KEYWORD

#define REDFLAG_GRAMMAR_KEYWORD_TEXT(word) std::string_view(#word),
inline constexpr std::string_view kKeywords[] = {REDFLAG_GRAMMAR_KEYWORDS(REDFLAG_GRAMMAR_KEYWORD_TEXT)};
#undef REDFLAG_GRAMMAR_KEYWORD_TEXT
#undef REDFLAG_GRAMMAR_KEYWORDS

inline constexpr std::size_t kLongestKeyword = [] {
  std::size_t longest = 0;
  for (const std::string_view word : kKeywords) longest = std::max(longest, word.size());
  return longest;
}();

// Whether [word] is one of kKeywords: a binary search of the words sorted once.
inline bool is_keyword(std::string_view word) {
  static const auto sorted = [] {
    std::array<std::string_view, std::size(kKeywords)> words{};
    std::copy(std::begin(kKeywords), std::end(kKeywords), words.begin());
    std::sort(words.begin(), words.end());
    return words;
  }();
  return std::binary_search(sorted.begin(), sorted.end(), word);
}

// A reserved word not followed by an identifier character: the whole identifier at the input,
// looked up with is_keyword. (Trying each keyword's string in turn cost a comparison per
// keyword for every name in a file.)
struct keyword {
  using rule_t = keyword;
  using subs_t = empty_list;

  template <apply_mode A, rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... /*unused*/) {
    const std::size_t available = in.size(kLongestKeyword + 1);
    const char* const begin = in.current();
    std::size_t length = 0;  // of the identifier, up to one byte beyond the longest keyword
    while (length < available && length <= kLongestKeyword && is_identifier_byte(begin[length])) ++length;
    if (length > kLongestKeyword || !is_keyword(std::string_view(begin, length))) return false;
    in.bump_in_this_line(length);
    return true;
  }

 private:
  static bool is_identifier_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
};

// The keywords that start a declaration: the end of one declaration and the recovery points.
struct declaration_keyword : sor<key_kb, key_source, key_levels, key_fact, key_define, key_flag,
  key_score, key_topic, key_test> {};

// Keywords that may also be names: they only have their meaning where no name can stand (the
// dimension after `:`, `status` in a `kb` header or after `expect`), so `fact temperature :
// temperature in Cel` and `when status` read naturally.
struct contextual_keyword : sor<key_temperature, key_time, key_length, key_mass, key_quantity,
  key_status> {};
// A name: an identifier that is not a keyword, or a contextual keyword.
struct name : sor<seq<at<contextual_keyword>, identifier>, seq<not_at<keyword>, identifier>> {};

// `e9`, `E-3`, `e+3`: a power of ten. It needs a digit after the `e` and its sign, so in `10 eq`
// or `10eq` the `e` starts a unit instead.
struct exponent : seq<one<'e', 'E'>, opt<one<'+', '-'>>, plus<digit>> {};
// `-3`, `10`, `37.5`, `1.8e2`, `-2.5e+3`: no leading `+`, digits on both sides of a `.`.
struct number : seq<opt<one<'-'>>, plus<digit>, opt<one<'.'>, plus<digit>>, opt<exponent>> {};
// ---- Units: UCUM codes as tokens (docs/units.md "Units in the language") ----

// A character of a UCUM code outside brackets: letters, digits and UCUM's operators and marks
// (`.` multiplies, `/` divides, `*` and `^` write powers of ten, `%`, `'`, `_`).
struct unit_char : sor<ranges<'a', 'z', 'A', 'Z', '0', '9'>, one<'/', '.', '%', '*', '^', '\'', '_'>> {};
// `°`, UTF-8 C2 B0, so the aliases `°C` and `°F` are tokens (the alias table maps them).
struct unit_degree : string<'\xC2', '\xB0'> {};
// `-2`, `+3`: an exponent's sign, only before digits, so `-` and `+` start nothing else.
struct unit_exponent : seq<one<'+', '-'>, plus<digit>> {};
// The inside and `]` of a bracketed atom: printable ASCII but brackets (`[m/s2/Hz^(1/2)]`).
struct unit_atom_rest : seq<plus<ranges<'!', 'Z', '\\', '\\', '^', '~'>>, one<']'>> {};
// `[lb_av]`, `[Hg]`: a bracketed UCUM atom, closed on the same token.
struct unit_atom : seq<one<'['>, must<unit_atom_rest>> {};
// The inside and `}` of an annotation: printable ASCII but braces and spaces (`{1.73_m2}`).
struct unit_annotation_rest : seq<star<ranges<'!', 'z', '|', '|', '~', '~'>>, one<'}'>> {};
// `{beats}`: a UCUM annotation, which means 1.
struct unit_annotation : seq<one<'{'>, must<unit_annotation_rest>> {};
// One piece of a unit token.
struct unit_piece : sor<unit_atom, unit_annotation, unit_exponent, unit_char, unit_degree> {};
// How a UCUM code can start: a letter, a digit (`10*9/L`), `[`, `{`, `/` (`/min`), `%`, `°`;
// never `.` or a sign, so `1.` leaves its `.` and `5 -3` its `-3`.
struct unit_start : sor<ranges<'a', 'z', 'A', 'Z', '0', '9'>, one<'[', '{', '/', '%'>, unit_degree> {};
// A number (`5`, `2.5`, `2e9`) is not a unit, so `between 1 5` is missing its `and`.
struct unit_number : seq<number, not_at<unit_piece>> {};
// Parentheses may not follow a unit: `(` and `)` belong to conditions, so `mg/(kg.d)` is
// refused (write `mg/kg/d`, which UCUM reads the same) unless the `(` is inside `[...]`.
struct unit_no_paren : not_at<one<'('>> {};
// A lone `/` is division, not a unit: `100 / sbp` divides, `100 /min` is a rate (below).
// `in` is a keyword and also the inch; as a unit it is never followed by a `{` set.
struct inch_unit : seq<key_in, not_at<sep, one<'{'>>> {};
// Any other UCUM code or alias as one token: `kg`, `mm[Hg]`, `/min`, `%`, `10*9/L`,
// `mL/min/{1.73_m2}`. It stops at whitespace, `)`, `,`, `}`, comparison operators and quotes,
// so it cannot swallow what follows a quantity; it is never a bare number, and never exactly a
// keyword, so `between 1 and 5` reads `and` as the keyword. Checked against UCUM by the
// compiler, so a misspelt unit gets a "did you mean".
struct ucum_code : seq<at<unit_start>, not_at<keyword, not_at<unit_piece>>, not_at<unit_number>,
  not_at<one<'/'>, not_at<unit_piece>>, plus<unit_piece>, must<unit_no_paren>> {};
// A unit: `in`, or a UCUM code.
struct unit_name : sor<inch_unit, ucum_code> {};
// The unit written after a number.
struct literal_unit : unit_name {};
// A number with an optional unit: `10`, `10 lb`, `37.5 Cel`.
struct quantity : seq<number, opt<sep, literal_unit>> {};

// One escape after `\`: `\"`, `\\`, `\n`, `\t`.
struct escape_code : one<'"', '\\', 'n', 't'> {};
struct escape : seq<one<'\\'>, must<escape_code>> {};
struct string_char : sor<escape, not_one<'"', '\\', '\r', '\n'>> {};
// The body and closing quote of a one-line string.
struct string_rest : until<one<'"'>, string_char> {};
struct three_quotes : string<'"', '"', '"'> {};
// The body and closing `"""` of a text block.
struct text_block_rest : until<three_quotes> {};
struct text_block : seq<three_quotes, must<text_block_rest>> {};
// `"..."` on one line (a `"""` starts a text block instead).
struct string_ : seq<not_at<three_quotes>, one<'"'>, must<string_rest>> {};
// Wherever prose is expected, a string or a text block.
struct text_value : sor<text_block, string_> {};

// The letters, digits, `.` and `-` of a version's pre-release or build metadata, and `_`, which
// the compiler refuses by semver's rules (E056) as it does leading zeros and empty identifiers.
struct version_identifiers : star<sor<identifier_other, one<'.', '-'>>> {};
// `1.2.0`, `2.0.0-rc.1`, `1.0.0+build.5`: the shape of a semantic version.
struct version_number : seq<plus<digit>, one<'.'>, plus<digit>, one<'.'>, plus<digit>,
  opt<one<'-'>, version_identifiers>, opt<one<'+'>, version_identifiers>> {};
// `2026-11-23` (the calendar is checked by the compiler).
struct date : seq<rep<4, digit>, one<'-'>, rep<2, digit>, one<'-'>, rep<2, digit>> {};

struct comma : one<','> {};
struct equals : one<'='> {};
// The `=` after a define's name and after a given fact: own rules for their own error messages.
struct define_equals : equals {};
struct given_equals : equals {};
struct open_paren : one<'('> {};
struct close_paren : one<')'> {};

// ---- Conditions ----

struct expr;

// `( expr )`.
struct paren_expr : seq<open_paren, sep, must<expr>, sep, must<close_paren>> {};
// The fact inside `known( )`.
struct known_name : name {};
// `known(x)`: whether the case gives fact x.
struct known_call : seq<key_known, sep, must<open_paren>, sep, must<known_name>, sep,
  must<close_paren>> {};
// `least` or `most` after `at`.
struct count_bound : sor<key_least, key_most> {};
// `at least`, `at most` or `exactly`: how the count of true conditions is tested.
struct count_mode : sor<seq<key_at, sep, must<count_bound>>, key_exactly> {};
// N in `at least N of`.
struct at_least_count : plus<digit> {};
// One condition listed in `at least N of (...)`.
struct at_least_item : seq<expr> {};
// `at least N of (c1, c2, ...)`, `at most N of (...)`, `exactly N of (...)`.
struct at_least : seq<count_mode, sep, must<at_least_count>, sep,
  must<key_of>, sep, must<open_paren>, sep, must<at_least_item>,
  star<sep, comma, sep, must<at_least_item>>, sep, must<close_paren>> {};
// `true`, `false`, `unknown` as operands.
struct bool_constant : sor<key_true, key_false, key_unknown> {};
// A number operand, with its optional unit.
struct number_operand : quantity {};
// The case urgency (topic conditions).
struct urgency_operand : key_urgency {};
// A fact, define, score, enum value or level name, or a score's item (`news2.respiration`).
struct name_operand : seq<name, opt<one<'.'>, name>> {};
// Anything a comparison can compare, or a whole parenthesised condition.
struct operand : sor<nest<open_paren, paren_expr>, nest<key_known, known_call>,
  nest<sor<key_at, key_exactly>, at_least>, bool_constant,
  number_operand, urgency_operand, name_operand> {};

// ---- Arithmetic: `*` and `/` bind tighter than `+` and `-`, all left-associative ----

struct mul_op : one<'*', '/'> {};
struct add_op : one<'+', '-'> {};
// The operand after `*` or `/`.
struct product_operand : operand {};
struct product_tail : seq<sep, mul_op, sep, must<product_operand>> {};
// `a * b / c`.
struct product : seq<operand, star<product_tail>> {};
// The term after `+` or `-`.
struct sum_operand : product {};
struct sum_tail : seq<sep, add_op, sep, must<sum_operand>> {};
// `a + b - c`: a numeric value, or a single operand.
struct sum : seq<product, star<sum_tail>> {};

// Longest first, so `<=` is not read as `<`.
struct cmp_op : sor<string<'!', '='>, string<'<', '='>, string<'>', '='>, one<'='>, one<'<'>,
  one<'>'>> {};
// The right-hand side of a comparison.
struct compare_rhs : sum {};
struct compare_tail : seq<cmp_op, sep, must<compare_rhs>> {};
// One enum value (or level) inside `{ }`.
struct set_item : name {};
struct set_open : one<'{'> {};
struct set_close : one<'}'> {};
// `[not] in {a, b}`.
struct in_tail : seq<opt<key_not, sep>, key_in, sep, must<set_open>, sep, must<set_item>,
  star<sep, comma, sep, must<set_item>>, sep, must<set_close>> {};
struct between_low : sum {};
struct between_high : sum {};
// `between x and y`.
struct between_tail : seq<key_between, sep, must<between_low>, sep, must<key_and>, sep,
  must<between_high>> {};
// A value, optionally compared, tested for set membership or a range.
struct test : seq<sum, opt<sep, sor<compare_tail, in_tail, between_tail>>> {};
struct unary;
// The operand of `not`.
struct not_operand : seq<unary> {};
struct not_expr : seq<key_not, sep, must<not_operand>> {};
// `not` binds tightest.
struct unary : sor<nest<key_not, not_expr>, test> {};
struct and_operand : unary {};
struct and_tail : seq<sep, key_and, sep, must<and_operand>> {};
struct and_expr : seq<unary, star<and_tail>> {};
struct or_operand : and_expr {};
struct or_tail : seq<sep, key_or, sep, must<or_operand>> {};
// A condition: `or` binds loosest.
struct expr : seq<and_expr, star<or_tail>> {};

// ---- Declarations ----

// A declaration ends where the next declaration keyword or the end of the file follows.
struct end_of_declaration : at<sep, sor<declaration_keyword, eof>> {};

struct title_text : text_value {};
// `title "..."` (kb, flag).
struct title_clause : seq<key_title, sep, must<title_text>> {};
struct cite_source : name {};
struct cite_section : string_ {};
// `cite SOURCE ["section"]` (flag, topic).
struct cite_clause : seq<key_cite, sep, must<cite_source>, opt<sep, cite_section>> {};
// The condition after `when`.
struct when_condition : expr {};
// `when CONDITION` (flag, topic).
struct when_clause : seq<key_when, sep, must<when_condition>> {};

struct kb_name : name {};
struct kb_version : version_number {};
struct kb_status : sor<key_draft, key_active, key_retired> {};
struct kb_reviewed : date {};
struct kb_next_review : date {};
struct kb_author : text_value {};
struct kb_clause : sor<title_clause, seq<key_version, sep, must<kb_version>>,
  seq<key_status, sep, must<kb_status>>, seq<key_reviewed, sep, must<kb_reviewed>>,
  seq<key_next_review, sep, must<kb_next_review>>, seq<key_author, sep, must<kb_author>>> {};
// After the last clause of a `kb` header.
struct kb_end : end_of_declaration {};
// `kb ID` and its clauses.
struct kb_decl : seq<key_kb, sep, must<kb_name>, star<sep, kb_clause>, must<kb_end>> {};

struct source_name : name {};
struct source_title : text_value {};
struct source_url : text_value {};
struct source_end : end_of_declaration {};
// `source ID "title" [url "..."]`.
struct source_decl : seq<key_source, sep, must<source_name>, sep, must<source_title>,
  opt<sep, key_url, sep, must<source_url>>, must<source_end>> {};

struct level_name : name {};
struct level_less : one<'<'> {};
struct levels_end : end_of_declaration {};
// The level an `indicator` clause maps, and the CDS Hooks card indicator it maps to; the
// words are keywords only here (not reserved).
struct key_indicator : key<TAO_PEGTL_STRING("indicator")> {};
struct indicator_level : name {};
struct indicator_value : sor<key<TAO_PEGTL_STRING("info")>, key<TAO_PEGTL_STRING("warning")>,
  key<TAO_PEGTL_STRING("critical")>> {};
// `indicator LEVEL info|warning|critical` (docs/cds-hooks.md "Cards").
struct level_indicator : seq<key_indicator, sep, must<indicator_level>, sep, must<indicator_value>> {};
// `levels a < b < c`, lowest first, then optional `indicator` clauses.
struct levels_decl : seq<key_levels, sep, must<level_name>,
  star<sep, level_less, sep, must<level_name>>, star<sep, level_indicator>, must<levels_end>> {};

struct fact_name : name {};
struct fact_colon : one<':'> {};
struct range_low : quantity {};
struct range_high : quantity {};
// `between A and B` on a number, integer or quantity type.
struct fact_range : seq<key_between, sep, must<range_low>, sep, must<key_and>, sep,
  must<range_high>> {};
struct bool_type : key_bool {};
struct number_type : seq<key_number, opt<sep, fact_range>> {};
// `integer [between A and B]`: a number that only takes whole values (a GCS, a count); the
// checker refuses a non-integer literal beside it, the case reader a non-integer value.
struct integer_type : seq<key_integer, opt<sep, fact_range>> {};
// The dimension word of a quantity fact; `quantity` takes the unit's own dimension.
struct dimension : sor<key_mass, key_time, key_length, key_temperature, key_quantity> {};
struct fact_unit : unit_name {};
// `mass in UNIT [between A and B]`.
struct quantity_type : seq<dimension, sep, must<key_in>, sep, must<fact_unit>,
  opt<sep, fact_range>> {};
struct enum_value : name {};
// `one of a, b, c`.
struct enum_type : seq<key_one, sep, must<key_of>, sep, must<enum_value>,
  star<sep, comma, sep, must<enum_value>>> {};
struct text_type : key_text {};
struct fact_type : sor<bool_type, number_type, integer_type, quantity_type, enum_type, text_type> {};
// ---- FHIR bindings: where FHIR R4 carries a fact (docs/fhir.md) ----
// `fhir` is reserved (else `between 0 and 130 fhir` would read `fhir` as a unit); the words
// after it are keywords only there, so no existing name becomes invalid.

template <typename Word> struct fhir_word : key<Word> {};
struct key_observation : fhir_word<TAO_PEGTL_STRING("observation")> {};
struct key_component : fhir_word<TAO_PEGTL_STRING("component")> {};
struct key_latest : fhir_word<TAO_PEGTL_STRING("latest")> {};
struct key_within : fhir_word<TAO_PEGTL_STRING("within")> {};
struct key_condition : fhir_word<TAO_PEGTL_STRING("condition")> {};
struct key_as : fhir_word<TAO_PEGTL_STRING("as")> {};
struct key_current : fhir_word<TAO_PEGTL_STRING("current")> {};
struct key_patient : fhir_word<TAO_PEGTL_STRING("patient")> {};
struct key_age : fhir_word<TAO_PEGTL_STRING("age")> {};
// `"http://loinc.org|8480-6"`: a coding as FHIR token search writes it (checked by the compiler).
struct fhir_code : string_ {};
// The component's coding inside a panel Observation (systolic 8480-6 inside 85354-9).
struct fhir_component_code : string_ {};
// The look-back window: a time quantity (`24 h`, `7 d`).
struct fhir_window : quantity {};
// `within 24 h`: only resources at most this old count.
struct fhir_within : seq<key_within, sep, must<fhir_window>> {};
// `latest [within T]`: of the matching Observations, the most recent one gives the value.
struct fhir_choice : seq<key_latest, opt<sep, fhir_within>> {};
// `observation CODE [component CODE] latest [within T]`: a measurement.
struct fhir_observation : seq<key_observation, sep, must<fhir_code>,
  opt<sep, key_component, sep, must<fhir_component_code>>, sep, must<fhir_choice>> {};
// The enum value a Condition code stands for.
struct fhir_enum_value : name {};
// `condition CODE [as VALUE] [current] [within T]`: a diagnosis or problem.
struct fhir_condition : seq<key_condition, sep, must<fhir_code>,
  opt<sep, key_as, sep, must<fhir_enum_value>>, opt<sep, key_current>, opt<sep, fhir_within>> {};
// The linkId of a questionnaire item that answers the fact (besides the fact's own name).
struct fhir_link_id : string_ {};
// `item "linkId"`.
struct fhir_item : seq<key_item, sep, must<fhir_link_id>> {};
// `patient age`: whole years from Patient.birthDate.
struct fhir_patient : seq<key_patient, sep, must<key_age>> {};
struct fhir_binding : sor<fhir_observation, fhir_condition, fhir_item, fhir_patient> {};
// `fhir BINDING` (fact; repeatable).
struct fhir_clause : seq<key_fhir, sep, must<fhir_binding>> {};

struct fact_ask : text_value {};
struct fact_means : text_value {};
struct fact_clause : sor<seq<key_ask, sep, must<fact_ask>>, seq<key_means, sep,
  must<fact_means>>, fhir_clause> {};
struct fact_end : end_of_declaration {};
// `fact ID : TYPE` and its clauses.
struct fact_decl : seq<key_fact, sep, must<fact_name>, sep, must<fact_colon>, sep,
  must<fact_type>, star<sep, fact_clause>, must<fact_end>> {};

struct define_name : name {};
// A condition, or a numeric value (`(sbp + 2 * dbp) / 3`).
struct define_condition : expr {};
struct define_end : end_of_declaration {};
// `define ID = CONDITION`.
struct define_decl : seq<key_define, sep, must<define_name>, sep, must<define_equals>, sep,
  must<define_condition>, must<define_end>> {};

struct flag_name : name {};
struct flag_level : name {};
struct because_text : text_value {};
struct advise_text : text_value {};
struct see_topic : name {};
struct flag_clause : sor<title_clause, when_clause, seq<key_because, sep, must<because_text>>,
  cite_clause, seq<key_advise, sep, must<advise_text>>,
  seq<key_see, sep, must<see_topic>, star<sep, comma, sep, must<see_topic>>>> {};
struct flag_end : end_of_declaration {};
// `flag ID LEVEL` and its clauses.
struct flag_decl : seq<key_flag, sep, must<flag_name>, sep, must<flag_level>,
  star<sep, flag_clause>, must<flag_end>> {};

struct score_name : name {};
struct item_name : name {};
// The fact a banded item reads.
struct item_fact : name {};
// The points of a row or a condition item: a number.
struct item_points : seq<number> {};
struct band_low : quantity {};
struct band_high : quantity {};
// `below B`: x < B.
struct band_below : seq<key_below, sep, must<band_high>> {};
// `from A [below B]`: A <= x (< B).
struct band_from : seq<key_from, sep, must<band_low>, opt<sep, key_below, sep, must<band_high>>> {};
// An enum value, `true` or `false` in a `for` row.
struct band_value : sor<key_true, key_false, name> {};
// `for a, b`: the fact is one of these values.
struct band_for : seq<key_for, sep, must<band_value>, star<sep, comma, sep, must<band_value>>> {};
struct band_shape : sor<band_below, band_from, band_for> {};
// `3 below 9 /min`: the points when the fact lies in the band.
struct band_row : seq<item_points, sep, must<band_shape>> {};
// The condition under which a group of bands applies.
struct group_guard : expr {};
// `when CONDITION` and the bands that apply when it holds.
struct band_group : seq<key_when, sep, must<group_guard>, star<sep, band_row>> {};
// `on FACT`, its unguarded bands, then guarded groups.
struct banded_item : seq<key_on, sep, must<item_fact>, star<sep, band_row>, star<sep, band_group>> {};
struct item_condition : expr {};
// `1 when CONDITION`: the points when the condition holds, else 0.
struct condition_item : seq<item_points, sep, must<key_when>, sep, must<item_condition>> {};
struct item_body : sor<banded_item, condition_item> {};
// `item NAME on FACT ...` or `item NAME POINTS when CONDITION`.
struct item_clause : seq<key_item, sep, must<item_name>, sep, must<item_body>> {};
struct score_clause : sor<title_clause, cite_clause, item_clause> {};
struct score_end : end_of_declaration {};
// `score ID`, then `title`, `cite` and `item` clauses: a banded-points score.
struct score_decl : seq<key_score, sep, must<score_name>, star<sep, score_clause>, must<score_end>> {};

struct topic_name : name {};
struct topic_title : string_ {};
struct topic_body : text_block {};
struct topic_clause : sor<when_clause, cite_clause, topic_body> {};
struct topic_end : end_of_declaration {};
// `topic ID "title"`, then `when`, `cite` and text blocks.
struct topic_decl : seq<key_topic, sep, must<topic_name>, sep, must<topic_title>,
  star<sep, topic_clause>, must<topic_end>> {};

struct test_name : string_ {};
struct given_fact : name {};
struct given_true : key_true {};
struct given_false : key_false {};
struct given_unknown : key_unknown {};
struct given_number : quantity {};
struct given_enum : name {};
struct given_value : sor<given_true, given_false, given_unknown, given_number, given_enum> {};
// `FACT = VALUE`.
struct given_item : seq<given_fact, sep, must<given_equals>, sep, must<given_value>> {};
struct given_clause : seq<key_given, sep, must<given_item>,
  star<sep, comma, sep, must<given_item>>> {};
// A level, flag or status name an expectation refers to.
struct expected_name : name {};
struct expected_names : seq<expected_name, star<sep, comma, sep, must<expected_name>>> {};
struct expected_level : expected_name {};
struct expected_flags : expected_names {};
struct status_value : sor<key_complete, key_incomplete> {};
// Each expectation form starts with its own head so the action knows the kind.
struct expect_urgency : key_urgency {};
struct expect_status : key_status {};
struct expect_flags : key_flags {};
struct expect_no_flags : seq<key_no, sep, must<key_flags>> {};
struct expect_fired : key_fired {};
struct expect_not_fired : seq<key_not, sep, must<key_fired>> {};
struct expect_undetermined : key_undetermined {};
struct expect_score : key_score {};
struct expected_score : name {};
struct score_exact : seq<number> {};
struct score_low : seq<number> {};
struct score_high : seq<number> {};
// `= N` or `between A and B` after `expect score NAME`.
struct score_value : sor<seq<equals, sep, must<score_exact>>,
  seq<key_between, sep, must<score_low>, sep, must<key_and>, sep, must<score_high>>> {};
struct expectation : sor<seq<expect_urgency, sep, must<expected_level>>,
  seq<expect_status, sep, must<status_value>>, seq<expect_flags, sep, must<expected_flags>>,
  expect_no_flags, seq<expect_fired, sep, must<expected_flags>>,
  seq<expect_not_fired, sep, must<expected_flags>>,
  seq<expect_undetermined, sep, must<expected_flags>>,
  seq<expect_score, sep, must<expected_score>, sep, must<score_value>>> {};
struct test_clause : sor<given_clause, seq<key_expect, sep, must<expectation>>> {};
struct test_end : end_of_declaration {};
// `test "name"`, then `given` and `expect` clauses.
struct test_decl : seq<key_test, sep, must<test_name>, star<sep, test_clause>,
  must<test_end>> {};

struct declaration : sor<kb_decl, source_decl, levels_decl, fact_decl, define_decl, flag_decl,
  score_decl, topic_decl, test_decl> {};

// A whole file, stopping at the first error.
struct file : seq<opt<bom>, sep, until<eof, must<declaration>, sep>> {};

// ---- Error recovery (compiler only) ----

// One token as recovery skips it, so a keyword inside a string or a word is not a boundary.
struct skip_token : sor<plus<space>, comment, seq<three_quotes, until<sor<three_quotes, eof>>>,
  seq<one<'"'>, star<sor<seq<one<'\\'>, not_one<'\n'>>, not_one<'"', '\n'>>>, opt<one<'"'>>>,
  identifier, any> {};
// Where recovery resumes: a declaration keyword at the start of a line, so a keyword used as a
// name (`flag test high`) or inside a broken condition is not taken for a new declaration.
struct recovery_point : seq<bol, declaration_keyword> {};
// Skips a broken declaration up to the next recovery point.
struct skip_declaration : seq<skip_token, star<not_at<recovery_point>, skip_token>> {};
// A whole file, reporting each broken declaration and resuming at the next one.
struct recovering_file : seq<opt<bom>, sep,
  until<eof, sor<try_catch<must<declaration>>, skip_declaration>, sep>> {};

// clang-format on

}  // namespace redflag::grammar

namespace tao::pegtl {

// `keyword` consumes input when it matches, like any token.
template <typename Name>
struct analyze_traits<Name, redflag::grammar::keyword> : analyze_any_traits<> {};

// `nest<Head, Rule>` analyses as `seq<Rule>`.
template <typename Name, typename Head, typename Rule>
struct analyze_traits<Name, redflag::grammar::nest<Head, Rule>> : analyze_seq_traits<Rule> {};

}  // namespace tao::pegtl
