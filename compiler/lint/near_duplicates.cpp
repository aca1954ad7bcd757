#include "compiler/lint/near_duplicates.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_map>

#include "compiler/lint/ascending_merge.hpp"
#include "compiler/lint/text_similarity.hpp"

namespace redflag::lint {
namespace {

using TextList = std::vector<std::uint32_t>;  // text indices, ascending

// Character counts in 64 buckets (letters and digits one each), saturating at 255. Merging
// and capping counts only shrinks distances, so the bound below stays a lower bound.
using Counts = std::array<std::uint8_t, 64>;

Counts counts_of(std::string_view text) {
  Counts counts{};
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    std::size_t bucket = 36 + byte % 28;
    if (byte >= 'a' && byte <= 'z') bucket = byte - 'a';
    if (byte >= '0' && byte <= '9') bucket = 26 + (byte - '0');
    if (counts[bucket] < 255) ++counts[bucket];
  }
  return counts;
}

// An edit changes the counts by at most 2 in all (a transposition by 0), so the distance is at
// least half of how far apart they are.
std::size_t least_edits(const Counts& a, const Counts& b) {
  std::size_t apart = 0;
  for (std::size_t i = 0; i < a.size(); ++i) apart += a[i] > b[i] ? a[i] - b[i] : b[i] - a[i];
  return (apart + 1) / 2;
}

class Finder {
 public:
  explicit Finder(const std::vector<std::string>& texts);

  // The first near-duplicate of text [later] among the texts added so far.
  std::optional<std::uint32_t> first_before(std::uint32_t later);
  // Makes text [index] a candidate for the texts after it.
  void add(std::uint32_t index);

 private:
  bool may_be_similar(std::uint32_t earlier, std::uint32_t later);
  bool within_edits(std::string_view a, std::string_view b, std::size_t limit);

  const std::vector<std::string>& texts_;
  // The distinct word ids of text t, ascending, are words_[word_begin_[t] .. word_begin_[t + 1]):
  // one array, so that walking candidates in order reads it in order.
  std::vector<std::uint32_t> words_;
  std::vector<std::uint32_t> word_begin_;
  std::vector<std::vector<std::uint32_t>> prefix_;  // the rarest words of each, for prefix filtering
  std::vector<Counts> counts_;
  std::vector<TextList> by_prefix_word_;
  std::vector<TextList> by_length_;  // texts up to kMaxEditBytes long
  std::vector<std::size_t> max_edits_;  // by the longer length: the most edits still similar
  std::array<std::vector<std::size_t>, 3> rows_;  // within_edits: rows i-2, i-1 and i
};

Finder::Finder(const std::vector<std::string>& texts)
    : texts_(texts), prefix_(texts.size()), by_length_(kMaxEditBytes + 1),
      max_edits_(kMaxEditBytes + 1) {
  std::unordered_map<std::string_view, std::uint32_t> ids;
  std::vector<std::uint32_t> holders;  // by word id: how many texts hold it
  for (std::size_t i = 0; i < texts.size(); ++i) {
    word_begin_.push_back(static_cast<std::uint32_t>(words_.size()));
    for (const auto word : words_of(texts[i])) {
      words_.push_back(ids.emplace(word, static_cast<std::uint32_t>(ids.size())).first->second);
    }
    const auto begin = words_.begin() + word_begin_.back();
    std::sort(begin, words_.end());
    words_.erase(std::unique(begin, words_.end()), words_.end());
    holders.resize(ids.size());
    for (auto word = words_.begin() + word_begin_.back(); word != words_.end(); ++word) ++holders[*word];
    counts_.push_back(counts_of(texts[i]));
  }
  word_begin_.push_back(static_cast<std::uint32_t>(words_.size()));
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto& prefix = prefix_[i];
    prefix.assign(words_.begin() + word_begin_[i], words_.begin() + word_begin_[i + 1]);
    std::sort(prefix.begin(), prefix.end(), [&](std::uint32_t a, std::uint32_t b) {
      return std::pair(holders[a], a) < std::pair(holders[b], b);
    });
    // A Jaccard index of kSimilar needs this many shared words (the slack absorbs rounding).
    const auto shared = static_cast<std::size_t>(std::ceil(kSimilar * double(prefix.size()) - 1e-6));
    prefix.resize(prefix.size() + 1 - std::max<std::size_t>(shared, 1));
  }
  by_prefix_word_.resize(ids.size());
  for (std::size_t longer = 1; longer <= kMaxEditBytes; ++longer) {
    std::size_t& edits = max_edits_[longer];
    while (1 - double(edits + 1) / double(longer) >= kSimilar) ++edits;
  }
}

