// Type checks of banded score items: the item's fact, each band's shape and bounds in the fact's
// canonical unit (BandRow::low_value/high_value, value_ids), and that the bands of every group
// cover the fact's range with no gap and no overlap, so that no value silently scores nothing.
#include <algorithm>
#include <cmath>
#include <limits>

#include "compiler/check/check_phases.hpp"
#include "runtime/suggest.hpp"

namespace redflag::internal {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

bool is_numeric_fact(const ast::Fact& fact) {
  return fact.type == ast::FactType::Number || fact.type == ast::FactType::Integer ||
         fact.type == ast::FactType::Quantity;
}

// "20 /min", a bound in the fact's unit for messages.
std::string bound_text(double value, const ast::Fact& fact) {
  if (fact.type != ast::FactType::Quantity) return fmt::format("{}", value);
  return fmt::format("{} {}", value, fact.unit);
}

// "values from 21 /min to below 22 /min", the stretch [low, high) of [fact].
std::string stretch_text(double low, double high, const ast::Fact& fact) {
  if (low == -kInfinity) return fmt::format("values below {}", bound_text(high, fact));
  if (high == kInfinity) return fmt::format("values from {}", bound_text(low, fact));
  if (low == high) return fmt::format("the value {}", bound_text(low, fact));
  return fmt::format("values from {} to below {}", bound_text(low, fact), bound_text(high, fact));
}

class BandChecker {
 public:
  BandChecker(const ast::Kb& kb, Diagnostics& diagnostics) : kb_(kb), diagnostics_(diagnostics) {}

  void item(ast::ScoreItem& item, const ast::Fact& fact) {
    for (auto& group : item.groups) {
      bool shapes_fit = true;
      for (auto& row : group.rows) shapes_fit = row_fits(item, fact, row) && shapes_fit;
      if (!shapes_fit || group.rows.empty()) continue;
      if (group.rows.front().shape == ast::BandRow::Shape::For) {
        cover_values(item, fact, group);
      } else {
        cover_range(item, fact, group);
      }
    }
  }

 private:
  // Checks [row]'s shape against [fact] and sets its bounds or value ids; false on an error.
  bool row_fits(const ast::ScoreItem& item, const ast::Fact& fact, ast::BandRow& row) {
    if (row.shape == ast::BandRow::Shape::For) return values_fit(item, fact, row);
    if (!is_numeric_fact(fact)) {
      diagnostics_.report<DiagKind::BandNeedsNumber>(row.span, row.low ? "from" : "below", item.name,
                                                     describe_fact(fact));
      return false;
    }
    row.low_value = -kInfinity;
    row.high_value = kInfinity;
    if (row.low) {
      const auto low = literal_value(*row.low, fact, diagnostics_);
      if (!low) return false;
      row.low_value = *low;
    }
    if (row.high) {
      const auto high = literal_value(*row.high, fact, diagnostics_);
      if (!high) return false;
      row.high_value = *high;
    }
    if (row.low_value < row.high_value) return true;
    diagnostics_.report<DiagKind::EmptyBand>(row.span, fmt::format("from {} below {}", literal_text(*row.low),
                                                                   literal_text(*row.high)),
                                             item.name);
    return false;
  }

  bool values_fit(const ast::ScoreItem& item, const ast::Fact& fact, ast::BandRow& row) {
    if (fact.type != ast::FactType::Enum && fact.type != ast::FactType::Bool) {
      diagnostics_.report<DiagKind::ForNeedsValues>(row.span, item.name, describe_fact(fact));
      return false;
    }
    bool fits = true;
    for (std::size_t i = 0; i < row.values.size(); ++i) {
      const std::string& value = row.values[i];
      if (fact.type == ast::FactType::Bool && (value == "true" || value == "false")) {
        row.value_ids.push_back(value == "true" ? 1 : 0);
        continue;
      }
      const auto it = std::find(fact.enum_values.begin(), fact.enum_values.end(), value);
      if (it != fact.enum_values.end()) {
        row.value_ids.push_back(static_cast<std::uint32_t>(it - fact.enum_values.begin()));
        continue;
      }
      std::vector<std::string_view> values(fact.enum_values.begin(), fact.enum_values.end());
      if (fact.type == ast::FactType::Bool) values = {"true", "false"};
      diagnostics_.report<DiagKind::UnknownEnumValue>(row.value_spans[i], value, describe_fact(fact),
                                                      did_you_mean(value, values));
      fits = false;
    }
    return fits;
  }

