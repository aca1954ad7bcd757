// The structural half of `redflag diff`: tables compared entry by entry, matched by name.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>

#include "tools/diff/structural_diff.hpp"
#include "runtime/condition_text.hpp"
#include "runtime/disasm.hpp"

namespace redflag::tools {
namespace {

constexpr std::string_view kStatusNames[] = {"draft", "active", "retired"};
static_assert(std::size(kStatusNames) == static_cast<std::size_t>(KbStatus::Retired) + 1,
              "kStatusNames follows KbStatus");

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

// How a fact's type reads in the rule language: `mass in [lb_av] between 0 and 100`.
std::string type_text(const Image& image, std::uint32_t index) {
  const ImageFact& fact = image.facts[index];
  std::string text;
  switch (fact.type) {
    case FactType::Bool: return "bool";
    case FactType::Text: return "text";
    case FactType::Enum: return "one of " + join(fact.values, ", ");
    case FactType::Number: text = "number"; break;
    case FactType::Integer: text = "integer"; break;
    case FactType::Quantity: text = std::string(dimension_name(fact.dimension)) + " in " + fact.unit; break;
  }
  if (!std::isnan(fact.min)) {
    text += " between " + value_text(image, index, fact.min) + " and " + value_text(image, index, fact.max);
  }
  return text;
}

std::string citation_text(const Image& image, const ImageCitation& cite) {
  const std::string& source = image.meta.sources.at(cite.source).id;
  return cite.section.empty() ? source : source + " " + quoted(cite.section);
}

std::vector<std::string> citations(const Image& image, const std::vector<ImageCitation>& cites) {
  std::vector<std::string> out;
  for (const auto& cite : cites) out.push_back(citation_text(image, cite));
  return out;
}

// Collects the changes of one item, each with the bump it needs.
class ItemDiff {
 public:
  ItemDiff(std::string kind, std::string name) { item_.kind = std::move(kind), item_.name = std::move(name); }

  void field(const std::string& name, const std::string& old_value, const std::string& new_value, Bump bump,
             const std::string& why) {
    if (old_value == new_value) return;
    item_.fields.push_back({name, old_value, new_value});
    need(bump, why);
  }

  // A list field: each element removed, then each added; a pure reordering as one change.
  void list(const std::string& name, const std::vector<std::string>& old_items,
            const std::vector<std::string>& new_items, Bump bump, const std::string& why) {
    if (old_items == new_items) return;
    bool any = false;
    for (const auto& item : old_items) {
      if (std::find(new_items.begin(), new_items.end(), item) != new_items.end()) continue;
      item_.fields.push_back({name, item, ""});
      any = true;
    }
    for (const auto& item : new_items) {
      if (std::find(old_items.begin(), old_items.end(), item) != old_items.end()) continue;
      item_.fields.push_back({name, "", item});
      any = true;
    }
    if (!any) item_.fields.push_back({name + " order", join(old_items, ", "), join(new_items, ", ")});
    need(bump, why);
  }

  void need(Bump bump, const std::string& why) {
    if (bump <= item_.bump) return;
    item_.bump = bump;
    item_.why = why;
  }

  void emit(std::vector<ItemChange>& out) {
    if (!item_.fields.empty()) out.push_back(std::move(item_));
  }

