// A flat hash table from fact name to fact index, for the case reader's per-key lookup.
//
// Built once per reader, then read-only: open addressing with linear probing in a power-of-two
// table at most half full, so a lookup is one hash, usually one probe and one comparison, and
// never allocates. The names are views: the facts they point into must outlive the table and
// stay put. It does not grow, delete or hold anything but fact indices.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "runtime/image.hpp"

namespace redflag::internal {

class FactNames {
 public:
  explicit FactNames(const std::vector<ImageFact>& facts) : facts_(facts) {
    std::size_t size = 4;
    while (size < 2 * facts.size()) size *= 2;
    slots_.assign(size, kNoIndex);
    for (std::uint32_t id = 0; id < facts.size(); ++id) {
      std::size_t slot = hash(facts[id].name) & (size - 1);
      while (slots_[slot] != kNoIndex && facts[slots_[slot]].name != facts[id].name) slot = (slot + 1) & (size - 1);
      if (slots_[slot] == kNoIndex) slots_[slot] = id;  // a repeated name keeps its first fact
    }
  }

  // The index of the fact called [name], or kNoIndex.
  std::uint32_t find(std::string_view name) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = hash(name) & mask;; slot = (slot + 1) & mask) {
      const std::uint32_t id = slots_[slot];
      if (id == kNoIndex || facts_[id].name == name) return id;
    }
  }

 private:
  // FNV-1a, 64-bit: fact names are short, so a byte loop beats anything cleverer.
  static std::uint64_t hash(std::string_view name) {
    std::uint64_t h = 0xcbf29ce484222325u;
    for (const char c : name) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3u;
    return h;
  }

  const std::vector<ImageFact>& facts_;
  std::vector<std::uint32_t> slots_;
};

}  // namespace redflag::internal
