// The behavioural half of `redflag diff`: both versions evaluated on the same cases.
//
// Cases live in a shared fact space: every fact name of either version. A value is encoded as
// the reference version of the fact encodes it (the new version's, or the old one's for a
// removed fact; enum values index the union of both versions' value names) and translated
// into each version; a fact missing from a version, of another type there, or an enum value
// it does not have, is unknown in that version.
//
// Generation (docs/versioning.md): base cases are the all-unknown case and the givens of every
// test of both versions. From each base, every fact some condition of either version reads is
// set to each of its candidate values (runtime/fact_candidates.hpp, from both versions'
// thresholds, converted into the reference unit) and to unknown; then every pair of facts read
// by one flag (in either version) is set to every pair of those values. At most kMaxDiffCases
// cases are evaluated; the rest are skipped and the result says so.
#include <algorithm>
#include <cmath>
#include <set>

#include "tools/diff/behaviour_diff.hpp"
#include "runtime/disasm.hpp"
#include "runtime/fact_candidates.hpp"
#include "runtime/number_text.hpp"
#include "runtime/units.hpp"
#include "runtime/vm.hpp"

namespace redflag::tools {
namespace {

// One fact of the shared space.
struct SpaceFact {
  std::string name;
  std::uint32_t id[2] = {kNoIndex, kNoIndex};  // in the old and the new version
  int reference = 1;                           // the version whose encoding values use
  std::vector<std::string> enum_names;         // enums: the reference's values, then the other's extra
  bool read = false;                           // some condition of either version reads it
  std::vector<double> candidates;
};

using Case = std::vector<FactValue>;  // over the shared space, in reference encodings

class Generator {
 public:
  Generator(const Image& old_kb, const Image& new_kb)
      : images_{&old_kb, &new_kb}, programs_{Program(old_kb), Program(new_kb)} {
    for (int side = 0; side < 2; ++side) {
      facts_[side].resize(images_[side]->facts.size());
      evaluations_[side] = Evaluation(programs_[side]);
    }
    build_space();
  }

  BehaviourDiff run() {
    std::vector<Case> bases{Case(space_.size())};
    const std::size_t first_test_base = 1;
    for (int side = 0; side < 2; ++side) {
      for (const auto& test : images_[side]->tests) {
        Case base(space_.size());
        for (const auto& given : test.givens) {
          const auto index = index_of(images_[side]->facts[given.fact].name);
          if (given.known) base[index] = to_reference(index, side, given.value);
        }
        const auto equal = [&](const Case& other) {
          return std::equal(base.begin(), base.end(), other.begin(), same);
        };
        if (std::none_of(bases.begin(), bases.end(), equal)) bases.push_back(std::move(base));
      }
    }
    for (std::size_t b = 0; b < bases.size() && !result_.truncated; ++b) {
      Case trial = bases[b];
      try_case(trial, b >= first_test_base);
      vary(trial);
    }
    std::stable_sort(result_.changes.begin(), result_.changes.end(),
                     [](const CaseChange& a, const CaseChange& b) { return a.facts.size() < b.facts.size(); });
    return std::move(result_);
  }

