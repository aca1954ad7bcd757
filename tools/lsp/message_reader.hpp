// The LSP base protocol: messages framed by `Content-Length` headers (LSP 3.17 "Base Protocol").
//
// MessageReader cuts a byte stream into message bodies. It does not parse JSON. A header block
// it cannot use (no or a bad `Content-Length`, a line that is not `Name: value`, a line longer
// than kMaxHeaderLine) is reported as BadHeader and skipped; the reader then resynchronises at
// the next `Content-Length:` it sees. A body longer than kMaxMessageBytes is reported as
// TooLarge at once, then read and dropped in small pieces, so no message can make the server
// hold more than that limit.
#pragma once

#include <cstddef>
#include <string>

#include "compiler/source_file.hpp"

namespace redflag::lsp {

// Where the reader's bytes come from: stdin, or a buffer (tests, the fuzzer).
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to [size] bytes into [data], waiting for at least one; 0 at the end of input.
  virtual std::size_t read(char* data, std::size_t size) = 0;
  // Whether read() would return at once, waiting up to [timeout_ms] for input to arrive.
  virtual bool wait_readable(int timeout_ms) = 0;
};

// A header line longer than this is not a header: 8 KiB, HTTP servers' usual limit.
inline constexpr std::size_t kMaxHeaderLine = 8 << 10;
// A didOpen of the largest source the compiler reads (kMaxSourceBytes) fits, with JSON escapes.
inline constexpr std::size_t kMaxMessageBytes = 2 * kMaxSourceBytes;

struct RawMessage {
  enum class Status { Ok, End, BadHeader, TooLarge };
  Status status = Status::End;
  std::string body;   // Ok: the JSON text
  std::string error;  // BadHeader / TooLarge: what was wrong, one line
};

class MessageReader {
 public:
  explicit MessageReader(ByteSource& source) : source_(source) {}

  // The next message; End at the end of input (also inside a header block or a body).
  RawMessage next();
  // Whether next() has bytes to start from without waiting more than [timeout_ms].
  bool ready(int timeout_ms);

 private:
  enum class Line { Ok, End, TooLong };
  Line read_line(std::string& line);
  bool fill();
  bool read_body(std::size_t length, std::string& body);
  bool skip_body(std::size_t length);

  ByteSource& source_;
  std::string buffer_;
  std::size_t pos_ = 0;
  std::string resync_;  // a `Content-Length:` line found inside a bad header line
  std::size_t skip_ = 0;  // bytes of a TooLarge body still to drop
};

}  // namespace redflag::lsp
