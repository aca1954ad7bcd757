// The PEGTL actions for declarations and clauses (included by compiler/syntax/parse.cpp only).
//
// A declaration's name action starts it (ParseBuilder::start); the clause actions that follow
// fill in the last declaration of that kind. Text and numbers arrive through the builder's
// `pending_*` fields set by the lexical actions in parse_actions.hpp.
#pragma once

#include "compiler/syntax/parse_actions.hpp"

namespace redflag::internal {

// Generates an action that stores the pending text into [field] of the current declaration,
// at most once per declaration when [single] ("" for repeatable clauses).
#define REDFLAG_TEXT_ACTION(rule, single, statement)                      \
  template <> struct action<g::rule> {                                    \
    template <typename In> static void apply(const In& in, ParseBuilder& b) { \
      if (*single) b.once(single, span_of(in, b));                        \
      statement;                                                          \
    }                                                                     \
  };

// ---- kb ----

template <> struct action<g::kb_name> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.start(DeclKind::Kb, in.string());
    if (b.kb.header) {
      b.diagnostics.report<DiagKind::SecondDeclaration>(span_of(in, b), "kb", b.where(b.kb.header->span))
          .related.push_back(RelatedLocation{b.kb.header->span, "the first declaration is here"});
      b.spare_header = ast::KbHeader{};
      b.header = &b.spare_header;
    } else {
      b.header = &b.kb.header.emplace();
    }
    b.header->id = in.string();
    b.header->span = span_of(in, b);
  }
};

template <> struct action<g::title_text> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.once("title", span_of(in, b));
    (b.decl == DeclKind::Kb      ? b.header->title
     : b.decl == DeclKind::Score ? b.kb.scores.back().title
                                 : b.kb.flags.back().title) = b.pending_text;
  }
};

template <> struct action<g::kb_version> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.once("version", span_of(in, b));
    b.header->version = in.string();
    b.header->version_span = span_of(in, b);
  }
};

template <> struct action<g::kb_status> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.once("status", span_of(in, b));
    b.header->status = in.string();
    b.header->status_span = span_of(in, b);
  }
};

template <> struct action<g::kb_reviewed> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.once("reviewed", span_of(in, b));
    b.header->reviewed = in.string();
    b.header->reviewed_span = span_of(in, b);
  }
};

template <> struct action<g::kb_next_review> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.once("next_review", span_of(in, b));
    b.header->next_review = in.string();
    b.header->next_review_span = span_of(in, b);
  }
};

REDFLAG_TEXT_ACTION(kb_author, "", b.header->authors.push_back(b.pending_text))

// ---- source, levels ----

template <> struct action<g::source_name> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.start(DeclKind::Source, in.string());
    b.kb.sources.push_back(ast::Source{in.string(), span_of(in, b), {}, {}});
  }
};

REDFLAG_TEXT_ACTION(source_title, "", b.kb.sources.back().title = b.pending_text)
REDFLAG_TEXT_ACTION(source_url, "", b.kb.sources.back().url = b.pending_text)

template <> struct action<g::key_levels> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.start(DeclKind::Levels, {});
    if (b.kb.levels) {
      b.diagnostics.report<DiagKind::SecondDeclaration>(span_of(in, b), "levels", b.where(b.kb.levels->span))
          .related.push_back(RelatedLocation{b.kb.levels->span, "the first declaration is here"});
      b.spare_levels = ast::Levels{};
      b.levels = &b.spare_levels;
    } else {
      b.levels = &b.kb.levels.emplace();
    }
    b.levels->span = span_of(in, b);
  }
};

template <> struct action<g::level_name> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.levels->names.push_back(in.string());
    b.levels->spans.push_back(span_of(in, b));
  }
};

// ---- fact ----

template <> struct action<g::fact_name> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.start(DeclKind::Fact, in.string());
    ast::Fact& fact = b.kb.facts.emplace_back();
    fact.name = in.string();
    fact.span = span_of(in, b);
  }
};

template <> struct action<g::fact_type> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.kb.facts.back().type_span = span_of(in, b);
  }
};

template <> struct action<g::number_type> {
  template <typename In> static void apply(const In&, ParseBuilder& b) {
    b.kb.facts.back().type = ast::FactType::Number;
  }
};

template <> struct action<g::integer_type> {
  template <typename In> static void apply(const In&, ParseBuilder& b) {
    b.kb.facts.back().type = ast::FactType::Integer;
  }
};

template <> struct action<g::dimension> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    ast::Fact& fact = b.kb.facts.back();
    fact.type = ast::FactType::Quantity;
    for (const Dimension dimension :
         {Dimension::Mass, Dimension::Time, Dimension::Length, Dimension::Temperature,
          Dimension::Quantity}) {
      if (dimension_name(dimension) == in.string()) fact.dimension = dimension;
    }
  }
};

template <> struct action<g::fact_unit> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.kb.facts.back().unit = in.string();
    b.kb.facts.back().unit_span = span_of(in, b);
  }
};

