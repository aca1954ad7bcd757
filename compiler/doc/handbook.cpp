// The handbook's content and order (compiler/doc/handbook.hpp), independent of the output format:
// about the KB, sources, the overview diagram, the red flags (highest urgency first), the
// topics, and the facts a case may give. Writers (internal/handbook_writer.hpp) render it.
#include "compiler/doc/handbook.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <set>

#include "compiler/doc/handbook_writer.hpp"

namespace redflag {
namespace {

using internal::Inline;
using internal::Rich;

// What one flag's condition refers to: its facts (ascending ids, through defines and scores
// too) and the defines and scores it uses, directly or through others, in order of first use.
struct Uses {
  std::set<std::uint32_t> facts;
  std::vector<std::uint32_t> defines;
  std::vector<std::uint32_t> scores;
};

void collect_uses(const ast::Kb& kb, const ast::Expr& expr, Uses& uses) {
  if (expr.ref == ast::RefKind::Fact) uses.facts.insert(expr.ref_id);
  if (expr.ref == ast::RefKind::Define &&
      std::find(uses.defines.begin(), uses.defines.end(), expr.ref_id) == uses.defines.end()) {
    uses.defines.push_back(expr.ref_id);
    collect_uses(kb, *kb.defines[expr.ref_id].condition, uses);
  }
  if (expr.kind == ast::ExprKind::Name && (expr.ref == ast::RefKind::Score || expr.ref == ast::RefKind::Item) &&
      std::find(uses.scores.begin(), uses.scores.end(), expr.ref_id) == uses.scores.end()) {
    uses.scores.push_back(expr.ref_id);
    for (const auto& item : kb.scores[expr.ref_id].items) {
      if (item.fact_id != ast::kNoId) uses.facts.insert(item.fact_id);
      if (item.condition) collect_uses(kb, *item.condition, uses);
      for (const auto& group : item.groups) {
        if (group.guard) collect_uses(kb, *group.guard, uses);
      }
    }
  }
  for (const auto& child : expr.children) collect_uses(kb, *child, uses);
}

std::string type_text(const ast::Fact& fact) {
  const auto range = [&fact] {
    if (!fact.min) return std::string();
    const auto bound = [](const ast::Literal& literal) {
      return literal.unit.empty() ? literal.text : literal.text + " " + unit_label(literal.unit);
    };
    return fmt::format(", from {} to {}", bound(*fact.min), bound(*fact.max));
  };
  switch (fact.type) {
    case ast::FactType::Bool: return "yes or no";
    case ast::FactType::Number: return "a number" + range();
    case ast::FactType::Integer: return "an integer" + range();
    case ast::FactType::Quantity:
      return fmt::format("a {} in {}{}", dimension_name(fact.dimension), unit_label(fact.unit),
                         range());
    case ast::FactType::Enum: {
      std::vector<std::string> values;
      for (const auto& value : fact.enum_values) values.push_back(words(value));
      return fmt::format("one of: {}", fmt::join(values, ", "));
    }
    case ast::FactType::Text: return "free text";
  }
  return {};
}

class Handbook {
 public:
  Handbook(const ast::Kb& kb, internal::HandbookWriter& out) : kb_(kb), out_(out) {
    flag_order_.resize(kb.flags.size());
    std::iota(flag_order_.begin(), flag_order_.end(), 0);
    std::stable_sort(flag_order_.begin(), flag_order_.end(), [&kb](std::uint32_t a, std::uint32_t b) {
      return kb.flags[a].level_id > kb.flags[b].level_id;
    });
  }

  void write() {
    const ast::KbHeader& header = *kb_.header;
    out_.title(header.title, fmt::format("Knowledge base {} · version {} · {}", header.id,
                                         header.version, header.status));
    about(header);
    overview();
    flags();
    if (!kb_.scores.empty()) scores();
    topics();
    facts();
  }

 private:
  void about(const ast::KbHeader& header) {
    out_.heading(2, "About this knowledge base", "about");
    std::vector<std::pair<std::string, Rich>> fields{
        {"Status", {{status_text(header.status), ""}}},
        {"Version", {{header.version, ""}}},
        {"Reviewed", {{header.reviewed.empty() ? "not stated" : header.reviewed, ""}}},
        {"Next review", {{header.next_review.empty() ? "not stated" : header.next_review, ""}}},
    };
    if (!header.authors.empty()) {
      fields.push_back({"Authors", {{fmt::format("{}", fmt::join(header.authors, "; ")), ""}}});
    }
    for (const auto& source : kb_.sources) {
      Rich value{{source.title, ""}};
      if (!source.url.empty()) value.push_back({" — " + source.url, ""});
      fields.push_back({"Source " + source.id, value});
    }
    fields.push_back({"Contents", {{fmt::format("{} red flags, {} topics, {} facts, {} tests",
                                                kb_.flags.size(), kb_.topics.size(),
                                                kb_.facts.size(), kb_.tests.size()), ""}}});
    out_.fields(fields);
    out_.paragraph({{fmt::format(
        "A red flag fires when its condition is true. The urgency of a case is the highest "
        "urgency among the flags that fired, and {} when none did. A fact the case does not "
        "give is unknown, never assumed absent: a flag that depends on it is undetermined, and "
        "the case is reported incomplete. The tests are worked examples checked on every build.",
        kb_.levels->names.front()), ""}});
  }

