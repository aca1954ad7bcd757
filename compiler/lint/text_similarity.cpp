#include "compiler/lint/text_similarity.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "runtime/suggest.hpp"

namespace redflag::lint {

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

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool edit_comparable(std::size_t length, std::size_t other_length) {
  const std::size_t longer = std::max(length, other_length);
  const std::size_t shorter = std::min(length, other_length);
  // The distance is at least the difference in length; skip pairs that cannot be close.
  return longer <= kMaxEditBytes && double(shorter) >= kSimilar * double(longer);
}

double similarity(const std::string& a, const std::string& b) {
  if (a == b) return 1;
  const auto split_a = words_of(a), split_b = words_of(b);
  const std::set<std::string_view> words_a(split_a.begin(), split_a.end());
  const std::set<std::string_view> words_b(split_b.begin(), split_b.end());
  std::size_t shared = 0;
  for (const auto word : words_a) shared += words_b.count(word);
  const std::size_t either = words_a.size() + words_b.size() - shared;
  double best = either == 0 ? 0 : double(shared) / double(either);
  if (edit_comparable(a.size(), b.size())) {
    best = std::max(best, 1 - double(edit_distance(a, b)) / double(std::max(a.size(), b.size())));
  }
  return best;
}

}  // namespace redflag::lint
