#include "tools/xml_text.hpp"

#include <cstdint>
#include <iterator>

namespace redflag::tools {
namespace {

// The code point of the UTF-8 sequence at [text][i] and its length in bytes; length 0 when the
// bytes there are not a well-formed sequence (overlong forms and surrogates included).
struct Decoded {
  std::uint32_t code_point = 0;
  std::size_t length = 0;
};

Decoded decode_utf8(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return {lead, 1};
  const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || i + length > text.size()) return {};
  std::uint32_t code_point = lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return {};
    code_point = (code_point << 6) | (byte(k) & 0x3F);
  }
  static constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  if (code_point < kSmallest[length] || code_point > 0x10FFFF || surrogate) return {};
  return {code_point, length};
}

// Control characters (Unicode category Cc) and the two non-characters XML 1.0 excludes.
bool needs_visible_escape(std::uint32_t code_point) {
  return code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F) || code_point == 0xFFFE ||
         code_point == 0xFFFF;
}

}  // namespace

void append_xml_text(fmt::memory_buffer& out, std::string_view text, XmlPlace place) {
  const auto put = [&](std::string_view piece) { out.append(piece.data(), piece.data() + piece.size()); };
  for (std::size_t i = 0; i < text.size();) {
    const Decoded decoded = decode_utf8(text, i);
    if (decoded.length == 0) {
      fmt::format_to(std::back_inserter(out), "\\x{:02x}", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    const std::uint32_t c = decoded.code_point;
    const bool in_attribute = place == XmlPlace::Attribute;
    switch (c) {
      case '&': put("&amp;"); break;
      case '<': put("&lt;"); break;
      case '>': put("&gt;"); break;
      case '"': put("&quot;"); break;
      case '\r': put("&#13;"); break;  // a reader turns a raw CR (or CR LF) into LF, even in text
      case '\n': put(in_attribute ? "&#10;" : "\n"); break;
      case '\t': put(in_attribute ? "&#9;" : "\t"); break;
      default:
        if (needs_visible_escape(c)) {
          fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
        } else {
          put(text.substr(i, decoded.length));
        }
    }
    i += decoded.length;
  }
}

}  // namespace redflag::tools