  static std::string status_text(const std::string& status) {
    if (status == "draft") return "draft — not yet approved for clinical use";
    if (status == "retired") return "retired — no longer maintained";
    return "active";
  }

  void overview() {
    out_.heading(2, "Overview: facts, flags and urgency", "overview");
    internal::Diagram diagram;
    diagram.caption = fmt::format("Urgency levels, lowest first: {}. Each line joins a fact to a flag "
                                  "that reads it, and each flag to its urgency.",
                                  fmt::join(kb_.levels->names, " < "));
    const auto& levels = kb_.levels->names;
    diagram.levels.assign(levels.rbegin(), levels.rend());
    std::vector<double> fact_rank(kb_.facts.size(), 0);
    std::vector<int> fact_readers(kb_.facts.size(), 0);
    for (std::size_t i = 0; i < flag_order_.size(); ++i) {
      const ast::Flag& flag = kb_.flags[flag_order_[i]];
      diagram.flags.push_back(flag.title);
      diagram.flag_level.push_back(levels.size() - 1 - flag.level_id);
      Uses uses;
      collect_uses(kb_, *flag.condition, uses);
      for (const std::uint32_t fact : uses.facts) {
        fact_rank[fact] += static_cast<double>(i);
        ++fact_readers[fact];
        diagram.reads.emplace_back(fact, i);
      }
    }
    // Facts in the order of the flags that read them (their mean row), so few lines cross.
    std::vector<std::size_t> facts;
    for (std::size_t fact = 0; fact < kb_.facts.size(); ++fact) {
      if (fact_readers[fact] > 0) facts.push_back(fact);
    }
    std::stable_sort(facts.begin(), facts.end(), [&](std::size_t a, std::size_t b) {
      return fact_rank[a] / fact_readers[a] < fact_rank[b] / fact_readers[b];
    });
    std::vector<std::size_t> row(kb_.facts.size());
    for (std::size_t i = 0; i < facts.size(); ++i) {
      row[facts[i]] = i;
      diagram.facts.push_back(words(kb_.facts[facts[i]].name));
    }
    for (auto& read : diagram.reads) read.first = row[read.first];
    out_.diagram(diagram);
  }

  // "Title, sections “A”, “B”; Other title": consecutive citations of one source share it.
  Rich citations(const std::vector<ast::Citation>& cites) const {
    Rich text;
    for (std::size_t i = 0; i < cites.size();) {
      std::size_t end = i + 1;
      while (end < cites.size() && cites[end].source_id == cites[i].source_id) ++end;
      std::vector<std::string> sections;
      for (std::size_t j = i; j < end; ++j) {
        if (!cites[j].section.empty()) sections.push_back("“" + cites[j].section + "”");
      }
      std::string entry = kb_.sources[cites[i].source_id].title;
      if (!sections.empty()) {
        entry += fmt::format(", section{} {}", sections.size() > 1 ? "s" : "", fmt::join(sections, ", "));
      }
      text.push_back({(text.empty() ? "" : "; ") + entry, ""});
      i = end;
    }
    return text;
  }

  void flags() {
    out_.heading(2, "Red flags", "flags");
    for (const std::uint32_t id : flag_order_) {
      const ast::Flag& flag = kb_.flags[id];
      out_.begin_card(flag.level);
      out_.heading(3, flag.title, "flag-" + flag.name);
      std::vector<std::pair<std::string, Rich>> fields{
          {"Urgency", {{flag.level, ""}}},
          {"When", {{plain_condition(kb_, *flag.condition), ""}}},
      };
      Uses uses;
      collect_uses(kb_, *flag.condition, uses);
      for (const std::uint32_t define : uses.defines) {
        fields.push_back({"“" + words(kb_.defines[define].name) + "” means",
                          {{plain_condition(kb_, *kb_.defines[define].condition), ""}}});
      }
      if (!flag.cites.empty()) fields.push_back({"Sources", citations(flag.cites)});
      if (!flag.see.empty()) {
        Rich topics;
        for (const std::uint32_t topic : flag.see_ids) {
          if (!topics.empty()) topics.push_back({", ", ""});
          topics.push_back({kb_.topics[topic].title, "topic-" + kb_.topics[topic].name});
        }
        fields.push_back({"Related topics", topics});
      }
      fields.push_back({"Rule id", {{flag.name, ""}}});
      out_.fields(fields);
      if (!flag.because.empty()) {
        out_.paragraph({{"Why it matters:", ""}});
        out_.prose(internal::prose_blocks(flag.because));
      }
      if (!flag.advice.empty()) {
        out_.paragraph({{"Advice:", ""}});
        std::vector<Rich> advice;
        for (const auto& line : flag.advice) advice.push_back({{line, ""}});
        out_.bullets(advice);
      }
      out_.end_card();
    }
  }

