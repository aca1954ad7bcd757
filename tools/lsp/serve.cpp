#include "tools/lsp/serve.hpp"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <deque>

namespace redflag::lsp {
namespace {

// Whether the arrays and objects of JSON text [body] nest deeper than kMaxDepth (outside strings).
bool too_deep(std::string_view body) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

Incoming parse(const RawMessage& raw) {
  Incoming incoming;
  switch (raw.status) {
    case RawMessage::Status::Ok: {
      if (too_deep(raw.body)) {
        incoming.error = ErrorCode::InvalidRequest;
        incoming.error_message = "the message nests arrays and objects deeper than " + std::to_string(kMaxDepth);
        break;
      }
      json message = json::parse(raw.body, nullptr, false);
      if (message.is_discarded()) {
        incoming.error = ErrorCode::ParseError;
        incoming.error_message = "the message is not JSON";
      } else {
        incoming.message = std::move(message);
      }
      break;
    }
    case RawMessage::Status::TooLarge:
      incoming.error = ErrorCode::InvalidRequest;
      incoming.error_message = raw.error;
      break;
    case RawMessage::Status::BadHeader:
    case RawMessage::Status::End:
      incoming.error = ErrorCode::ParseError;
      incoming.error_message = raw.error;
      break;
  }
  return incoming;
}

}  // namespace

std::string frame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out += body;
  return out;
}

int serve(ByteSource& input, const std::function<void(std::string_view)>& output, const ServeOptions& options) {
  Server server([&output](const json& message) { output(frame(message.dump(-1, ' ', false, json::error_handler_t::replace))); },
                options.server);
  MessageReader reader(input);
  std::deque<Incoming> queue;
  bool at_end = false;
  const auto read_one = [&] {
    RawMessage raw = reader.next();
    if (raw.status == RawMessage::Status::End) {
      at_end = true;
    } else {
      queue.push_back(parse(raw));
    }
  };
  while (!server.exited()) {
    while (!at_end && queue.size() < kReadAhead && reader.ready(0)) read_one();
    if (queue.empty()) {
      if (at_end) break;
      if (server.has_pending() && !reader.ready(options.debounce_ms)) {
        server.publish_pending();
        continue;
      }
      read_one();
      continue;
    }
    const Incoming next = std::move(queue.front());
    queue.pop_front();
    server.handle(next, queue);
  }
  return server.exit_code();
}

std::size_t BufferSource::read(char* data, std::size_t size) {
  const std::size_t taken = std::min(size, bytes_.size());
  std::copy_n(bytes_.data(), taken, data);
  bytes_.remove_prefix(taken);
  return taken;
}

std::size_t FdSource::read(char* data, std::size_t size) {
  while (true) {
    const ssize_t got = ::read(fd_, data, size);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno != EINTR) return 0;
  }
}

bool FdSource::wait_readable(int timeout_ms) {
  pollfd watched{fd_, POLLIN, 0};
  while (true) {
    const int ready = ::poll(&watched, 1, timeout_ms);
    if (ready >= 0) return ready > 0;
    if (errno != EINTR) return true;  // let read() report the problem as the end of input
  }
}

}  // namespace redflag::lsp
