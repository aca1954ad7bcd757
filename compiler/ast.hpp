// The abstract syntax tree of a redflag knowledge base.
//
// The parser (compiler/parse*.cpp) builds one `Kb` from all the files of a KB; name resolution
// and type checking (compiler/check*.cpp) annotate it in place (the `*_id` and `type` fields);
// code generation (compiler/codegen*.cpp) reads it. The tree owns everything by value and holds
// no pointers into source buffers, so a `Kb` outlives the files it was parsed from.
// It deliberately knows nothing about PEGTL, diagnostics rendering or bytecode.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compiler/source_loc.hpp"
#include "runtime/tri.hpp"
#include "runtime/units.hpp"

namespace redflag::ast {

// An index into one of the Kb tables below; kNoId until name resolution fills it in.
inline constexpr std::uint32_t kNoId = 0xFFFFFFFFu;

enum class Cmp : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge };  // ORDER CmpCode (runtime/tri.hpp)

// The runtime's comparison code for [cmp]: the enums share their order, checked below.
constexpr CmpCode cmp_code(Cmp cmp) { return static_cast<CmpCode>(cmp); }
static_assert(cmp_code(Cmp::Eq) == CmpCode::Eq && cmp_code(Cmp::Ne) == CmpCode::Ne &&
                  cmp_code(Cmp::Lt) == CmpCode::Lt && cmp_code(Cmp::Le) == CmpCode::Le &&
                  cmp_code(Cmp::Gt) == CmpCode::Gt && cmp_code(Cmp::Ge) == CmpCode::Ge,
              "ast::Cmp and CmpCode must list the comparisons in the same order");

// The operator with its sides swapped: `a < b` is `b > a`.
constexpr Cmp swapped(Cmp cmp) {
  constexpr Cmp kSwapped[] = {Cmp::Eq, Cmp::Ne, Cmp::Gt, Cmp::Ge, Cmp::Lt, Cmp::Le};
  return kSwapped[static_cast<int>(cmp)];
}
static_assert(swapped(Cmp::Eq) == Cmp::Eq && swapped(Cmp::Ne) == Cmp::Ne &&
                  swapped(Cmp::Lt) == Cmp::Gt && swapped(Cmp::Le) == Cmp::Ge &&
                  swapped(Cmp::Gt) == Cmp::Lt && swapped(Cmp::Ge) == Cmp::Le,
              "kSwapped follows the order of ast::Cmp");
enum class FactType : std::uint8_t { Bool, Number, Quantity, Enum, Text, Integer };
using redflag::Dimension;