  // Each score as its published table: one row per band or condition, with its points.
  void scores() {
    out_.heading(2, "Scores", "scores");
    for (const ast::Score& score : kb_.scores) {
      out_.begin_card("");
      out_.heading(3, score.title.empty() ? words(score.name) : score.title, "score-" + score.name);
      std::vector<std::pair<std::string, Rich>> fields{
          {"Score", {{"the sum of the points of its items; with unknown items, a range", ""}}}};
      if (!score.cites.empty()) fields.push_back({"Sources", citations(score.cites)});
      fields.push_back({"Rule id", {{score.name, ""}}});
      out_.fields(fields);
      std::vector<std::vector<std::string>> rows;
      for (const ast::ScoreItem& item : score.items) {
        if (item.condition) {
          rows.push_back({words(item.name), plain_condition(kb_, *item.condition), item.points.text});
          rows.push_back({"", "otherwise", "0"});
          continue;
        }
        const ast::Fact& fact = kb_.facts[item.fact_id];
        std::string label = fact_label(fact);
        for (const ast::BandGroup& group : item.groups) {
          if (group.guard) {
            rows.push_back({label, "when " + plain_condition(kb_, *group.guard) + ":", ""});
            label.clear();
          }
          for (const ast::BandRow& row : group.rows) {
            rows.push_back({label, band_text(fact, row), row.points.text});
            label.clear();
          }
        }
      }
      out_.table({"Item", "Band", "Points"}, rows);
      out_.end_card();
    }
  }

  // "from 9 /min to below 12 /min", "alert or voice": a band as the chart reads it.
  static std::string band_text(const ast::Fact& fact, const ast::BandRow& row) {
    const auto bound = [&fact](const ast::Literal& literal) {
      const std::string& unit = literal.unit.empty() && fact.type == ast::FactType::Quantity ? fact.unit : literal.unit;
      return unit.empty() ? literal.text : literal.text + " " + unit_label(unit);
    };
    switch (row.shape) {
      case ast::BandRow::Shape::Below: return "below " + bound(*row.high);
      case ast::BandRow::Shape::From: return bound(*row.low) + " or more";
      case ast::BandRow::Shape::FromBelow: return "from " + bound(*row.low) + " to below " + bound(*row.high);
      case ast::BandRow::Shape::For: break;
    }
    std::vector<std::string> values;
    for (const auto& value : row.values) values.push_back(value == "true" ? "yes" : value == "false" ? "no" : words(value));
    return fmt::format("{}", fmt::join(values, " or "));
  }

  void topics() {
    out_.heading(2, "Topics", "topics");
    for (std::uint32_t id = 0; id < kb_.topics.size(); ++id) {
      const ast::Topic& topic = kb_.topics[id];
      out_.begin_card("");
      out_.heading(3, topic.title, "topic-" + topic.name);
      std::vector<std::pair<std::string, Rich>> fields;
      Rich linked;
      for (const std::uint32_t flag : flag_order_) {
        const auto& see = kb_.flags[flag].see_ids;
        if (std::find(see.begin(), see.end(), id) == see.end()) continue;
        if (!linked.empty()) linked.push_back({", ", ""});
        linked.push_back({kb_.flags[flag].title, "flag-" + kb_.flags[flag].name});
      }
      if (!linked.empty()) fields.push_back({"Shown with the flags", linked});
      if (topic.condition) {
        fields.push_back({"Also shown when", {{plain_condition(kb_, *topic.condition), ""}}});
      }
      if (!topic.cites.empty()) fields.push_back({"Sources", citations(topic.cites)});
      out_.fields(fields);
      out_.prose(internal::prose_blocks(topic.body));
      out_.end_card();
    }
  }

  void facts() {
    out_.heading(2, "Facts a case may give", "facts");
    std::vector<std::vector<std::string>> rows;
    for (const auto& fact : kb_.facts) {
      rows.push_back({fact_label(fact), fact.ask.empty() ? "—" : fact.ask, type_text(fact)});
    }
    out_.table({"Fact", "Question", "Answer"}, rows);
  }

  const ast::Kb& kb_;
  internal::HandbookWriter& out_;
  std::vector<std::uint32_t> flag_order_;  // highest urgency first, KB order among equals
};

}  // namespace

std::string render_handbook(const ast::Kb& kb, HandbookFormat format) {
  const auto writer = format == HandbookFormat::Markdown ? internal::make_markdown_writer()
                                                         : internal::make_html_writer(kb.levels->names);
  Handbook(kb, *writer).write();
  return writer->finish();
}

}  // namespace redflag
