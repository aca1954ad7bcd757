#include "compiler/source_file.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace redflag {
namespace fs = std::filesystem;
namespace {

// The whole of file [file_id], for problems with no position in it.
SourceSpan whole_file(std::uint32_t file_id) {
  SourceSpan span;
  span.begin.file_id = file_id;
  return span;
}

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

void add_rf_files(const fs::path& directory, std::vector<std::string>& out, std::error_code& error) {
  for (fs::recursive_directory_iterator it(directory, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file(error) && it->path().extension() == ".rf") {
      out.push_back(it->path().generic_string());
    }
  }
}

}  // namespace

std::vector<std::uint32_t> expand_paths(const std::vector<std::string>& paths,
                                        std::vector<SourceFile>& files, Diagnostics& diagnostics) {
  std::vector<std::uint32_t> readable;
  const auto add_entry = [&](const std::string& path) {
    files.push_back(SourceFile{path, {}});
    return static_cast<std::uint32_t>(files.size() - 1);
  };
  for (const auto& path : paths) {
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      readable.push_back(add_entry(path));
      continue;
    }
    std::vector<std::string> found;
    add_rf_files(path, found, error);
    if (error) {
      diagnostics.report<DiagKind::CannotRead>(whole_file(add_entry(path)), path, error.message());
      continue;
    }
    if (found.empty()) {
      diagnostics.report<DiagKind::NoSourceFiles>(whole_file(add_entry(path)), path);
      continue;
    }
    std::sort(found.begin(), found.end());
    for (const auto& file : found) readable.push_back(add_entry(file));
  }
  return readable;
}

bool read_source(SourceFile& file, std::uint32_t file_id, Diagnostics& diagnostics) {
  std::error_code error;
  const auto size = fs::file_size(file.path, error);
  if (error) {
    diagnostics.report<DiagKind::CannotRead>(whole_file(file_id), file.path, error.message());
    return false;
  }
  if (size > kMaxSourceBytes) {
    diagnostics.report<DiagKind::FileTooLarge>(whole_file(file_id), size, kMaxSourceBytes);
    return false;
  }
  std::ifstream stream(file.path, std::ios::binary);
  std::ostringstream buffer;
  if (!(stream && buffer << stream.rdbuf()) && size != 0) {
    diagnostics.report<DiagKind::CannotRead>(whole_file(file_id), file.path,
                                             "the file could not be read");
    return false;
  }
  file.text = std::move(buffer).str();
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
