// The JSON Lines framing (runtime/cases/line_reader.hpp): line endings, empty and last lines, lines
// too long, lines across read chunks, pipes, files and read errors.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "runtime/cases/line_reader.hpp"

namespace redflag {
namespace {

struct Line {
  std::string text;
  std::uint64_t number;
  bool too_long;
};

std::vector<Line> read_all(int fd, std::size_t max_line, std::string* read_error = nullptr) {
  LineReader reader(fd, max_line);
  std::vector<Line> lines;
  std::string_view line;
  std::uint64_t number = 0;
  bool too_long = false;
  std::string error;
  while (reader.next(line, number, too_long, error)) lines.push_back({std::string(line), number, too_long});
  if (read_error != nullptr) *read_error = error;
  else CHECK(error == "");
  return lines;
}

// The lines of [data] written into a pipe by another thread, as the reader sees them.
std::vector<Line> lines_of(const std::string& data, std::size_t max_line = LineReader::kDefaultMaxLine) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  std::thread writer([&] {
    std::size_t done = 0;
    while (done < data.size()) {
      const ssize_t wrote = ::write(fds[1], data.data() + done, data.size() - done);
      if (wrote <= 0) break;
      done += static_cast<std::size_t>(wrote);
    }
    ::close(fds[1]);
  });
  std::vector<Line> lines = read_all(fds[0], max_line);
  writer.join();
  ::close(fds[0]);
  return lines;
}

std::vector<std::string> texts(const std::vector<Line>& lines) {
  std::vector<std::string> result;
  for (const Line& line : lines) result.push_back(line.too_long ? "<too long>" : line.text);
  return result;
}

using Texts = std::vector<std::string>;

TEST_CASE("line reader: LF, CRLF, empty lines and a last line without newline") {
  CHECK(texts(lines_of("a\nb\n")) == Texts{"a", "b"});
  CHECK(texts(lines_of("a\r\nb\r\n")) == Texts{"a", "b"});
  CHECK(texts(lines_of("a\n\n\nb\n")) == Texts{"a", "", "", "b"});
  CHECK(texts(lines_of("a\nlast")) == Texts{"a", "last"});
  CHECK(texts(lines_of("last\r")) == Texts{"last"});
  CHECK(texts(lines_of("")).empty());
  CHECK(texts(lines_of("\n")) == Texts{""});
  CHECK(texts(lines_of("\r\n\r\n")) == Texts{"", ""});
  const std::vector<Line> lines = lines_of("x\n\ny");
  REQUIRE(lines.size() == 3);
  for (std::uint64_t i = 0; i < 3; ++i) CHECK(lines[i].number == i + 1);
}

TEST_CASE("line reader: a lone CR ends a line, and CR CR LF is one line end") {
  CHECK(texts(lines_of("a\rb\rc")) == Texts{"a", "b", "c"});           // old Mac files
  CHECK(texts(lines_of("a\rb\r\r\n")) == Texts{"a", "b"});           // CR CR LF: a CR LF converted again
  CHECK(texts(lines_of("a\r\rb\r")) == Texts{"a", "", "b"});           // two lone CRs: an empty line
  CHECK(texts(lines_of("a\r\r\r\nb")) == Texts{"a", "", "b"});       // CR, then CR CR LF
  CHECK(texts(lines_of("a\r\n\rb")) == Texts{"a", "", "b"});
  const std::vector<Line> lines = lines_of("x\ry\r\nz");
  REQUIRE(lines.size() == 3);
  for (std::uint64_t i = 0; i < 3; ++i) CHECK(lines[i].number == i + 1);
}

// The lines of [first] (read before, as eval's framing check does) followed by [rest] from a pipe.
std::vector<std::string> lines_after(const std::string& first, const std::string& rest) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  REQUIRE(::write(fds[1], rest.data(), rest.size()) == static_cast<ssize_t>(rest.size()));
  ::close(fds[1]);
  LineReader reader(fds[0], first);
  std::vector<std::string> lines;
  std::string_view line;
  std::uint64_t number = 0;
  bool too_long = false;
  std::string error;
  while (reader.next(line, number, too_long, error)) lines.emplace_back(line);
  ::close(fds[0]);
  return lines;
}