template <> struct action<g::range_low> {
  template <typename In> static void apply(const In&, ParseBuilder& b) {
    b.kb.facts.back().min = b.pending_literal;
  }
};

template <> struct action<g::range_high> {
  template <typename In> static void apply(const In&, ParseBuilder& b) {
    b.kb.facts.back().max = b.pending_literal;
  }
};

template <> struct action<g::enum_value> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    ast::Fact& fact = b.kb.facts.back();
    fact.type = ast::FactType::Enum;
    fact.enum_values.push_back(in.string());
    fact.enum_spans.push_back(span_of(in, b));
  }
};

template <> struct action<g::text_type> {
  template <typename In> static void apply(const In&, ParseBuilder& b) {
    b.kb.facts.back().type = ast::FactType::Text;
  }
};

REDFLAG_TEXT_ACTION(fact_ask, "ask", b.kb.facts.back().ask = b.pending_text)
REDFLAG_TEXT_ACTION(fact_means, "means", b.kb.facts.back().means = b.pending_text)

// ---- define, flag, topic ----

template <> struct action<g::define_name> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.start(DeclKind::Define, in.string());
    b.kb.defines.push_back(ast::Define{in.string(), span_of(in, b), nullptr});
  }
};

template <> struct action<g::define_condition> {
  template <typename In> static void apply(const In&, ParseBuilder& b) {
    b.kb.defines.back().condition = b.pop();
  }
};

template <> struct action<g::flag_name> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.start(DeclKind::Flag, in.string());
    ast::Flag& flag = b.kb.flags.emplace_back();
    flag.name = in.string();
    flag.span = span_of(in, b);
  }
};

template <> struct action<g::flag_level> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.kb.flags.back().level = in.string();
    b.kb.flags.back().level_span = span_of(in, b);
  }
};

template <> struct action<g::when_condition> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.once("when", span_of(in, b));
    if (b.decl == DeclKind::Flag) {
      b.kb.flags.back().condition = b.pop();
      b.kb.flags.back().when_span = span_of(in, b);
    } else {
      b.kb.topics.back().condition = b.pop();
    }
  }
};

REDFLAG_TEXT_ACTION(because_text, "because", b.kb.flags.back().because = b.pending_text)
REDFLAG_TEXT_ACTION(advise_text, "", b.kb.flags.back().advice.push_back(b.pending_text))

template <> struct action<g::see_topic> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.kb.flags.back().see.push_back(in.string());
    b.kb.flags.back().see_spans.push_back(span_of(in, b));
  }
};

template <> struct action<g::cite_source> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.cites().push_back(ast::Citation{in.string(), span_of(in, b), {}, ast::kNoId});
  }
};

REDFLAG_TEXT_ACTION(cite_section, "", b.cites().back().section = b.pending_text)

// ---- score ----

template <> struct action<g::score_name> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.start(DeclKind::Score, in.string());
    ast::Score& score = b.kb.scores.emplace_back();
    score.name = in.string();
    score.span = span_of(in, b);
  }
};

template <> struct action<g::item_name> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    ast::ScoreItem& item = b.kb.scores.back().items.emplace_back();
    item.name = in.string();
    item.span = span_of(in, b);
  }
};

// A banded item starts with one unguarded group; `when` opens the next.
template <> struct action<g::item_fact> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    ast::ScoreItem& item = b.kb.scores.back().items.back();
    item.fact = in.string();
    item.fact_span = span_of(in, b);
    item.groups.emplace_back().span = span_of(in, b);
  }
};

template <> struct action<g::group_guard> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    auto& groups = b.kb.scores.back().items.back().groups;
    if (groups.size() == 1 && groups.front().rows.empty() && !groups.front().guard) groups.clear();
    ast::BandGroup& group = groups.emplace_back();
    group.guard = b.pop();
    group.span = span_of(in, b);
  }
};

template <> struct action<g::item_points> {
  template <typename In> static void apply(const In&, ParseBuilder& b) { b.pending_points = b.pending_literal; }
};

template <> struct action<g::band_low> {
  template <typename In> static void apply(const In&, ParseBuilder& b) { b.band_low = b.pending_literal; }
};

template <> struct action<g::band_high> {
  template <typename In> static void apply(const In&, ParseBuilder& b) { b.band_high = b.pending_literal; }
};

// The band a row is about to get: starts a row on the last group of the last item.
inline ast::BandRow& new_row(ParseBuilder& b, ast::BandRow::Shape shape, const SourceSpan& span) {
  ast::BandRow& row = b.kb.scores.back().items.back().groups.back().rows.emplace_back();
  row.shape = shape;
  row.points = b.pending_points;
  row.span = span;
  return row;
}

template <> struct action<g::band_below> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    new_row(b, ast::BandRow::Shape::Below, span_of(in, b)).high = std::exchange(b.band_high, ast::Literal{});
  }
};

template <> struct action<g::band_from> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    const bool bounded = !b.band_high.text.empty();
    ast::BandRow& row =
        new_row(b, bounded ? ast::BandRow::Shape::FromBelow : ast::BandRow::Shape::From, span_of(in, b));
    row.low = b.band_low;
    if (bounded) row.high = std::exchange(b.band_high, ast::Literal{});
  }
};

