// The language server's dispatcher: JSON-RPC 2.0 messages in, responses and notifications out.
//
// It owns the protocol's lifecycle (LSP 3.17 "Lifecycle Messages"): requests before `initialize`
// get ServerNotInitialized, requests after `shutdown` InvalidRequest, unknown requests
// MethodNotFound, unknown notifications are dropped; `exit` ends the server with 0 after
// `shutdown` and 1 before it. Document changes only mark their KB touched; diagnostics are
// published when the client pauses (serve.hpp's debounce) or before the next request is
// answered, so a flood of changes is analysed once and every answer sees the latest text.
// A request whose `$/cancelRequest` is already waiting in the input is answered
// RequestCancelled without being run. Features live in features.hpp; this file knows none.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "tools/lsp/kb_workspace.hpp"
#include "tools/lsp/lsp_json.hpp"

namespace redflag::lsp {

// One message as read: its JSON, or why it could not be read.
struct Incoming {
  std::optional<json> message;
  ErrorCode error = ErrorCode::ParseError;
  std::string error_message;
};

struct ServerOptions {
  std::string today;  // YYYY-MM-DD, for the `review-overdue` lint
};

class Server {
 public:
  using Send = std::function<void(const json&)>;
  Server(Send send, ServerOptions options);

  // Handles [incoming]; [upcoming] are the messages read after it (for cancellation).
  void handle(const Incoming& incoming, const std::deque<Incoming>& upcoming);
  // Whether documents changed since diagnostics were last published.
  bool has_pending() const;
  void publish_pending();

  bool exited() const { return exit_code_.has_value(); }
  // 0 after `shutdown` then `exit`, 1 for `exit` without `shutdown` or the end of input.
  int exit_code() const { return exit_code_.value_or(1); }

 private:
  using Handler = std::function<json(const json& params)>;
  void request(const json& id, const std::string& method, const json& params, const std::deque<Incoming>& upcoming);
  void notification(const std::string& method, const json& params);
  void reply_error(const json& id, ErrorCode code, const std::string& message);
  json initialize(const json& params);
  void register_features();

  Send send_;
  Workspace workspace_;
  std::map<std::string, Handler> requests_;
  std::map<std::string, std::function<void(const json&)>> notifications_;
  std::vector<std::string> roots_;
  std::map<std::string, std::set<std::string>> published_;  // KB root -> URIs with diagnostics
  bool initialized_ = false;
  bool watch_files_ = false;  // the client registers file watchers dynamically
  bool shut_down_ = false;
  std::optional<int> exit_code_;
};

}  // namespace redflag::lsp
