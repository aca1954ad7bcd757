// A flat hash table from fact name to fact index, for the case reader's per-key lookup.
//
// Built once per reader, then read-only: open addressing with linear probing in a power-of-two
// table at most half full, so a lookup is one hash, usually one probe and one comparison, and
// never allocates. The names are views: the facts they point into must outlive the table and
// stay put. It does not grow, delete or hold anything but fact indices.
#pragma once

#include <cstdint>
#include <cstring>
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
  // Eight bytes per step: a byte-by-byte hash (FNV-1a) is a chain of dependent
  // multiplications, one per byte of every key of every case; this one does one per eight
  // bytes, and still reads every byte, so names alike in part never pile up in one probe run.
  static std::uint64_t hash(std::string_view name) {
    constexpr std::uint64_t kMultiplier = 0xC2B2AE3D27D4EB4Fu;
    std::uint64_t h = name.size() * 0x9E3779B97F4A7C15u;
    std::size_t at = 0;
    for (; at + 8 <= name.size(); at += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, name.data() + at, 8);
      h = (h ^ word) * kMultiplier;
    }
    if (at < name.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, name.data() + at, name.size() - at);
      h = (h ^ word) * kMultiplier;
    }
    return h ^ (h >> 29);
  }

  const std::vector<ImageFact>& facts_;
  std::vector<std::uint32_t> slots_;
};

}  // namespace redflag::internal
