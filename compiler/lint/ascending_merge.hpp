// Several ascending lists of indices walked as one ascending list, without repeats, one value
// at a time: a caller that stops at the first value it wants pays only for the values before
// it, not for merging the whole lists. The lists must outlive the merge.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <queue>
#include <vector>

namespace redflag::lint {

class AscendingMerge {
 public:
  // Adds [list], which must be ascending.
  void add(const std::vector<std::uint32_t>& list) {
    if (!list.empty()) heads_.push({list.data(), list.data() + list.size()});
  }

  // The smallest value not yet returned, or nullopt when every list is used up.
  std::optional<std::uint32_t> next() {
    while (!heads_.empty()) {
      Head head = heads_.top();
      heads_.pop();
      const std::uint32_t value = *head.at;
      if (++head.at != head.end) heads_.push(head);
      if (last_ && *last_ == value) continue;
      last_ = value;
      return value;
    }
    return std::nullopt;
  }

 private:
  struct Head {
    const std::uint32_t* at;
    const std::uint32_t* end;
    bool operator>(const Head& other) const { return *at > *other.at; }
  };
  std::priority_queue<Head, std::vector<Head>, std::greater<>> heads_;
  std::optional<std::uint32_t> last_;
};

}  // namespace redflag::lint