 private:
  ItemChange item_;
};

template <typename Entry>
const std::string& name_of(const Entry& entry) {
  return entry.name;
}
const std::string& name_of(const ImageSource& source) { return source.id; }

// Matches the entries of two tables by name: [on_removed] and [on_added] for the unmatched,
// [on_both] for each pair, in the new table's order after the removed ones.
template <typename Entry, typename Removed, typename Added, typename Both>
void match(const std::vector<Entry>& old_table, const std::vector<Entry>& new_table, Removed on_removed,
           Added on_added, Both on_both) {
  std::map<std::string_view, std::uint32_t> old_index;
  for (std::uint32_t i = 0; i < old_table.size(); ++i) old_index.emplace(name_of(old_table[i]), i);
  std::map<std::string_view, std::uint32_t> new_index;
  for (std::uint32_t i = 0; i < new_table.size(); ++i) new_index.emplace(name_of(new_table[i]), i);
  for (std::uint32_t i = 0; i < old_table.size(); ++i) {
    if (new_index.count(name_of(old_table[i])) == 0) on_removed(i);
  }
  for (std::uint32_t i = 0; i < new_table.size(); ++i) {
    const auto found = old_index.find(name_of(new_table[i]));
    if (found == old_index.end()) {
      on_added(i);
    } else {
      on_both(found->second, i);
    }
  }
}

ItemChange whole(std::string kind, std::string name, ItemChangeKind change, Bump bump, std::string why) {
  return {std::move(kind), std::move(name), change, {}, bump, std::move(why)};
}

class StructuralDiff {
 public:
  StructuralDiff(const Image& old_kb, const Image& new_kb)
      : old_(old_kb), new_(new_kb), old_text_(decompile_conditions(old_kb)), new_text_(decompile_conditions(new_kb)) {}

  std::vector<ItemChange> run() {
    header();
    levels();
    facts();
    defines();
    numbers();
    flags();
    topics();
    sources();
    tests();
    return std::move(out_);
  }

 private:
  void header() {
    ItemDiff item("kb", new_.meta.id);
    const Bump text = Bump::Patch;
    item.field("id", old_.meta.id, new_.meta.id, text, "the KB id changed");
    item.field("title", old_.meta.title, new_.meta.title, text, "the KB title changed");
    item.field("version", old_.meta.version, new_.meta.version, Bump::None, "");
    item.field("status", std::string(kStatusNames[static_cast<int>(old_.meta.status)]),
               std::string(kStatusNames[static_cast<int>(new_.meta.status)]), text, "the KB status changed");
    item.field("reviewed", old_.meta.reviewed, new_.meta.reviewed, Bump::None, "");
    item.field("next_review", old_.meta.next_review, new_.meta.next_review, Bump::None, "");
    item.list("author", old_.meta.authors, new_.meta.authors, text, "the authors changed");
    item.emit(out_);
  }

  void levels() {
    std::vector<std::string> old_common, new_common;
    for (const auto& level : old_.levels) {
      if (std::find(new_.levels.begin(), new_.levels.end(), level) == new_.levels.end()) {
        out_.push_back(whole("level", level, ItemChangeKind::Removed, Bump::Major, "level `" + level + "` removed"));
      } else {
        old_common.push_back(level);
      }
    }
    for (const auto& level : new_.levels) {
      if (std::find(old_.levels.begin(), old_.levels.end(), level) == old_.levels.end()) {
        out_.push_back(whole("level", level, ItemChangeKind::Added, Bump::Minor, "level `" + level + "` added"));
      } else {
        new_common.push_back(level);
      }
    }
    ItemDiff order("levels", "order");
    order.field("order", join(old_common, " < "), join(new_common, " < "), Bump::Major, "the levels were reordered");
    order.emit(out_);
  }

  void facts() {
    match(
        old_.facts, new_.facts,
        [&](std::uint32_t i) {
          out_.push_back(whole("fact", old_.facts[i].name, ItemChangeKind::Removed, Bump::Major,
                               "fact `" + old_.facts[i].name + "` removed: cases that give it are rejected"));
        },
        [&](std::uint32_t i) {
          out_.push_back(whole("fact", new_.facts[i].name, ItemChangeKind::Added, Bump::Minor,
                               "fact `" + new_.facts[i].name + "` added"));
        },
        [&](std::uint32_t o, std::uint32_t n) {
          const ImageFact& a = old_.facts[o];
          const ImageFact& b = new_.facts[n];
          ItemDiff item("fact", b.name);
          const bool same_kind = a.type == b.type && (a.type != FactType::Enum || a.values == b.values);
          const bool values_kept = a.type == b.type && a.type == FactType::Enum &&
                                   std::all_of(a.values.begin(), a.values.end(), [&](const std::string& value) {
                                     return std::find(b.values.begin(), b.values.end(), value) != b.values.end();
                                   });
          const bool range_kept = a.type == b.type && a.unit == b.unit && !(b.min > a.min) && !(b.max < a.max) &&
                                  (std::isnan(b.min) || !std::isnan(a.min)) && (std::isnan(b.max) || !std::isnan(a.max));
          const Bump type_bump = (same_kind && range_kept) || values_kept ? Bump::Minor : Bump::Major;
          item.field("type", type_text(old_, o), type_text(new_, n), type_bump,
                     type_bump == Bump::Major ? "fact `" + b.name + "` accepts fewer values: some cases are rejected"
                                              : "fact `" + b.name + "` accepts more values");
          item.field("ask", a.ask, b.ask, Bump::Patch, "question text changed");
          item.field("means", a.means, b.means, Bump::Patch, "description changed");
          item.emit(out_);
        });
  }

