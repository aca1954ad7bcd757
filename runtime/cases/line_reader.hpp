// Splits a byte stream into lines with bounded memory: the framing of JSON Lines input.
//
// It reads a file descriptor (standard input, a pipe, a file) with read(2) in 1 MiB chunks into
// one buffer and hands out lines as views into it, shifting the unread tail to the front when
// the buffer runs out. A line ends at LF, CR LF, CR CR LF (a CR LF converted once more) or a lone
// CR (old Mac files). Memory stays under the longest line allowed plus one chunk, whatever the
// input: a longer line is skipped as it streams past, not buffered. It does not parse JSON,
// decode text or report empty lines (callers decide what those mean); it never throws except
// std::bad_alloc. POSIX only (read(2)), like the CLI that uses it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace redflag {

// Splits a stream into lines with bounded memory, for JSON Lines input.
class LineReader {
 public:
  static constexpr std::size_t kDefaultMaxLine = std::size_t{16} << 20;  // 16 MiB
  // Bytes asked of each read(2); also the most the buffer holds beyond max_line.
  static constexpr std::size_t kChunk = std::size_t{1} << 20;  // 1 MiB

  // Reads from [fd] (e.g. 0 for standard input, or an open file) in large chunks.
  explicit LineReader(int fd, std::size_t max_line = kDefaultMaxLine);
  // The same, for a stream whose first bytes, [already_read], were read from [fd] before.
  LineReader(int fd, std::string already_read, std::size_t max_line = kDefaultMaxLine);

  // The next line without its line end, valid until the next call; false at end of input. A
  // last line without a line end is still a line. [line_number] is 1-based.
  // A line longer than max_line sets [too_long], yields an empty view, and the reader skips
  // to the next line without buffering the rest. A read error sets [read_error] (errno text)
  // and ends the input (false), dropping any unfinished line.
  bool next(std::string_view& line, std::uint64_t& line_number, bool& too_long, std::string& read_error);

 private:
  // Makes room and reads one chunk; false at end of input or on an error ([read_error] set).
  bool fill(std::string& read_error);
  // Finds the first line end at or after scan_: [end] is where the line stops, [after] where the
  // next one begins. False when there is none yet; scan_ then moves to where the search resumes
  // (a CR that the next read may complete into CR LF stays unread).
  bool find_line_end(std::size_t& end, std::size_t& after);
  // Yields [begin_, end) as the next line, or as a too-long one when it exceeds max_line_.
  bool yield(std::size_t end, std::string_view& line, std::uint64_t& line_number, bool& too_long);

  int fd_;
  std::size_t max_line_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;  // first byte not yet handed out
  std::size_t end_ = 0;    // end of the bytes read
  std::size_t scan_ = 0;   // [begin_, scan_) holds no line end
  std::uint64_t lines_ = 0;
  bool skipping_ = false;  // inside a too-long line: drop bytes up to its line end
  bool done_ = false;      // end of input or a read error seen
};

}  // namespace redflag
