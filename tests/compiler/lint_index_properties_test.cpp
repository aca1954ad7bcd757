// The linter's two indexes that replaced quadratic loops, against what they stand for:
//   - first_near_duplicates (compiler/lint/near_duplicates.hpp) gives, for each text, the
//     first earlier text whose similarity() is kSimilar or more, exactly as comparing every
//     pair in order does (its header: "the result is that of comparing every pair");
//   - TruthKeys (compiler/lint/truth_keys.hpp): in every case in which the solver evaluates a
//     condition to exactly {true}, the case gives the slots of one of its keys known; so a
//     condition without keys is never certainly true. Checked on random KBs
//     (tests/support/random_kb.hpp) and random cases, with ConditionSolver::true_in_each as the
//     solver's verdict on one case.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "compiler/compiler.hpp"
#include "compiler/lint/condition_solver.hpp"
#include "compiler/lint/near_duplicates.hpp"
#include "compiler/lint/text_similarity.hpp"
#include "compiler/lint/truth_keys.hpp"
#include "tests/support/random_kb.hpp"

namespace {

using redflag::FactValue;
using redflag::lint::ConditionSolver;
using redflag::lint::TruthKeys;

// A random flag-title-like text: a few words from a small vocabulary, or an earlier text with a
// small change (a word dropped, added or swapped, a letter changed, case or punctuation changed),
// so that near-duplicates of every kind, and near misses, are common.
std::string random_text(std::mt19937& random, const std::vector<std::string>& earlier) {
  static const std::vector<std::string> kWords = {
      "back", "pain", "fever", "weight", "loss", "night", "sweats", "cancer", "history", "trauma",
      "age", "over", "fifty", "numbness", "saddle", "bladder", "bowel", "weakness", "new", "severe"};
  const auto pick = [&](std::size_t bound) { return static_cast<std::size_t>(random() % bound); };
  if (!earlier.empty() && pick(3) != 0) {
    std::string text = earlier[pick(earlier.size())];
    switch (pick(7)) {
      case 0: text += " " + kWords[pick(kWords.size())]; break;
      case 1: {
        const auto space = text.find(' ');
        if (space != std::string::npos) text.erase(0, space + 1);
        break;
      }
      case 2:
        if (!text.empty()) text[pick(text.size())] = static_cast<char>('a' + pick(26));
        break;
      case 3:
        if (!text.empty()) text.insert(pick(text.size()), 1, static_cast<char>('a' + pick(26)));
        break;
      case 4: text = fmt::format("{}!", text); break;
      case 5:
        for (auto& c : text) c = static_cast<char>(pick(2) ? std::toupper(static_cast<unsigned char>(c)) : c);
        break;
      default: text = ""; break;  // empty texts have no near-duplicate and are nobody's
    }
    return text;
  }
  std::string text;
  const std::size_t words = 1 + pick(12);
  for (std::size_t i = 0; i < words; ++i) text += (i ? " " : "") + kWords[pick(kWords.size())];
  return text;
}

}  // namespace

TEST_CASE("first_near_duplicates is the first earlier text that comparing every pair finds", "[lint][near-duplicates]") {
  std::mt19937 random(20260607);
  int found = 0, compared = 0;
  for (int list = 0; list < 60; ++list) {
    std::vector<std::string> raw, texts;
    const int count = 1 + static_cast<int>(random() % 150);
    for (int i = 0; i < count; ++i) {
      raw.push_back(random_text(random, raw));
      texts.push_back(redflag::lint::normalise(raw.back()));
    }
    const auto first = redflag::lint::first_near_duplicates(texts);
    REQUIRE(first.size() == texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      std::optional<std::uint32_t> expected;
      for (std::uint32_t j = 0; j < i && !texts[i].empty() && !expected; ++j) {
        if (!texts[j].empty() && redflag::lint::similarity(texts[j], texts[i]) >= redflag::lint::kSimilar) expected = j;
      }
      const auto describe = [&](const std::optional<std::uint32_t>& text) {
        return text ? fmt::format("text {}: \"{}\"", *text, texts[*text]) : std::string("none");
      };
      INFO("list " << list << ", text " << i << ": \"" << texts[i] << "\"; the index says " << describe(first[i])
                   << ", every pair says " << describe(expected));
      REQUIRE(first[i] == expected);
      found += expected.has_value();
      ++compared;
    }
  }
  INFO(compared << " texts, " << found << " with a near-duplicate");
  CHECK(found > compared / 4);
  CHECK(found < compared);
}

TEST_CASE("a case in which the solver finds a condition certainly true gives one of its truth keys", "[lint][truth-keys]") {
  std::mt19937 random(20260608);
  int certainly_true = 0, without_keys = 0;
  for (int kb_index = 0; kb_index < 60; ++kb_index) {
    const std::string source = redflag::test_support::random_kb(random, 20);
    INFO("KB " << kb_index << ":\n" << source);
    const auto compiled = redflag::compile_sources({{"random.rf", source}});
    REQUIRE(compiled.ok());
    const auto& kb = compiled.frontend.kb;
    ConditionSolver solver(kb);
    TruthKeys keys(kb);
    std::vector<std::vector<FactValue>> cases;
    for (int c = 0; c < 200; ++c) cases.push_back(redflag::test_support::random_case(random, *compiled.image, c % 4));
    for (const auto& flag : kb.flags) {
      const auto flag_keys = keys.of(*flag.condition);
      without_keys += flag_keys.empty();
      for (std::size_t c = 0; c < cases.size(); ++c) {
        ConditionSolver::Case one;
        for (std::uint32_t fact = 0; fact < cases[c].size(); ++fact) {
          if (cases[c][fact].known) one.push_back({fact, ConditionSolver::Class{true, cases[c][fact].value}});
        }
        if (!solver.true_in_each(*flag.condition, {one})) continue;
        ++certainly_true;
        bool some_key = false;
        for (const auto& key : flag_keys) {
          bool given = true;
          for (const auto slot : key) given = given && (slot == TruthKeys::kNoSlot || cases[c][slot].known);
          some_key = some_key || given;
        }
        INFO("flag " << flag.name << ", case " << c << ", " << flag_keys.size() << " keys");
        REQUIRE(some_key);
      }
    }
  }
  INFO(certainly_true << " certainly true, " << without_keys << " flags without keys");
  CHECK(certainly_true > 10000);
  CHECK(without_keys > 0);
}
