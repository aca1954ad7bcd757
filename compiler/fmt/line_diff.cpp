#include "compiler/fmt/line_diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace redflag {
namespace {

constexpr std::ptrdiff_t kContext = 3;

// [text] as lines, each with its '\n' (the last one may have none).
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < text.size();) {
    const auto end = std::min(text.find('\n', start), text.size() - 1) + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

// One line of the edit script: kept (' '), removed ('-') or added ('+'), with its text and its
// 0-based line numbers in the old and the new text before it is applied.
struct Edit {
  char op = ' ';
  std::string_view line;
  std::ptrdiff_t old_line = 0, new_line = 0;
};

// Myers' shortest edit script turning [a] into [b], in order.
std::vector<Edit> edit_script(const std::vector<std::string_view>& a,
                              const std::vector<std::string_view>& b) {
  const auto n = static_cast<std::ptrdiff_t>(a.size()), m = static_cast<std::ptrdiff_t>(b.size());
  std::ptrdiff_t head = 0;
  while (head < n && head < m && a[head] == b[head]) ++head;
  std::ptrdiff_t tail = 0;
  while (tail < n - head && tail < m - head && a[n - 1 - tail] == b[m - 1 - tail]) ++tail;
  // The middle: a[head, n - tail) against b[head, m - tail).
  const std::ptrdiff_t an = n - head - tail, bn = m - head - tail, max = an + bn;
  std::vector<std::ptrdiff_t> v(static_cast<std::size_t>(2 * max + 3), 0);
  const auto at = [&](std::ptrdiff_t k) -> std::ptrdiff_t& { return v[static_cast<std::size_t>(k + max + 1)]; };
  std::vector<std::vector<std::ptrdiff_t>> trace;  // trace[d][k + d]: v before step d
  for (std::ptrdiff_t d = 0; d <= max; ++d) {
    trace.emplace_back(&at(-d), &at(d) + 1);
    bool done = false;
    for (std::ptrdiff_t k = -d; k <= d && !done; k += 2) {
      std::ptrdiff_t x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      std::ptrdiff_t y = x - k;
      while (x < an && y < bn && a[head + x] == b[head + y]) ++x, ++y;
      at(k) = x;
      done = x >= an && y >= bn;
    }
    if (done) break;
  }
  std::vector<Edit> reversed;
  const auto keep = [&](std::ptrdiff_t x, std::ptrdiff_t y) {
    reversed.push_back({' ', a[head + x], head + x, head + y});
  };
  std::ptrdiff_t x = an, y = bn;
  for (auto d = static_cast<std::ptrdiff_t>(trace.size()) - 1; d > 0; --d) {
    const auto& previous = trace[static_cast<std::size_t>(d)];
    const auto before = [&](std::ptrdiff_t k) { return previous[static_cast<std::size_t>(k + d)]; };
    const std::ptrdiff_t k = x - y;
    const bool down = k == -d || (k != d && before(k - 1) < before(k + 1));
    const std::ptrdiff_t prev_x = before(down ? k + 1 : k - 1), prev_y = prev_x - (down ? k + 1 : k - 1);
    while (x > prev_x + (down ? 0 : 1) && y > prev_y + (down ? 1 : 0)) keep(--x, --y);
    if (down) {
      --y;
      reversed.push_back({'+', b[head + y], head + x, head + y});
    } else {
      --x;
      reversed.push_back({'-', a[head + x], head + x, head + y});
    }
  }
  while (x > 0 && y > 0) keep(--x, --y);
  std::vector<Edit> edits;
  for (std::ptrdiff_t i = 0; i < head; ++i) edits.push_back({' ', a[i], i, i});
  edits.insert(edits.end(), reversed.rbegin(), reversed.rend());
  for (std::ptrdiff_t i = tail; i > 0; --i) edits.push_back({' ', a[n - i], n - i, m - i});
  return edits;
}

// `-3,2`: a hunk's range in one text ([count] lines from 0-based [first]).
std::string range(std::ptrdiff_t first, std::ptrdiff_t count) {
  if (count == 1) return fmt::format("{}", first + 1);
  return fmt::format("{},{}", count == 0 ? first : first + 1, count);
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after,
                         std::string_view old_name, std::string_view new_name) {
  if (before == after) return {};
  const std::vector<Edit> edits = edit_script(split_lines(before), split_lines(after));
  const auto size = static_cast<std::ptrdiff_t>(edits.size());
  const auto changed = [&](std::ptrdiff_t i) { return edits[static_cast<std::size_t>(i)].op != ' '; };
  std::string out = fmt::format("--- {}\n+++ {}\n", old_name, new_name);
  for (std::ptrdiff_t i = 0; i < size;) {
    if (!changed(i)) {
      ++i;
      continue;
    }
    // A hunk: this change and every change within 2 * kContext kept lines of the previous one.
    const std::ptrdiff_t first = std::max<std::ptrdiff_t>(0, i - kContext);
    std::ptrdiff_t last = i;  // one past the last change
    for (std::ptrdiff_t j = i; j < size && j - last < 2 * kContext + 1; ++j) {
      if (changed(j)) last = j + 1;
    }
    const std::ptrdiff_t end = std::min(size, last + kContext);
    std::ptrdiff_t old_count = 0, new_count = 0;
    for (std::ptrdiff_t j = first; j < end; ++j) {
      const char op = edits[static_cast<std::size_t>(j)].op;
      old_count += op != '+';
      new_count += op != '-';
    }
    const Edit& start = edits[static_cast<std::size_t>(first)];
    out += fmt::format("@@ -{} +{} @@\n", range(start.old_line, old_count),
                       range(start.new_line, new_count));
    for (std::ptrdiff_t j = first; j < end; ++j) {
      const Edit& edit = edits[static_cast<std::size_t>(j)];
      out += edit.op;
      out += edit.line;
      if (edit.line.empty() || edit.line.back() != '\n') out += "\n\\ No newline at end of file\n";
    }
    i = end;
  }
  return out;
}

}  // namespace redflag
