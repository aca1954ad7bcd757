// What a reviewer needs to trust a flag: a rationale, a citation, and text that tells it apart
// from the other flags.
//
// Two texts are near-duplicates when, after folding case and punctuation, their word sets have
// a Jaccard index of 0.9 or more, or their edit distance is at most a tenth of the longer one
// (texts longer than kMaxEditBytes are compared by words only: the distance is quadratic).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "compiler/lint/lint_checks.hpp"
#include "runtime/suggest.hpp"

namespace redflag::lint {
namespace {

constexpr double kSimilar = 0.9;
constexpr std::size_t kMaxEditBytes = 2000;

// Lower case, every run of other characters than letters and digits one space.
std::string normalise(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || byte >= 0x80) {
      out += static_cast<char>(std::tolower(byte));
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::set<std::string_view> words(std::string_view text) {
  std::set<std::string_view> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    out.insert(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// How alike two normalised texts are, from 0 (nothing shared) to 1 (the same).
double similarity(const std::string& a, const std::string& b) {
  if (a == b) return 1;
  const auto words_a = words(a), words_b = words(b);
  std::size_t shared = 0;
  for (const auto word : words_a) shared += words_b.count(word);
  const std::size_t either = words_a.size() + words_b.size() - shared;
  double best = either == 0 ? 0 : double(shared) / double(either);
  const std::size_t longer = std::max(a.size(), b.size());
  const std::size_t shorter = std::min(a.size(), b.size());
  // The distance is at least the difference in length; skip pairs that cannot be close.
  if (longer <= kMaxEditBytes && double(shorter) >= kSimilar * double(longer)) {
    best = std::max(best, 1 - double(edit_distance(a, b)) / double(longer));
  }
  return best;
}

void check_duplicates(LintContext& context, std::string_view what,
                      std::string ast::Flag::*field) {
  const auto& flags = context.kb().flags;
  std::vector<std::string> texts;
  for (const auto& flag : flags) texts.push_back(normalise(flag.*field));
  for (std::size_t later = 0; later < flags.size(); ++later) {
    if (texts[later].empty()) continue;
    for (std::size_t earlier = 0; earlier < later; ++earlier) {
      if (texts[earlier].empty()) continue;
      const double alike = similarity(texts[earlier], texts[later]);
      if (alike < kSimilar) continue;
      const auto& flag = flags[later];
      const std::string how =
          alike == 1 ? "the same" : fmt::format("nearly the same ({:.0f}% alike)", std::floor(alike * 100));
      context.report(LintId::DuplicateText, flag.span, flag.span,
                     fmt::format("flag `{}` has {} {} as flag `{}`", flag.name, how, what,
                                 flags[earlier].name));
      break;
    }
  }
}

}  // namespace

void check_flag_text(LintContext& context) {
  for (const auto& flag : context.kb().flags) {
    if (flag.because.empty()) {
      context.report(LintId::MissingRationale, flag.span, flag.span,
                     fmt::format("flag `{}` has no rationale (`because`)", flag.name));
    }
    if (flag.cites.empty()) {
      context.report(LintId::MissingCitation, flag.span, flag.span,
                     fmt::format("flag `{}` cites no source (`cite`)", flag.name));
    }
  }
  check_duplicates(context, "title", &ast::Flag::title);
  check_duplicates(context, "rationale", &ast::Flag::because);
}

}  // namespace redflag::lint