template <> struct action<g::key_for> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    if (b.decl == DeclKind::Score) new_row(b, ast::BandRow::Shape::For, span_of(in, b));
  }
};

template <> struct action<g::band_value> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    ast::BandRow& row = b.kb.scores.back().items.back().groups.back().rows.back();
    row.values.push_back(in.string());
    row.value_spans.push_back(span_of(in, b));
  }
};

template <> struct action<g::item_condition> {
  template <typename In> static void apply(const In&, ParseBuilder& b) {
    ast::ScoreItem& item = b.kb.scores.back().items.back();
    item.points = b.pending_points;
    item.condition = b.pop();
  }
};

template <> struct action<g::topic_name> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.start(DeclKind::Topic, in.string());
    ast::Topic& topic = b.kb.topics.emplace_back();
    topic.name = in.string();
    topic.span = span_of(in, b);
  }
};

REDFLAG_TEXT_ACTION(topic_title, "", b.kb.topics.back().title = b.pending_text)

template <> struct action<g::topic_body> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.note_runaway_block(span_of(in, b), in.string());
    std::string& body = b.kb.topics.back().body;
    body += (body.empty() ? "" : "\n\n") + b.pending_text;
  }
};

// ---- test ----

template <> struct action<g::test_name> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    b.start(DeclKind::Test, b.pending_text);
    ast::Test& test = b.kb.tests.emplace_back();
    test.name = b.pending_text;
    test.span = span_of(in, b);
  }
};

template <> struct action<g::given_fact> {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    ast::Given& given = b.kb.tests.back().givens.emplace_back();
    given.fact = in.string();
    given.span = span_of(in, b);
  }
};

// Sets the kind (and value) of the last `given`.
template <ast::Given::Kind kKind, bool kValue>
struct given_kind_action {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    ast::Given& given = b.kb.tests.back().givens.back();
    given.kind = kKind;
    given.bool_value = kValue;
    if constexpr (kKind == ast::Given::Kind::Number) given.number = b.pending_literal;
    if constexpr (kKind == ast::Given::Kind::EnumValue) given.enum_value = in.string();
  }
};
template <> struct action<g::given_true> : given_kind_action<ast::Given::Kind::Bool, true> {};
template <> struct action<g::given_false> : given_kind_action<ast::Given::Kind::Bool, false> {};
template <> struct action<g::given_unknown> : given_kind_action<ast::Given::Kind::Unknown, false> {};
template <> struct action<g::given_number> : given_kind_action<ast::Given::Kind::Number, false> {};
template <> struct action<g::given_enum> : given_kind_action<ast::Given::Kind::EnumValue, false> {};

// Starts an expectation of [kKind] at the head keyword.
template <ast::Expectation::Kind kKind>
struct expectation_action {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    ast::Expectation& expectation = b.kb.tests.back().expectations.emplace_back();
    expectation.kind = kKind;
    expectation.span = span_of(in, b);
  }
};
using Kind = ast::Expectation::Kind;
template <> struct action<g::expect_urgency> : expectation_action<Kind::Urgency> {};
template <> struct action<g::expect_status> : expectation_action<Kind::Status> {};
template <> struct action<g::expect_flags> : expectation_action<Kind::FlagsExactly> {};
template <> struct action<g::expect_no_flags> : expectation_action<Kind::FlagsExactly> {};
template <> struct action<g::expect_fired> : expectation_action<Kind::Fired> {};
template <> struct action<g::expect_not_fired> : expectation_action<Kind::NotFired> {};
template <> struct action<g::expect_undetermined> : expectation_action<Kind::Undetermined> {};
template <> struct action<g::expect_score> : expectation_action<Kind::Score> {};

// A level, flag or status name of the last expectation.
struct expected_name_action {
  template <typename In> static void apply(const In& in, ParseBuilder& b) {
    ast::Expectation& expectation = b.kb.tests.back().expectations.back();
    expectation.names.push_back(in.string());
    expectation.name_spans.push_back(span_of(in, b));
  }
};
template <> struct action<g::expected_name> : expected_name_action {};
template <> struct action<g::expected_level> : expected_name_action {};
template <> struct action<g::status_value> : expected_name_action {};
template <> struct action<g::expected_score> : expected_name_action {};

template <> struct action<g::score_exact> {
  template <typename In> static void apply(const In&, ParseBuilder& b) {
    ast::Expectation& expectation = b.kb.tests.back().expectations.back();
    expectation.low = expectation.high = b.pending_literal.value;
  }
};
template <> struct action<g::score_low> {
  template <typename In> static void apply(const In&, ParseBuilder& b) {
    b.kb.tests.back().expectations.back().low = b.pending_literal.value;
  }
};
template <> struct action<g::score_high> {
  template <typename In> static void apply(const In&, ParseBuilder& b) {
    b.kb.tests.back().expectations.back().high = b.pending_literal.value;
  }
};

#undef REDFLAG_TEXT_ACTION

}  // namespace redflag::internal
