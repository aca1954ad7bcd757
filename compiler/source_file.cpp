#include "compiler/source_file.hpp"

#include <algorithm>
#include <filesystem>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

namespace redflag {
namespace fs = std::filesystem;

SourceSpan whole_file(std::uint32_t file_id) {
  SourceSpan span;
  span.begin.file_id = file_id;
  return span;
}

std::string not_regular_reason(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo: return "it is a FIFO, not a regular file";
    case fs::file_type::character: return "it is a character device, not a regular file";
    case fs::file_type::block: return "it is a block device, not a regular file";
    case fs::file_type::socket: return "it is a socket, not a regular file";
    default: return "it is not a regular file";
  }
}

namespace {

// The position of byte [offset] of [text], one byte long.
SourceSpan span_at(const std::string& text, std::size_t offset, std::uint32_t file_id) {
  SourceSpan span;
  span.begin.file_id = file_id;
  span.begin.offset = offset;
  span.begin.line = 1 + static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + offset, '\n'));
  const auto line_start = text.rfind('\n', offset == 0 ? std::string::npos : offset - 1);
  span.begin.column = static_cast<std::uint32_t>(
      line_start == std::string::npos || offset == 0 ? offset + 1 : offset - line_start);
  span.length = 1;
  return span;
}

// The length of the valid UTF-8 sequence at [i] of [text], or 0 when it is invalid (overlong
// forms, surrogates and code points above U+10FFFF included).
std::size_t utf8_sequence_length(const std::string& text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

}  // namespace

bool read_source(SourceFile& file, std::uint32_t file_id, Diagnostics& diagnostics) {
  const auto cannot_read = [&](const std::string& why) {
    diagnostics.report<DiagKind::CannotRead>(whole_file(file_id), file.path, why);
    return false;
  };
  std::error_code error;
  const fs::file_status status = fs::status(file.path, error);
  if (error) return cannot_read(error.message());
  // Opening a FIFO would wait for a writer, and a device has no end.
  if (!fs::is_regular_file(status)) return cannot_read(not_regular_reason(status.type()));
  const auto size = fs::file_size(file.path, error);
  if (error) return cannot_read(error.message());
  if (size > kMaxSourceBytes) {
    diagnostics.report<DiagKind::FileTooLarge>(whole_file(file_id), size, kMaxSourceBytes);
    return false;
  }
  std::FILE* stream = std::fopen(file.path.c_str(), "rb");
  if (stream == nullptr) return cannot_read(std::strerror(errno));
  std::string text;
  char chunk[1 << 16];
  std::size_t got = 0;
  while ((got = std::fread(chunk, 1, sizeof chunk, stream)) > 0 && text.size() <= kMaxSourceBytes) text.append(chunk, got);
  const int read_errno = std::ferror(stream) ? errno : 0;
  std::fclose(stream);
  if (read_errno != 0) return cannot_read(std::strerror(read_errno));
  file.text = std::move(text);
  return check_text(file, file_id, diagnostics);
}

bool check_text(const SourceFile& file, std::uint32_t file_id, Diagnostics& diagnostics) {
  const std::string& text = file.text;
  if (text.size() > kMaxSourceBytes) {
    diagnostics.report<DiagKind::FileTooLarge>(whole_file(file_id), text.size(), kMaxSourceBytes);
    return false;
  }
  if (const auto nul = text.find('\0'); nul != std::string::npos) {
    diagnostics.report<DiagKind::NulByte>(span_at(text, nul, file_id));
    return false;
  }
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) {
      diagnostics.report<DiagKind::InvalidUtf8>(
          span_at(text, i, file_id), fmt::format("0x{:02X}", static_cast<unsigned char>(text[i])));
      return false;
    }
    i += length;
  }
  return true;
}

}  // namespace redflag