std::optional<std::uint32_t> Finder::first_before(std::uint32_t later) {
  AscendingMerge candidates;
  for (const auto word : prefix_[later]) candidates.add(by_prefix_word_[word]);
  const std::size_t length = texts_[later].size();
  if (length <= kMaxEditBytes) {
    for (std::size_t other = length; other > 0 && edit_comparable(length, other); --other) {
      candidates.add(by_length_[other]);
    }
    for (std::size_t other = length + 1; other <= kMaxEditBytes && edit_comparable(length, other);
         ++other) {
      candidates.add(by_length_[other]);
    }
  }
  while (const auto earlier = candidates.next()) {
    if (may_be_similar(*earlier, later) && similarity(texts_[*earlier], texts_[later]) >= kSimilar) {
      return *earlier;
    }
  }
  return std::nullopt;
}

void Finder::add(std::uint32_t index) {
  for (const auto word : prefix_[index]) by_prefix_word_[word].push_back(index);
  const std::size_t length = texts_[index].size();
  if (length <= kMaxEditBytes) by_length_[length].push_back(index);
}

// False only when similarity() would be below kSimilar, by words and by edits.
bool Finder::may_be_similar(std::uint32_t earlier, std::uint32_t later) {
  const auto a_begin = words_.begin() + word_begin_[earlier], a_end = words_.begin() + word_begin_[earlier + 1];
  const auto b_begin = words_.begin() + word_begin_[later], b_end = words_.begin() + word_begin_[later + 1];
  std::size_t shared = 0;
  for (auto i = a_begin, j = b_begin; i != a_end && j != b_end;) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  const auto sizes = static_cast<std::size_t>((a_end - a_begin) + (b_end - b_begin));
  const std::size_t either = sizes - shared;
  if (either != 0 && double(shared) / double(either) >= kSimilar) return true;
  const std::string& first = texts_[earlier];
  const std::string& second = texts_[later];
  if (!edit_comparable(first.size(), second.size())) return false;
  const std::size_t limit = max_edits_[std::max(first.size(), second.size())];
  return least_edits(counts_[earlier], counts_[later]) <= limit && within_edits(first, second, limit);
}

// Whether the optimal-string-alignment distance of [a] and [b] is at most [limit]. The common
// prefix and suffix cost nothing (an optimal alignment can match them), and an alignment of cost
// [limit] or less stays within [limit] cells of the diagonal, so only that band is computed
// (cells outside it count as far), and the search stops when a whole row is past the limit.
bool Finder::within_edits(std::string_view a, std::string_view b, std::size_t limit) {
  std::size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  a.remove_prefix(common);
  b.remove_prefix(common);
  common = 0;
  while (common < a.size() && common < b.size() &&
         a[a.size() - 1 - common] == b[b.size() - 1 - common]) {
    ++common;
  }
  a.remove_suffix(common);
  b.remove_suffix(common);
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return false;
  if (n == 0 || m == 0) return true;
  constexpr std::size_t kFar = std::numeric_limits<std::size_t>::max() / 4;
  for (auto& row : rows_) row.resize(m + 2);
  auto* before = &rows_[0];
  auto* previous = &rows_[1];
  auto* current = &rows_[2];
  for (std::size_t j = 0; j <= std::min(m, limit); ++j) (*previous)[j] = j;
  (*previous)[std::min(m, limit) + 1] = kFar;
  for (std::size_t i = 1; i <= n; ++i) {
    const std::size_t low = i > limit ? i - limit : 1;
    const std::size_t high = std::min(m, i + limit);
    (*current)[low - 1] = low == 1 ? i : kFar;
    std::size_t best = kFar;
    for (std::size_t j = low; j <= high; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t cell = std::min({(*previous)[j] + 1, (*current)[j - 1] + 1, (*previous)[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cell = std::min(cell, (*before)[j - 2] + 1);
      }
      (*current)[j] = cell;
      best = std::min(best, cell);
    }
    (*current)[high + 1] = kFar;
    if (best > limit) return false;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return (*previous)[m] <= limit;
}

}  // namespace

std::vector<std::optional<std::uint32_t>> first_near_duplicates(const std::vector<std::string>& texts) {
  Finder finder(texts);
  std::vector<std::optional<std::uint32_t>> first(texts.size());
  for (std::uint32_t i = 0; i < texts.size(); ++i) {
    if (texts[i].empty()) continue;
    first[i] = finder.first_before(i);
    finder.add(i);
  }
  return first;
}

}  // namespace redflag::lint
