#include "runtime/visible_text.hpp"

#include <cstdint>
#include <cstring>

namespace redflag {
namespace {

// The code point of the UTF-8 sequence at [i] of [text] and its length in [length]; length 0
// when the bytes there are not valid UTF-8.
std::uint32_t decode(std::string_view text, std::size_t i, std::size_t& length) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  length = 0;
  if (lead < 0x80) {
    length = 1;
    return lead;
  }
  std::size_t size = 0;
  std::uint32_t point = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    size = 2;
    point = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    size = 3;
    point = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    size = 4;
    point = lead & 0x07;
  } else {
    return 0;
  }
  if (i + size > text.size()) return 0;
  for (std::size_t k = 1; k < size; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    point = (point << 6) | (byte(i + k) & 0x3F);
  }
  const bool overlong = (size == 3 && point < 0x800) || (size == 4 && point < 0x10000);
  if (overlong || point > 0x10FFFF || (point >= 0xD800 && point <= 0xDFFF)) return 0;
  length = size;
  return point;
}

// Controls (C0, DEL, C1) and the characters that show as nothing or reorder text: no-break and
// other odd spaces, soft hyphen, zero-width characters, bidirectional marks and overrides,
// line and paragraph separators, the byte order mark.
bool invisible(std::uint32_t point, Keep keep) {
  if (point == '\t') return keep == Keep::Nothing;
  if (point == '\n') return keep != Keep::TabsAndLineFeeds;
  if (point < 0x20 || (point >= 0x7F && point <= 0x9F)) return true;
  return point == 0xA0 || point == 0xAD || point == 0x034F || point == 0x061C || point == 0x115F ||
         point == 0x1160 || point == 0x180E || (point >= 0x2000 && point <= 0x200F) ||
         (point >= 0x2028 && point <= 0x202F) || (point >= 0x205F && point <= 0x206F) || point == 0x3000 ||
         point == 0x3164 || point == 0xFEFF || point == 0xFFA0 || (point >= 0xFFF9 && point <= 0xFFFB);
}

// Printable ASCII, the common case, needs no decoding.
bool plain(char c) { return c >= 0x20 && c < 0x7F; }

// The length of the printable-ASCII run at the start of [text], tested 8 bytes at a time: a
// word has no byte below 0x20 (the "hasless" bit trick) and none at 0x7F or above.
std::size_t plain_run(std::string_view text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u, kHighs = 0x8080808080808080u;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, 8);
    const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighs;
    const std::uint64_t del_or_high = ((word + kOnes) | word) & kHighs;
    if ((below_space | del_or_high) != 0) break;
  }
  while (i < text.size() && plain(text[i])) ++i;
  return i;
}

}  // namespace

bool needs_escapes(std::string_view text, Keep keep) {
  for (std::size_t i = 0; i < text.size();) {
    i += plain_run(text.substr(i));
    if (i == text.size()) break;
    std::size_t length = 0;
    const std::uint32_t point = decode(text, i, length);
    if (length == 0 || invisible(point, keep)) return true;
    i += length;
  }
  return false;
}

std::string visible_text(std::string_view text, Keep keep) {
  static constexpr char kDigits[] = "0123456789abcdef";
  if (!needs_escapes(text, keep)) return std::string(text);
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (plain(text[i])) {
      out += text[i++];
      continue;
    }
    std::size_t length = 0;
    const std::uint32_t point = decode(text, i, length);
    if (length == 0) {
      const auto byte = static_cast<unsigned char>(text[i]);
      out += "\\x";
      out += kDigits[byte >> 4];
      out += kDigits[byte & 0xF];
      ++i;
      continue;
    }
    if (invisible(point, keep)) {
      std::string hex;
      for (std::uint32_t rest = point; hex.empty() || rest != 0; rest >>= 4) hex.insert(hex.begin(), kDigits[rest & 0xF]);
      out += "\\u{" + hex + "}";
    } else {
      out.append(text, i, length);
    }
    i += length;
  }
  return out;
}

}  // namespace redflag
