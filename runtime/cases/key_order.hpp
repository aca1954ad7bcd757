// The case reader's fast path for keys: a batch writes its keys in the same order case after
// case, so each key is first compared, still escaped, with the key that followed the previous
// key the last time that key was read (the first key: with the first key of the last case). A
// hit costs one comparison of a few machine words and no unescaping or hashing; a miss (new
// order, a fact left out, unknown key, escaped key) falls back to the hash table
// (fact_names.hpp), and the reader then remembers what it found. A case that leaves a fact out
// thus costs a miss or two around the gap, not one for every key after it.
//
// Names are matched with their closing quote, so a raw key matches only when it is exactly the
// name: fact names are identifiers, with no quote or backslash to escape. The comparison reads
// the raw key a word at a time; that stays inside the input because the key's closing quote,
// which the name cannot match, lies within the document (simdjson's first pass has checked that
// every string is closed), and simdjson requires padding after the document.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/image.hpp"

namespace redflag::internal {

class KeyOrder {
 public:
  // [names]: the keys a case may have, indexed as the reader indexes them.
  explicit KeyOrder(const std::vector<std::string_view>& names) : next_(names.size() + 1, kNoIndex) {
    for (const std::string_view name : names) {
      starts_.push_back(pool_.size());
      pool_.append(name);
      pool_.push_back('"');
    }
    starts_.push_back(pool_.size());
    pool_.append(kWord, '\0');  // every name can be read a whole word at a time
  }

  // What stands for "no key yet" as the previous key of an object's first key.
  std::uint32_t start() const { return static_cast<std::uint32_t>(next_.size() - 1); }

  // The index of the key after [previous] (a key index, or start()) when its raw JSON text
  // (after the opening quote) is the name that followed [previous] last time; else kNoIndex.
  std::uint32_t predicted(std::uint32_t previous, const char* raw) const {
    const std::uint32_t index = next_[previous];
    if (index == kNoIndex) return kNoIndex;
    const std::size_t start = starts_[index];
    return same_bytes(raw, pool_.data() + start, starts_[index + 1] - start) ? index : kNoIndex;
  }

  // Records that key [index] followed [previous].
  void remember(std::uint32_t previous, std::uint32_t index) { next_[previous] = index; }

 private:
  static constexpr std::size_t kWord = 8;

  static std::uint64_t word_at(const char* bytes) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes, kWord);
    return word;
  }

  // Whether the [size] bytes at [a] and [b] are equal, reading whole words from both.
  static bool same_bytes(const char* a, const char* b, std::size_t size) {
    for (; size >= kWord; a += kWord, b += kWord, size -= kWord) {
      if (word_at(a) != word_at(b)) return false;
    }
    if (size == 0) return true;
    const std::uint64_t differ = word_at(a) ^ word_at(b);
    const unsigned unused_bits = static_cast<unsigned>(8 * (kWord - size));
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (differ << unused_bits) == 0;  // the first [size] bytes are the low ones
#else
    return (differ >> unused_bits) == 0;
#endif
  }

  std::string pool_;                   // each name followed by its closing quote, then padding
  std::vector<std::size_t> starts_;    // where each name starts in pool_, then the end
  std::vector<std::uint32_t> next_;    // per key and start(): the key that followed it last
};

}  // namespace redflag::internal
