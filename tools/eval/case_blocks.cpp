#include "tools/eval/case_blocks.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "tools/name_suffix.hpp"

namespace redflag::tools {
namespace {

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Appends one read(2) of [fd] to [contents]; sets [at_end] at end of input and returns the errno
// text on failure.
std::string read_some(int fd, std::string& contents, bool& at_end) {
  char chunk[1 << 16];
  for (;;) {
    const ssize_t got = read(fd, chunk, sizeof chunk);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return std::strerror(errno);
    at_end = got == 0;
    contents.append(chunk, static_cast<std::size_t>(got));
    return {};
  }
}

}  // namespace

InputSource::InputSource(const std::vector<std::string>& paths, std::size_t block_bytes, InputFormat format,
                         CaseTranslator translate)
    : paths_(paths), block_bytes_(block_bytes), format_(format), translate_(std::move(translate)) {
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
  block.input_errors = 0;
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
      } else if (line.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
        add(block, Entry::Kind::InputError, last_line_,
            "the line starts with a byte order mark (U+FEFF); only the start of an input may have one");
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
    start_input(block, STDIN_FILENO, path);
    return true;
  }
  fd_ = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    add(block, Entry::Kind::InputError, 0, fmt::format("cannot open `{}`: {}", path, std::strerror(errno)));
    return true;
  }
  start_input(block, fd_, path);
  return true;
}

void InputSource::start_input(Block& block, int fd, const std::string& path) {
  // One case, so the same limit as one JSON Lines line: memory stays bounded.
  constexpr std::size_t kMaxCase = LineReader::kDefaultMaxLine;
  const bool lines_when_alone = path == "-" || ends_with_ignoring_case(path, ".jsonl");
  std::string contents;
  bool at_end = false;
  Framing framing = format_ == InputFormat::Json || format_ == InputFormat::Fhir ? Framing::Json
                    : format_ == InputFormat::JsonLines ? Framing::JsonLines
                                                        : Framing::Undecided;
  std::string error;
  // Read until the framing is known, and far enough to see a byte order mark.
  do {
    error = read_some(fd, contents, at_end);
    if (contents.compare(0, kByteOrderMark.size(), kByteOrderMark) == 0) contents.replace(0, kByteOrderMark.size(), "   ");
    if (framing == Framing::Undecided) framing = detect_framing(contents, at_end, lines_when_alone);
    // Past the limit either framing refuses the first case; JSON Lines can still read the next.
    if (framing == Framing::Undecided && contents.size() > kMaxCase) {
      framing = lines_when_alone ? Framing::JsonLines : Framing::Json;
    }
  } while (error.empty() && !at_end && (framing == Framing::Undecided || contents.size() < kByteOrderMark.size()));
  if (error.empty() && framing == Framing::JsonLines) {
    lines_.emplace(fd, std::move(contents));
    return;
  }
  while (error.empty() && !at_end && contents.size() <= kMaxCase) error = read_some(fd, contents, at_end);
  if (!error.empty()) {
    add(block, Entry::Kind::InputError, 0, fmt::format("cannot read `{}`: {}", names_[current_], error));
  } else if (contents.size() > kMaxCase) {
    add(block, Entry::Kind::InputError, 0, fmt::format("case file is longer than the limit of {} bytes", kMaxCase));
  } else if (format_ == InputFormat::Fhir) {
    std::string translation_error;
    const std::string json = translate_(contents, current_, translation_error);
    if (translation_error.empty()) {
      add(block, Entry::Kind::Case, 0, json);
    } else {
      add(block, Entry::Kind::InputError, 0, translation_error);
    }
  } else {
    add(block, Entry::Kind::Case, 0, contents);
  }
  close_current();
}

void InputSource::close_current() {
  lines_.reset();
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

}  // namespace redflag::tools
