#include "runtime/cases/line_reader.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace redflag {

LineReader::LineReader(int fd, std::size_t max_line) : fd_(fd), max_line_(max_line) {}

bool LineReader::next(std::string_view& line, std::uint64_t& line_number, bool& too_long, std::string& read_error) {
  read_error.clear();
  for (;;) {
    const char* found =
        scan_ < end_ ? static_cast<const char*>(std::memchr(buffer_.data() + scan_, '\n', end_ - scan_)) : nullptr;
    if (found != nullptr) {
      const std::size_t end = static_cast<std::size_t>(found - buffer_.data());
      const bool yielded = yield(end, line, line_number, too_long);
      begin_ = scan_ = end + 1;
      return yielded;
    }
    scan_ = end_;
    // One byte over max_line may be the "\r" of a "\r\n" still to come.
    if (!skipping_ && end_ - begin_ > max_line_ + 1) skipping_ = true;
    if (skipping_) begin_ = scan_ = end_;  // drop what streams past; only the "\n" matters
    if (done_ || !fill(read_error)) {
      if (!read_error.empty() || (begin_ == end_ && !skipping_)) return false;
      const bool yielded = yield(end_, line, line_number, too_long);  // a last line without "\n"
      begin_ = scan_ = end_;
      return yielded;
    }
  }
}

bool LineReader::yield(std::size_t end, std::string_view& line, std::uint64_t& line_number, bool& too_long) {
  std::size_t size = end - begin_;
  if (size > 0 && buffer_[end - 1] == '\r') --size;
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