  void defines() {
    match(
        old_.defines, new_.defines,
        [&](std::uint32_t i) { out_.push_back(whole("define", old_.defines[i].name, ItemChangeKind::Removed, Bump::None, "")); },
        [&](std::uint32_t i) { out_.push_back(whole("define", new_.defines[i].name, ItemChangeKind::Added, Bump::None, "")); },
        [&](std::uint32_t o, std::uint32_t n) {
          ItemDiff item("define", new_.defines[n].name);
          item.field("condition", old_text_.defines[o], new_text_.defines[n], Bump::Minor,
                     "define `" + new_.defines[n].name + "` changed its condition");
          item.emit(out_);
        });
  }

  // Scores, their items and numeric defines, compared as decompiled expressions.
  void numbers() {
    const auto kind = [](const ImageNumber& number) {
      switch (number.kind) {
        case NumberKind::Define: return std::string("define");
        case NumberKind::Score: return std::string("score");
        case NumberKind::Item: return std::string("score item");
      }
      return std::string();
    };
    match(
        old_.numbers, new_.numbers,
        [&](std::uint32_t i) {
          out_.push_back(whole(kind(old_.numbers[i]), old_.numbers[i].name, ItemChangeKind::Removed, Bump::None, ""));
        },
        [&](std::uint32_t i) {
          out_.push_back(whole(kind(new_.numbers[i]), new_.numbers[i].name, ItemChangeKind::Added, Bump::None, ""));
        },
        [&](std::uint32_t o, std::uint32_t n) {
          const ImageNumber& a = old_.numbers[o];
          const ImageNumber& b = new_.numbers[n];
          ItemDiff item(kind(b), b.name);
          item.field("value", old_text_.numbers[o], new_text_.numbers[n], Bump::Minor,
                     kind(b) + " `" + b.name + "` changed how it is computed");
          item.field("unit", a.unit, b.unit, Bump::Minor, kind(b) + " `" + b.name + "` changed its unit");
          item.field("title", a.title, b.title, Bump::Patch, "text changed");
          item.list("cite", citations(old_, a.cites), citations(new_, b.cites), Bump::Patch, "text changed");
          item.emit(out_);
        });
  }

  void flags() {
    match(
        old_.flags, new_.flags,
        [&](std::uint32_t i) {
          out_.push_back(whole("flag", old_.flags[i].name, ItemChangeKind::Removed, Bump::Major,
                               "flag `" + old_.flags[i].name + "` removed"));
        },
        [&](std::uint32_t i) {
          out_.push_back(whole("flag", new_.flags[i].name, ItemChangeKind::Added, Bump::Minor,
                               "flag `" + new_.flags[i].name + "` added"));
        },
        [&](std::uint32_t o, std::uint32_t n) { flag(o, n); });
  }

