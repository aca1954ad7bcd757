#include "runtime/cases/line_reader.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace redflag {

LineReader::LineReader(int fd, std::size_t max_line) : fd_(fd), max_line_(max_line) {}

LineReader::LineReader(int fd, std::string already_read, std::size_t max_line)
    : fd_(fd), max_line_(max_line), buffer_(already_read.begin(), already_read.end()), end_(buffer_.size()) {}

bool LineReader::next(std::string_view& line, std::uint64_t& line_number, bool& too_long, std::string& read_error) {
  read_error.clear();
  for (;;) {
    std::size_t end = 0, after = 0;
    if (find_line_end(end, after)) {
      const bool yielded = yield(end, line, line_number, too_long);
      begin_ = scan_ = after;
      return yielded;
    }
    if (!skipping_ && scan_ - begin_ > max_line_) skipping_ = true;
    if (skipping_) begin_ = scan_;  // drop what streams past; only the line end matters
    if (!done_ && fill(read_error)) continue;
    if (!read_error.empty()) return false;
    if (scan_ < end_) continue;  // a CR waited for a LF that never came: it ends a line by itself
    if (begin_ == end_ && !skipping_) return false;
    const bool yielded = yield(end_, line, line_number, too_long);  // a last line without a line end
    begin_ = scan_ = end_;
    return yielded;
  }
}

bool LineReader::find_line_end(std::size_t& end, std::size_t& after) {
  const char* data = buffer_.data();
  const auto* lf = scan_ < end_ ? static_cast<const char*>(std::memchr(data + scan_, '\n', end_ - scan_)) : nullptr;
  const std::size_t limit = lf != nullptr ? static_cast<std::size_t>(lf - data) : end_;
  const auto* cr = scan_ < limit ? static_cast<const char*>(std::memchr(data + scan_, '\r', limit - scan_)) : nullptr;
  if (cr == nullptr) {
    scan_ = limit;
    if (lf == nullptr) return false;
    end = limit;
    after = end + 1;
    return true;
  }
  end = static_cast<std::size_t>(cr - data);
  std::size_t next = end + 1;
  if (next < end_ && data[next] == '\r') ++next;  // CR CR LF
  if (next == end_ && !done_) {
    scan_ = end;  // the LF may come with the next read
    return false;
  }
  after = next < end_ && data[next] == '\n' ? next + 1 : end + 1;
  return true;
}

bool LineReader::yield(std::size_t end, std::string_view& line, std::uint64_t& line_number, bool& too_long) {
  const std::size_t size = end - begin_;
  too_long = skipping_ || size > max_line_;
  skipping_ = false;
  line = too_long ? std::string_view() : std::string_view(buffer_.data() + begin_, size);
  line_number = ++lines_;
  return true;
}

bool LineReader::fill(std::string& read_error) {
  if (buffer_.size() - end_ < kChunk) {
    if (begin_ > 0) {
      std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
      end_ -= begin_;
      scan_ -= begin_;
      begin_ = 0;
    }
    // Double, so a long line costs few copies, but never past what the longest line needs.
    if (buffer_.size() - end_ < kChunk) buffer_.resize(std::max(end_ + kChunk, std::min(2 * buffer_.size(), max_line_ + 2 + kChunk)));
  }
  for (;;) {
    const ssize_t got = ::read(fd_, buffer_.data() + end_, buffer_.size() - end_);
    if (got > 0) {
      end_ += static_cast<std::size_t>(got);
      return true;
    }
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      read_error = std::strerror(errno);
      begin_ = scan_ = end_;  // the unfinished line is lost with the stream
      skipping_ = false;
    }
    done_ = true;
    return false;
  }
}

}  // namespace redflag