  // Each value of the enum (or bool) scores in exactly one row.
  void cover_values(const ast::ScoreItem& item, const ast::Fact& fact, const ast::BandGroup& group) {
    const std::size_t count = fact.type == ast::FactType::Bool ? 2 : fact.enum_values.size();
    const auto value_name = [&](std::uint32_t id) -> std::string {
      if (fact.type == ast::FactType::Bool) return id == 1 ? "true" : "false";
      return fact.enum_values[id];
    };
    std::vector<const ast::BandRow*> scored_by(count, nullptr);
    for (const auto& row : group.rows) {
      for (std::size_t i = 0; i < row.value_ids.size(); ++i) {
        const std::uint32_t id = row.value_ids[i];
        if (scored_by[id]) {
          diagnostics_.report<DiagKind::BandOverlap>(row.value_spans[i], item.name,
                                                     fmt::format("`{}`", source_text(*scored_by[id])),
                                                     fmt::format("`{}`", source_text(row)),
                                                     fmt::format("`{}`", value_name(id)));
        }
        scored_by[id] = &row;
      }
    }
    std::string missing;
    for (std::uint32_t id = 0; id < count; ++id) {
      if (!scored_by[id]) missing += fmt::format("{}`{}`", missing.empty() ? "" : ", ", value_name(id));
    }
    if (!missing.empty()) {
      diagnostics_.report<DiagKind::BandGap>(group.span, item.name, missing,
                                             "; give every value a row, with 0 points where it scores none");
    }
  }

  // The bands, sorted, join end to start from the lowest value of the fact's range to the highest.
  void cover_range(const ast::ScoreItem& item, const ast::Fact& fact, const ast::BandGroup& group) {
    std::vector<const ast::BandRow*> rows;
    for (const auto& row : group.rows) rows.push_back(&row);
    std::stable_sort(rows.begin(), rows.end(),
                     [](const ast::BandRow* a, const ast::BandRow* b) { return a->low_value < b->low_value; });
    const bool ranged = fact.min && fact.max;
    const double lowest = ranged ? fact.min_value : -kInfinity;
    const double highest = ranged ? fact.max_value : kInfinity;
    const std::string range_hint =
        ranged ? fmt::format("; the fact's range is {} to {}", literal_text(*fact.min), literal_text(*fact.max))
               : "; the fact has no range, so the bands must run from `below` to `from`";
    if (rows.front()->low_value > lowest) {
      gap(item, fact, group.span, lowest, rows.front()->low_value, range_hint);
    }
    const ast::BandRow* reach = rows.front();  // the row reaching highest so far
    for (std::size_t i = 1; i < rows.size(); ++i) {
      const ast::BandRow& row = *rows[i];
      if (row.low_value < reach->high_value) {
        diagnostics_.report<DiagKind::BandOverlap>(
            row.span, item.name, fmt::format("`{}`", source_text(*reach)), fmt::format("`{}`", source_text(row)),
            stretch_text(row.low_value, std::min(reach->high_value, row.high_value), fact));
      } else if (row.low_value > reach->high_value && row.low_value > lowest && reach->high_value <= highest) {
        gap(item, fact, row.span, reach->high_value, row.low_value, "");
      }
      if (row.high_value > reach->high_value) reach = &row;
    }
    if (reach->high_value <= highest) gap(item, fact, group.span, reach->high_value, kInfinity, range_hint);
  }

  void gap(const ast::ScoreItem& item, const ast::Fact& fact, const SourceSpan& at, double low, double high,
           const std::string& hint) {
    const std::string stretch = high == kInfinity && low != -kInfinity && fact.max
                                    ? fmt::format("values from {} to {}", bound_text(low, fact),
                                                  literal_text(*fact.max))
                                    : stretch_text(low, high, fact);
    diagnostics_.report<DiagKind::BandGap>(at, item.name, stretch, hint);
  }

  // "1 from 9 /min below 12 /min", "3 for v, p", a row as written.
  static std::string source_text(const ast::BandRow& row) {
    std::string text = row.points.text;
    if (row.low) text += " from " + literal_text(*row.low);
    if (row.high) text += " below " + literal_text(*row.high);
    if (!row.values.empty()) text += fmt::format(" for {}", fmt::join(row.values, ", "));
    return text;
  }

  const ast::Kb& kb_;
  Diagnostics& diagnostics_;
};

}  // namespace

void check_scores(ast::Kb& kb, const Symbols& symbols, Diagnostics& diagnostics) {
  BandChecker checker(kb, diagnostics);
  for (auto& score : kb.scores) {
    for (auto& item : score.items) {
      if (item.fact.empty()) continue;
      item.fact_id = symbols.facts.find(item.fact);
      if (item.fact_id == ast::kNoId) {
        if (kb.unparsed.has(item.fact)) continue;
        diagnostics.report<DiagKind::UndefinedFact>(item.fact_span, item.fact,
                                                    did_you_mean(item.fact, symbols.facts.names));
        continue;
      }
      checker.item(item, kb.facts[item.fact_id]);
    }
  }
}

}  // namespace redflag::internal