TEST_CASE("line reader: bytes read before come first, and a CR LF split between reads is one line end") {
  CHECK(lines_after("a\r", "\nb") == Texts{"a", "b"});
  CHECK(lines_after("a\r\r", "\nb") == Texts{"a", "b"});
  CHECK(lines_after("a\r", "b") == Texts{"a", "b"});
  CHECK(lines_after("a\r", "") == Texts{"a"});
  CHECK(lines_after("{\"id\":1}\n{", "\"id\":2}\n") == Texts{"{\"id\":1}", "{\"id\":2}"});
  CHECK(lines_after("", "x\ny") == Texts{"x", "y"});
}

TEST_CASE("line reader: a line longer than max_line is skipped and the next one still read") {
  const std::vector<Line> lines = lines_of("abc\n0123456789\nxy\n12345\n123456\n", 5);
  CHECK(texts(lines) == Texts{"abc", "<too long>", "xy", "12345", "<too long>"});
  REQUIRE(lines.size() == 5);
  CHECK(lines[1].text == "");
  CHECK(lines[1].number == 2);
  CHECK(lines[2].number == 3);
  CHECK(texts(lines_of("12345\r\n", 5)) == Texts{"12345"});  // the "\r" does not count
  CHECK(texts(lines_of("ok\n0123456789", 5)) == Texts{"ok", "<too long>"});
  CHECK(texts(lines_of("", 0)).empty());
  CHECK(texts(lines_of("\na\n", 0)) == Texts{"", "<too long>"});
}

TEST_CASE("line reader: a too-long line spanning many chunks streams past") {
  const std::string huge(3 * LineReader::kChunk + 17, 'x');
  CHECK(texts(lines_of("first\n" + huge + "\nnext\n" + huge, 100)) == Texts{"first", "<too long>", "next", "<too long>"});
  // Within max_line, a line longer than a chunk is read whole.
  const std::vector<Line> lines = lines_of("a\n" + huge + "\r\nb", huge.size());
  REQUIRE(lines.size() == 3);
  CHECK(lines[1].text == huge);
  CHECK(lines[2].text == "b");
}

// Lines of many lengths (0 to ~3000 bytes) making [total] bytes or more.
std::string varied_lines(std::size_t total, std::vector<std::string>& expected) {
  std::string data;
  for (std::size_t i = 0; data.size() < total; ++i) {
    std::string line(i * 7919 % 3001, static_cast<char>('a' + i % 26));
    line += std::to_string(i);
    data += line + (i % 3 == 0 ? "\r\n" : "\n");
    expected.push_back(line);
  }
  return data;
}

TEST_CASE("line reader: lines across chunk boundaries, from a pipe") {
  std::vector<std::string> expected;
  const std::string data = varied_lines(3 * LineReader::kChunk, expected);
  CHECK(texts(lines_of(data)) == expected);
}

TEST_CASE("line reader: lines across chunk boundaries, from a file") {
  std::vector<std::string> expected;
  const std::string data = varied_lines(3 * LineReader::kChunk, expected);
  FILE* file = std::tmpfile();
  REQUIRE(file != nullptr);
  REQUIRE(std::fwrite(data.data(), 1, data.size(), file) == data.size());
  REQUIRE(std::fflush(file) == 0);
  REQUIRE(::lseek(::fileno(file), 0, SEEK_SET) == 0);
  CHECK(texts(read_all(::fileno(file), LineReader::kDefaultMaxLine)) == expected);
  std::fclose(file);
}

TEST_CASE("line reader: a read error ends the input with errno's text") {
  const int directory = ::open(".", O_RDONLY | O_DIRECTORY);
  REQUIRE(directory >= 0);
  std::string error;
  CHECK(read_all(directory, 100, &error).empty());
  CHECK(error == "Is a directory");
  ::close(directory);
  CHECK(read_all(-1, 100, &error).empty());
  CHECK(error == "Bad file descriptor");
}

}  // namespace
}  // namespace redflag