// A number as written, with its optional unit exactly as written ("lb", "[lb_av]").
struct Literal {
  double value = 0;
  std::string text;  // the digits as written, for messages and the formatter
  std::string unit;  // empty when no unit was written
  SourceSpan span;
  SourceSpan unit_span;
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

enum class ExprKind : std::uint8_t {
  BoolConst,  // true / false / unknown: `tri` (0 F, 1 T, 2 U)
  Number,     // a numeric literal operand: `number`
  Name,       // a fact, define, enum value or level name: `name`, resolved into `ref_*`
  Urgency,    // the case urgency (topic conditions only)
  Known,      // known(name)
  Not,        // not children[0]
  And,        // children[0] and children[1] and ...
  Or,         // children[0] or children[1] or ...
  Compare,    // children[0] cmp children[1]
  InSet,      // children[0] in {set_names} (negated when `negated`)
  Between,    // children[0] between children[1] and children[2]
  AtLeast,    // at least `count` of (children...)
  AtMost,     // at most `count` of (children...)
  Exactly,    // exactly `count` of (children...)
  Arith,      // children[0] `arith` children[1]: a numeric value
};

enum class ArithOp : std::uint8_t { Add, Sub, Mul, Div };

// What a Name refers to after resolution.
// A Define is a condition or a numeric value (Define::numeric); a Score's item is `score.item`.
enum class RefKind : std::uint8_t { Unresolved, Fact, Define, EnumValue, Level, Score, Item };

struct Expr {
  ExprKind kind = ExprKind::BoolConst;
  SourceSpan span;
  // The expression's text as written is [text_begin, text_end): it includes the `(` `)` the
  // author wrote around it when [parenthesized], and may run on past [span]'s first line.
  SourceLoc text_begin, text_end;
  bool parenthesized = false;
  std::uint8_t tri = 0;
  Literal number;
  // Number operands after checking: the literal in the canonical unit of the fact it is
  // compared with (a bare number for a number fact; the enum value index is in ref_id).
  double canonical_value = 0;
  std::string name;
  SourceSpan name_span;  // for Known: the name inside the parentheses
  RefKind ref = RefKind::Unresolved;
  std::uint32_t ref_id = kNoId;  // fact, define, enum value, level or score index
  std::uint32_t item_id = kNoId;  // Item: the item's index in its score
  Cmp cmp = Cmp::Eq;
  ArithOp arith = ArithOp::Add;
  // Numeric values after checking: the UCUM code of the value ("mm[Hg]", "1"), and the factor
  // that brings it into the unit its parent computes in (`kg + [lb_av]` scales the right side).
  bool numeric = false;
  std::string value_unit;
  double scale = 1;
  bool negated = false;
  std::uint32_t count = 0;
  std::vector<std::string> set_names;
  std::vector<SourceSpan> set_spans;
  std::vector<std::uint32_t> set_ids;  // enum value indices after checking
  std::vector<ExprPtr> children;
};

struct Citation {
  std::string source;
  SourceSpan source_span;
  std::string section;  // empty when none was given
  std::uint32_t source_id = kNoId;
};

// A comment kept for the formatter: its text (from `#`) and where it stood.
struct Comment {
  std::string text;
  SourceSpan span;
  bool own_line = true;  // false when code precedes it on the same line
};

struct KbHeader {
  std::string id;
  SourceSpan span;
  std::string title;
  std::string version;
  SourceSpan version_span;
  std::string status;  // draft | active | retired
  SourceSpan status_span;
  std::string reviewed;     // YYYY-MM-DD or empty
  SourceSpan reviewed_span;
  std::string next_review;  // YYYY-MM-DD or empty
  SourceSpan next_review_span;
  std::vector<std::string> authors;
};

struct Source {
  std::string id;
  SourceSpan span;
  std::string title;
  std::string url;
};

// `indicator LEVEL VALUE`: the CDS Hooks card indicator of the flags of one level.
struct LevelIndicator {
  std::string level;
  SourceSpan span;
  std::string value;  // info | warning | critical
  std::uint32_t level_id = kNoId;  // after checking
};

struct Levels {
  std::vector<std::string> names;
  std::vector<SourceSpan> spans;
  SourceSpan span;
  std::vector<LevelIndicator> indicators;
};

// One `fhir` clause of a fact: where FHIR R4 carries its value (docs/fhir.md).
struct FhirBinding {
  // ORDER FhirKind (runtime/image.hpp): codegen casts one into the other.
  enum class Kind : std::uint8_t { Observation, Condition, Item, PatientAge } kind = Kind::Observation;
  SourceSpan span;         // the binding word (`observation`, ...)
  std::string code;        // "system|code" as written; an item's linkId
  SourceSpan code_span;
  std::string component;   // an Observation component's "system|code", or empty
  SourceSpan component_span;
  std::optional<Literal> within;  // the look-back window as written
  double within_seconds = 0;      // after checking; 0 when there is no window
  std::string value;       // a Condition's `as` enum value, or empty
  SourceSpan value_span;
  std::uint32_t value_id = kNoId;  // its index after checking
  bool current = false;    // a Condition: only a clinically active one makes the fact true
};

struct Fact {
  std::string name;
  SourceSpan span;  // the name
  FactType type = FactType::Bool;
  SourceSpan type_span;
  Dimension dimension = Dimension::None;
  std::string unit;  // canonical UCUM code after checking; as written before
  SourceSpan unit_span;
  std::optional<Literal> min, max;  // `between` bounds as written
  double min_value = 0, max_value = 0;  // bounds in the canonical unit after checking
  std::vector<std::string> enum_values;
  std::vector<SourceSpan> enum_spans;
  std::string ask;
  std::string means;
  std::vector<FhirBinding> fhir;
};

struct Define {
  std::string name;
  SourceSpan span;
  ExprPtr condition;  // or a numeric value, when [numeric]
  bool numeric = false;  // after checking: the body is arithmetic or a single numeric value
};

// One row of a banded item: [points] when the item's fact lies in the band, or is one of
// [values] (`for`). An open side is -inf / +inf after checking.
struct BandRow {
  enum class Shape : std::uint8_t { Below, From, FromBelow, For } shape = Shape::Below;
  Literal points;
  SourceSpan span;
  std::optional<Literal> low, high;  // as written
  double low_value = 0, high_value = 0;  // in the fact's canonical unit after checking
  std::vector<std::string> values;  // `for`: enum values, `true` or `false`
  std::vector<SourceSpan> value_spans;
  std::vector<std::uint32_t> value_ids;  // enum indices, or 1 true / 0 false, after checking
};

// Bands that apply when [guard] holds (always, when null).
struct BandGroup {
  ExprPtr guard;
  SourceSpan span;
  std::vector<BandRow> rows;
};

// `item NAME on FACT` bands, or `item NAME POINTS when CONDITION`.
struct ScoreItem {
  std::string name;
  SourceSpan span;
  std::string fact;  // empty for a condition item
  SourceSpan fact_span;
  std::uint32_t fact_id = kNoId;
  std::vector<BandGroup> groups;
  Literal points;       // a condition item's points
  ExprPtr condition;    // a condition item's condition
};

struct Score {
  std::string name;
  SourceSpan span;
  std::string title;
  std::vector<Citation> cites;
  std::vector<ScoreItem> items;
};

struct Flag {
  std::string name;
  SourceSpan span;
  std::string level;
  SourceSpan level_span;
  std::uint32_t level_id = kNoId;
  std::string title;
  ExprPtr condition;  // null only after a parse error
  SourceSpan when_span;
  std::string because;
  std::vector<Citation> cites;
  std::vector<std::string> advice;
  std::vector<std::string> see;
  std::vector<SourceSpan> see_spans;
  std::vector<std::uint32_t> see_ids;
};

struct Topic {
  std::string name;
  SourceSpan span;
  std::string title;
  ExprPtr condition;  // optional `when`
  std::vector<Citation> cites;
  std::string body;  // text blocks joined by blank lines, indentation removed
};

// One `given fact = value`.
struct Given {
  std::string fact;
  SourceSpan span;
  std::uint32_t fact_id = kNoId;
  enum class Kind : std::uint8_t { Unknown, Bool, Number, EnumValue } kind = Kind::Unknown;
  bool bool_value = false;
  Literal number;  // Number: value and unit as written
  std::string enum_value;
  double value = 0;  // after checking: the value in the fact's canonical unit / enum index
};

struct Expectation {
  enum class Kind : std::uint8_t { Urgency, Status, FlagsExactly, Fired, NotFired, Undetermined, Score };
  Kind kind = Kind::Urgency;
  double low = 0, high = 0;  // Score: the expected value (low == high) or bounds
  SourceSpan span;
  std::vector<std::string> names;  // level / status / flag names
  std::vector<SourceSpan> name_spans;
  std::vector<std::uint32_t> ids;  // level index, status (0 complete, 1 incomplete), flag or score indices
};

struct Test {
  std::string name;
  SourceSpan span;
  std::vector<Given> givens;
  std::vector<Expectation> expectations;
};

// A whole KB: every declaration of every file, in file order then source order.
struct Kb {
  std::vector<std::string> files;       // paths as given, for diagnostics; indexed by SourceLoc::file_id
  std::vector<std::string> file_names;  // the KB-relative names the bytecode stores, same index
  std::optional<KbHeader> header;
  std::optional<Levels> levels;
  std::vector<Source> sources;
  std::vector<Fact> facts;
  std::vector<Define> defines;
  std::vector<Flag> flags;
  std::vector<Score> scores;
  std::vector<Topic> topics;
  std::vector<Test> tests;
  std::vector<Comment> comments;
  // What syntax errors cut short: the parser drops a broken declaration, and the checks do not
  // report uses of its name as undefined (that would only repeat the syntax error).
  struct Unparsed {
    std::set<std::string> names;  // facts, defines, flags, scores, topics and sources
    bool header = false;          // the `kb` header is incomplete
    bool levels = false;          // the `levels` declaration is incomplete

    // Whether [name] may be the name of a broken declaration.
    bool has(const std::string& name) const { return names.count(name) != 0; }
  } unparsed;
};

}  // namespace redflag::ast