 private:
  void build_space() {
    for (int side = 1; side >= 0; --side) {
      const ConditionReads reads = condition_reads(*images_[side]);
      for (std::uint32_t i = 0; i < images_[side]->facts.size(); ++i) {
        const ImageFact& fact = images_[side]->facts[i];
        auto index = index_of(fact.name);
        if (index == space_.size()) {
          space_.push_back({fact.name, {kNoIndex, kNoIndex}, side, fact.values, false, {}});
        }
        SpaceFact& entry = space_[index];
        entry.id[side] = i;
        entry.read = entry.read || reads.read[i];
        for (const auto& value : fact.values) {
          if (std::find(entry.enum_names.begin(), entry.enum_names.end(), value) == entry.enum_names.end()) {
            entry.enum_names.push_back(value);
          }
        }
        thresholds_.resize(space_.size());
        for (const double value : reads.thresholds[i]) {
          const FactValue converted = to_reference(index, side, value);
          if (converted.known) thresholds_[index].push_back(converted.value);
        }
      }
    }
    for (std::size_t index = 0; index < space_.size(); ++index) {
      SpaceFact& entry = space_[index];
      const ImageFact& fact = reference_fact(entry);
      if (fact.type == FactType::Enum) {
        for (std::size_t i = 0; i < entry.enum_names.size(); ++i) entry.candidates.push_back(static_cast<double>(i));
      } else {
        entry.candidates = candidate_values(fact, thresholds_[index]);
      }
      if (entry.read) read_.push_back(index);
    }
    std::set<std::pair<std::size_t, std::size_t>> pairs;
    for (int side = 0; side < 2; ++side) {
      for (const auto& flag : images_[side]->flags) {
        for (std::size_t a = 0; a < flag.facts.size(); ++a) {
          for (std::size_t b = a + 1; b < flag.facts.size(); ++b) {
            pairs.emplace(index_of(images_[side]->facts[flag.facts[a]].name),
                          index_of(images_[side]->facts[flag.facts[b]].name));
          }
        }
      }
    }
    pairs_.assign(pairs.begin(), pairs.end());
  }

  std::size_t index_of(const std::string& name) const {
    for (std::size_t i = 0; i < space_.size(); ++i) {
      if (space_[i].name == name) return i;
    }
    return space_.size();
  }

  const ImageFact& reference_fact(const SpaceFact& entry) const {
    return images_[entry.reference]->facts[entry.id[entry.reference]];
  }

  // [value], as version [side] encodes fact [index], in the reference encoding (unknown when
  // it has none there).
  FactValue to_reference(std::size_t index, int side, double value) const {
    return translate(index, side, space_[index].reference, value);
  }

  FactValue translate(std::size_t index, int from, int to, double value) const {
    const SpaceFact& entry = space_[index];
    if (from == to) return {value, true};
    if (entry.id[from] == kNoIndex || entry.id[to] == kNoIndex) return {};
    const ImageFact& a = images_[from]->facts[entry.id[from]];
    const ImageFact& b = images_[to]->facts[entry.id[to]];
    if (a.type != b.type) return {};
    if (a.type == FactType::Enum) {
      const std::string& name = from == entry.reference ? entry.enum_names[static_cast<std::size_t>(value)]
                                                        : a.values[static_cast<std::size_t>(value)];
      const auto& names = to == entry.reference ? entry.enum_names : b.values;
      const auto found = std::find(names.begin(), names.end(), name);
      return found == names.end() ? FactValue{} : FactValue{static_cast<double>(found - names.begin()), true};
    }
    if (a.type == FactType::Quantity && a.unit != b.unit) {
      const auto from_unit = find_unit(a.unit);
      const auto to_unit = find_unit(b.unit);
      if (!from_unit || !to_unit || !compatible(*from_unit, *to_unit)) return {};
      const double converted = convert(value, *from_unit, *to_unit);
      if (std::isnan(converted)) return {};
      return {converted, true};
    }
    return {value, true};
  }

  void vary(Case& trial) {
    for (const std::size_t f : read_) {
      const FactValue saved = trial[f];
      for (const FactValue value : values_of(f)) {
        if (result_.truncated) return;
        if (same(value, saved)) continue;
        trial[f] = value;
        try_case(trial, false);
      }
      trial[f] = saved;
    }
    for (const auto& [f, g] : pairs_) {
      const FactValue saved_f = trial[f];
      const FactValue saved_g = trial[g];
      for (const FactValue value_f : values_of(f)) {
        for (const FactValue value_g : values_of(g)) {
          if (result_.truncated) return;
          if (same(value_f, saved_f) || same(value_g, saved_g)) continue;  // a single variation
          trial[f] = value_f;
          trial[g] = value_g;
          try_case(trial, false);
        }
      }
      trial[f] = saved_f;
      trial[g] = saved_g;
    }
  }

