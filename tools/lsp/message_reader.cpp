#include "tools/lsp/message_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <string_view>
#include <utility>

namespace redflag::lsp {
namespace {

constexpr std::string_view kLengthHeader = "content-length:";

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// A header field name is an HTTP token: letters, digits and a few symbols.
bool is_token(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) || std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
  });
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::optional<std::size_t> parse_length(std::string_view text) {
  text = trim(text);
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

bool MessageReader::fill() {
  if (pos_ > 0 && pos_ == buffer_.size()) {
    buffer_.clear();
    pos_ = 0;
  }
  char chunk[64 << 10];
  const std::size_t got = source_.read(chunk, sizeof chunk);
  if (got == 0) return false;
  buffer_.append(chunk, got);
  return true;
}

bool MessageReader::ready(int timeout_ms) {
  return pos_ < buffer_.size() || !resync_.empty() || source_.wait_readable(timeout_ms);
}

MessageReader::Line MessageReader::read_line(std::string& line) {
  line.clear();
  if (!resync_.empty()) {
    line.swap(resync_);
    return Line::Ok;
  }
  bool too_long = false;
  while (true) {
    const std::size_t newline = buffer_.find('\n', pos_);
    const std::size_t end = newline == std::string::npos ? buffer_.size() : newline;
    if (!too_long) line.append(buffer_, pos_, end - pos_);
    if (line.size() > kMaxHeaderLine) {
      too_long = true;
      line.clear();
    }
    pos_ = newline == std::string::npos ? buffer_.size() : newline + 1;
    if (newline != std::string::npos) break;
    if (!fill()) return Line::End;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return too_long ? Line::TooLong : Line::Ok;
}

bool MessageReader::read_body(std::size_t length, std::string& body) {
  body.clear();
  body.reserve(length);
  while (body.size() < length) {
    if (pos_ == buffer_.size() && !fill()) return false;
    const std::size_t take = std::min(length - body.size(), buffer_.size() - pos_);
    body.append(buffer_, pos_, take);
    pos_ += take;
  }
  return true;
}

bool MessageReader::skip_body(std::size_t length) {
  while (length > 0) {
    if (pos_ == buffer_.size() && !fill()) return false;
    const std::size_t take = std::min(length, buffer_.size() - pos_);
    pos_ += take;
    length -= take;
  }
  return true;
}

RawMessage MessageReader::next() {
  RawMessage message;
  if (skip_ > 0 && !skip_body(std::exchange(skip_, 0))) return message;
  std::optional<std::size_t> length;
  std::string error;
  std::string line;
  bool any_header = false;
  while (true) {
    const Line got = read_line(line);
    if (got == Line::End) return message;
    if (got == Line::TooLong) {
      error = "a header line is longer than 8 KiB";
      continue;
    }
    if (line.empty()) {
      if (!any_header && error.empty()) continue;  // noise between messages, not an empty block
      break;
    }
    any_header = true;
    const std::size_t colon = line.find(':');
    const std::string_view name = colon == std::string::npos ? std::string_view() : std::string_view(line).substr(0, colon);
    if (!is_token(name)) {
      const std::size_t found = lower(line).find(kLengthHeader, 1);
      if (found != std::string::npos) resync_ = line.substr(found);
      error = "a header line is not `Name: value`";
      if (!resync_.empty()) break;
      continue;
    }
    if (lower(name) + ":" != kLengthHeader) continue;  // Content-Type and others: nothing to do
    length = parse_length(std::string_view(line).substr(colon + 1));
    if (!length) error = "`Content-Length` is not a byte count";
  }
  if (error.empty() && !length) error = "a header block has no `Content-Length`";
  if (!error.empty()) {
    message.status = RawMessage::Status::BadHeader;
    message.error = error;
    return message;
  }
  if (*length > kMaxMessageBytes) {
    skip_ = *length;
    message.status = RawMessage::Status::TooLarge;
    message.error = "a message of " + std::to_string(*length) + " bytes is larger than the server's limit of " +
                    std::to_string(kMaxMessageBytes) + " bytes";
    return message;
  }
  if (!read_body(*length, message.body)) return RawMessage{};
  message.status = RawMessage::Status::Ok;
  return message;
}

}  // namespace redflag::lsp