  void flag(std::uint32_t o, std::uint32_t n) {
    const ImageFlag& a = old_.flags[o];
    const ImageFlag& b = new_.flags[n];
    ItemDiff item("flag", b.name);
    const std::string& old_level = old_.levels[a.level];
    const std::string& new_level = new_.levels[b.level];
    const auto rank = std::find(new_.levels.begin(), new_.levels.end(), old_level) - new_.levels.begin();
    const bool falls = static_cast<std::uint32_t>(rank) > b.level;
    item.field("urgency", old_level, new_level, falls ? Bump::Major : Bump::Minor,
               "flag `" + b.name + "` " + (falls ? "lowered" : "raised") + " from " + old_level + " to " + new_level);
    item.field("condition", old_text_.flags[o], new_text_.flags[n], Bump::Minor,
               "flag `" + b.name + "` changed its condition");
    item.field("title", a.title, b.title, Bump::Patch, "text changed");
    item.field("because", a.because, b.because, Bump::Patch, "text changed");
    item.list("cite", citations(old_, a.cites), citations(new_, b.cites), Bump::Patch, "text changed");
    item.list("advise", a.advice, b.advice, Bump::Patch, "text changed");
    item.list("see", topic_names(old_, a.see), topic_names(new_, b.see), Bump::Patch, "text changed");
    item.emit(out_);
  }

  static std::vector<std::string> topic_names(const Image& image, const std::vector<std::uint32_t>& topics) {
    std::vector<std::string> names;
    for (const auto topic : topics) names.push_back(image.topics[topic].name);
    return names;
  }

  void topics() {
    match(
        old_.topics, new_.topics,
        [&](std::uint32_t i) { out_.push_back(whole("topic", old_.topics[i].name, ItemChangeKind::Removed, Bump::Patch, "text changed")); },
        [&](std::uint32_t i) { out_.push_back(whole("topic", new_.topics[i].name, ItemChangeKind::Added, Bump::Patch, "text changed")); },
        [&](std::uint32_t o, std::uint32_t n) {
          const ImageTopic& a = old_.topics[o];
          const ImageTopic& b = new_.topics[n];
          ItemDiff item("topic", b.name);
          item.field("title", a.title, b.title, Bump::Patch, "text changed");
          item.field("condition", old_text_.topics[o], new_text_.topics[n], Bump::Minor,
                     "topic `" + b.name + "` changed its condition");
          item.list("cite", citations(old_, a.cites), citations(new_, b.cites), Bump::Patch, "text changed");
          item.field("body", a.body, b.body, Bump::Patch, "text changed");
          item.emit(out_);
        });
  }

  void sources() {
    match(
        old_.meta.sources, new_.meta.sources,
        [&](std::uint32_t i) { out_.push_back(whole("source", old_.meta.sources[i].id, ItemChangeKind::Removed, Bump::Patch, "text changed")); },
        [&](std::uint32_t i) { out_.push_back(whole("source", new_.meta.sources[i].id, ItemChangeKind::Added, Bump::Patch, "text changed")); },
        [&](std::uint32_t o, std::uint32_t n) {
          ItemDiff item("source", new_.meta.sources[n].id);
          item.field("title", old_.meta.sources[o].title, new_.meta.sources[n].title, Bump::Patch, "text changed");
          item.field("url", old_.meta.sources[o].url, new_.meta.sources[n].url, Bump::Patch, "text changed");
          item.emit(out_);
        });
  }

  // Tests change no behaviour: listed for the reviewer, needing no bump.
  void tests() {
    match(
        old_.tests, new_.tests,
        [&](std::uint32_t i) { out_.push_back(whole("test", old_.tests[i].name, ItemChangeKind::Removed, Bump::None, "")); },
        [&](std::uint32_t i) { out_.push_back(whole("test", new_.tests[i].name, ItemChangeKind::Added, Bump::None, "")); },
        [](std::uint32_t, std::uint32_t) {});
  }

  const Image& old_;
  const Image& new_;
  ConditionTexts old_text_, new_text_;
  std::vector<ItemChange> out_;
};

}  // namespace

std::string_view bump_name(Bump bump) {
  constexpr std::string_view kNames[] = {"none", "patch", "minor", "major"};
  static_assert(std::size(kNames) == static_cast<std::size_t>(Bump::Major) + 1, "kNames follows Bump");
  return kNames[static_cast<int>(bump)];
}

std::vector<ItemChange> structural_diff(const Image& old_kb, const Image& new_kb) {
  return StructuralDiff(old_kb, new_kb).run();
}

}  // namespace redflag::tools