  // Unknown, then each candidate.
  std::vector<FactValue> values_of(std::size_t index) const {
    std::vector<FactValue> values{FactValue{}};
    for (const double value : space_[index].candidates) values.push_back({value, true});
    return values;
  }

  static bool same(const FactValue& a, const FactValue& b) {
    return a.known == b.known && (!a.known || a.value == b.value);
  }

  void try_case(const Case& trial, bool from_test) {
    if (result_.cases >= kMaxDiffCases) {
      result_.truncated = true;
      return;
    }
    ++result_.cases;
    CaseOutcome outcomes[2];
    for (int side = 0; side < 2; ++side) {
      std::fill(facts_[side].begin(), facts_[side].end(), FactValue{});
      for (std::size_t index = 0; index < space_.size(); ++index) {
        const std::uint32_t id = space_[index].id[side];
        if (trial[index].known && id != kNoIndex) {
          facts_[side][id] = translate(index, space_[index].reference, side, trial[index].value);
        }
      }
      evaluate(programs_[side], facts_[side].data(), evaluations_[side]);
      outcomes[side] = outcome(side);
    }
    if (outcomes[0] == outcomes[1]) return;
    std::string key;
    for (const auto& value : trial) {
      key += value.known ? shortest_text(value.value) : "?";
      key += ',';
    }
    if (!seen_.insert(key).second) return;
    CaseChange change{describe(trial), from_test, outcomes[0], outcomes[1], false, false};
    // The old urgency's place among the new levels (its old index when the level is gone).
    const auto& levels = images_[1]->levels;
    const auto found = std::find(levels.begin(), levels.end(), change.old_outcome.urgency);
    const auto old_rank = found == levels.end() ? evaluations_[0].urgency : static_cast<std::uint32_t>(found - levels.begin());
    change.urgency_falls = evaluations_[1].urgency < old_rank;
    for (const auto& flag : change.old_outcome.fired) {
      const auto& fired = change.new_outcome.fired;
      change.flag_stops = change.flag_stops || std::find(fired.begin(), fired.end(), flag) == fired.end();
    }
    result_.changes.push_back(std::move(change));
  }

  CaseOutcome outcome(int side) const {
    const Evaluation& evaluation = evaluations_[side];
    CaseOutcome out{images_[side]->levels[evaluation.urgency], evaluation.complete, {}};
    for (std::size_t flag = 0; flag < evaluation.flags.size(); ++flag) {
      if (evaluation.flags[flag] == Tri::True) out.fired.push_back(images_[side]->flags[flag].name);
    }
    return out;
  }

  std::vector<std::pair<std::string, std::string>> describe(const Case& trial) const {
    std::vector<std::pair<std::string, std::string>> facts;
    for (std::size_t index = 0; index < space_.size(); ++index) {
      if (!trial[index].known) continue;
      const SpaceFact& entry = space_[index];
      const ImageFact& fact = reference_fact(entry);
      std::string text = fact.type == FactType::Enum   ? entry.enum_names[static_cast<std::size_t>(trial[index].value)]
                         : fact.type == FactType::Text ? "(text)"
                                                       : value_text(*images_[entry.reference], entry.id[entry.reference], trial[index].value);
      facts.emplace_back(entry.name, std::move(text));
    }
    return facts;
  }

  const Image* images_[2];
  Program programs_[2];
  Evaluation evaluations_[2];
  std::vector<FactValue> facts_[2];
  std::vector<SpaceFact> space_;
  std::vector<std::vector<double>> thresholds_;
  std::vector<std::size_t> read_;
  std::vector<std::pair<std::size_t, std::size_t>> pairs_;
  std::set<std::string> seen_;
  BehaviourDiff result_;
};

}  // namespace

BehaviourDiff behaviour_diff(const Image& old_kb, const Image& new_kb) { return Generator(old_kb, new_kb).run(); }

}  // namespace redflag::tools
