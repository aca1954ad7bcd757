// `redflag lsp`'s loop: read messages, hand them to the server, write what it sends.
//
// The loop reads ahead whatever input is already waiting (up to kReadAhead messages) so the
// server can see a `$/cancelRequest` behind the request it cancels. When the input is idle for
// ServeOptions::debounce_ms after documents changed, diagnostics are published: typing a word
// analyses the KB once, after the last keystroke. Output is written with the base protocol's
// `Content-Length` framing. serve_stdio runs it on the process's stdin and stdout.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

#include "tools/lsp/message_reader.hpp"
#include "tools/lsp/server.hpp"

namespace redflag::lsp {

// Messages read ahead of the one being handled; bounds the memory of a flood of messages.
inline constexpr std::size_t kReadAhead = 64;
// LSP messages nest a dozen levels; deeper ones are refused before parsing, so that no
// recursion over the JSON (writing it back, in code actions) can exhaust the stack.
inline constexpr int kMaxDepth = 64;

struct ServeOptions {
  ServerOptions server;
  int debounce_ms = 150;  // how long the input must be idle before diagnostics are published
};

// Serves [input] until `exit` or the end of input, writing framed messages to [output];
// returns the exit status (Server::exit_code).
int serve(ByteSource& input, const std::function<void(std::string_view)>& output, const ServeOptions& options);

// The base protocol framing of [body].
std::string frame(std::string_view body);

// A ByteSource over bytes in memory (the fuzzer, the benchmark): always ready, then ended.
class BufferSource : public ByteSource {
 public:
  explicit BufferSource(std::string_view bytes) : bytes_(bytes) {}
  std::size_t read(char* data, std::size_t size) override;
  bool wait_readable(int) override { return true; }

 private:
  std::string_view bytes_;
};

// A ByteSource over file descriptor [fd] (stdin).
class FdSource : public ByteSource {
 public:
  explicit FdSource(int fd) : fd_(fd) {}
  std::size_t read(char* data, std::size_t size) override;
  bool wait_readable(int timeout_ms) override;

 private:
  int fd_;
};

}  // namespace redflag::lsp
