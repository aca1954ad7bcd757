#include "tools/eval/case_blocks.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace redflag::tools {
namespace {

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Reads all of [fd] into [contents], stopping once it holds more than [limit] bytes; returns
// the errno text on failure.
std::string read_all(int fd, std::size_t limit, std::string& contents) {
  char chunk[1 << 16];
  while (contents.size() <= limit) {
    const ssize_t got = read(fd, chunk, sizeof chunk);
    if (got == 0) return {};
    if (got < 0) {
      if (errno == EINTR) continue;
      return std::strerror(errno);
    }
    contents.append(chunk, static_cast<std::size_t>(got));
  }
  return {};
}

}  // namespace

InputSource::InputSource(const std::vector<std::string>& paths, std::size_t block_bytes)
    : paths_(paths), block_bytes_(block_bytes) {
  for (const auto& path : paths) names_.push_back(path == "-" ? "<stdin>" : path);
}

InputSource::~InputSource() { close_current(); }

void InputSource::add(Block& block, Entry::Kind kind, std::uint64_t line, std::string_view text) {
  block.entries.push_back({kind, current_, line, block.text.size(), text.size()});
  block.text.append(text);
}

bool InputSource::fill(Block& block) {
  block.text.clear();
  block.entries.clear();
  block.output.clear();
  block.had_input_errors = false;
  while (block.text.size() < block_bytes_) {
    if (!lines_) {
      if (!open_next(block)) break;
      continue;
    }
    std::string_view line;
    bool too_long = false;
    if (lines_->next(line, last_line_, too_long, read_error_)) {
      if (too_long) {
        add(block, Entry::Kind::TooLong, last_line_, "");
      } else if (is_blank(line)) {
        add(block, Entry::Kind::Blank, last_line_, "");
      } else {
        add(block, Entry::Kind::Case, last_line_, line);
      }
      continue;
    }
    if (!read_error_.empty()) add(block, Entry::Kind::InputError, last_line_ + 1, "cannot read input: " + read_error_);
    close_current();
  }
  block.text.append(CaseReader::kPadding, ' ');  // after the last entry, as the next ones follow the others
  return !block.entries.empty();
}

bool InputSource::open_next(Block& block) {
  if (next_ >= paths_.size()) return false;
  current_ = static_cast<std::uint32_t>(next_);
  const std::string& path = paths_[next_++];
  last_line_ = 0;
  if (path == "-") {
    lines_.emplace(STDIN_FILENO);
    return true;
  }
  fd_ = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    add(block, Entry::Kind::InputError, 0, fmt::format("cannot open `{}`: {}", path, std::strerror(errno)));
    return true;
  }
  if (ends_with(path, ".jsonl")) {
    lines_.emplace(fd_);
    return true;
  }
  // One case, so the same limit as one JSON Lines line: memory stays bounded.
  constexpr std::size_t kMaxCase = LineReader::kDefaultMaxLine;
  std::string contents;
  if (const auto error = read_all(fd_, kMaxCase, contents); !error.empty()) {
    add(block, Entry::Kind::InputError, 0, fmt::format("cannot read `{}`: {}", path, error));
  } else if (contents.size() > kMaxCase) {
    add(block, Entry::Kind::InputError, 0, fmt::format("case file is longer than the limit of {} bytes", kMaxCase));
  } else {
    add(block, Entry::Kind::Case, 0, contents);
  }
  close_current();
  return true;
}

void InputSource::close_current() {
  lines_.reset();
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

}  // namespace redflag::tools
