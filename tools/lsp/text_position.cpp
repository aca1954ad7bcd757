#include "tools/lsp/text_position.hpp"

#include <algorithm>

namespace redflag::lsp {
namespace {

// UTF-16 code units of the UTF-8 sequence that starts with [lead]: 2 for 4-byte sequences.
std::uint32_t utf16_units(unsigned char lead) { return lead >= 0xF0 ? 2 : 1; }

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

std::size_t LineIndex::line_start(std::size_t line) const {
  return line < starts_.size() ? starts_[line] : text_.size();
}

std::string_view LineIndex::line_text(std::size_t line) const {
  const std::size_t start = line_start(line);
  std::size_t end = line + 1 < starts_.size() ? starts_[line + 1] - 1 : text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return text_.substr(start, end - start);
}

std::optional<std::size_t> LineIndex::offset_of(Position position) const {
  if (position.line >= starts_.size()) return std::nullopt;
  const std::string_view line = line_text(position.line);
  std::uint32_t units = 0;
  std::size_t i = 0;
  while (i < line.size() && units < position.character) {
    units += utf16_units(static_cast<unsigned char>(line[i]));
    ++i;
    while (i < line.size() && is_continuation(static_cast<unsigned char>(line[i]))) ++i;
  }
  return starts_[position.line] + i;
}

Position LineIndex::position_of(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto after = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(after - starts_.begin()) - 1;
  std::uint32_t units = 0;
  for (std::size_t i = starts_[line]; i < offset; ++i) {
    const auto byte = static_cast<unsigned char>(text_[i]);
    if (!is_continuation(byte)) units += utf16_units(byte);
  }
  return Position{static_cast<std::uint32_t>(line), units};
}

json position_json(Position position) {
  return json{{"line", position.line}, {"character", position.character}};
}

json range_json(Position start, Position end) {
  return json{{"start", position_json(start)}, {"end", position_json(end)}};
}

json span_range(const LineIndex& index, const SourceSpan& span) {
  if (span.begin.line == 0) return range_json({}, {});
  const std::size_t start = static_cast<std::size_t>(span.begin.offset);
  return range_json(index.position_of(start), index.position_of(start + span.length));
}

Position position_from_json(const json& value) {
  const auto is_count = [&](const char* key) {
    return value.contains(key) && value[key].is_number_integer() && value[key].get<std::int64_t>() >= 0 &&
           value[key].get<std::int64_t>() <= 0xFFFFFFFF;
  };
  if (!value.is_object() || !is_count("line") || !is_count("character")) {
    throw LspError(ErrorCode::InvalidParams, "a position is {line, character} with unsigned integers");
  }
  return Position{value["line"].get<std::uint32_t>(), value["character"].get<std::uint32_t>()};
}

}  // namespace redflag::lsp
