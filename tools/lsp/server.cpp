#include "tools/lsp/server.hpp"

#include "tools/lsp/features.hpp"

namespace redflag::lsp {
namespace {

bool is_id(const json& id) { return id.is_number_integer() || id.is_string(); }

// Whether [upcoming] holds `$/cancelRequest` for [id].
bool cancelled(const json& id, const std::deque<Incoming>& upcoming) {
  for (const auto& next : upcoming) {
    if (!next.message || !next.message->is_object()) continue;
    const json& message = *next.message;
    if (message.value("method", "") == "$/cancelRequest" && message.contains("params") &&
        message["params"].is_object() && message["params"].value("id", json()) == id) {
      return true;
    }
  }
  return false;
}

std::string text_of(const json& params) {
  const json& document = params.at("textDocument");
  return document.at("text").get<std::string>();
}

}  // namespace

Server::Server(Send send, ServerOptions options)
    : send_(std::move(send)), workspace_(WorkspaceOptions{std::move(options.today)}) {
  register_features();
}

void Server::register_features() {
  Workspace& w = workspace_;
  requests_["shutdown"] = [this](const json&) {
    shut_down_ = true;
    return json(nullptr);
  };

  const auto on = [this](const char* method, json (*feature)(Workspace&, const json&)) {
    requests_[method] = [this, feature](const json& params) { return feature(workspace_, params); };
  };
  on("textDocument/hover", hover);
  on("textDocument/definition", definition);
  on("textDocument/references", references);
  on("textDocument/prepareRename", prepare_rename);
  on("textDocument/rename", rename);
  on("textDocument/formatting", formatting);
  on("textDocument/rangeFormatting", range_formatting);
  on("textDocument/completion", completion);
  on("textDocument/codeAction", code_actions);
  on("textDocument/codeLens", code_lenses);
  on("textDocument/inlayHint", inlay_hints);
  on("workspace/executeCommand", run_tests_command);
  on("textDocument/semanticTokens/full", semantic_tokens);
  on("textDocument/documentSymbol", document_symbols);
  on("textDocument/foldingRange", folding_ranges);
  requests_["workspace/symbol"] = [this](const json& params) { return workspace_symbols(workspace_, roots_, params); };

  // Files changed on disk reach the server as didChangeWatchedFiles: ask a client that can
  // register watchers dynamically to watch every `.rf` file (the response needs no handling).
  notifications_["initialized"] = [this](const json&) {
    if (!watch_files_) return;
    const json watcher = {{"globPattern", "**/*.rf"}};
    send_({{"jsonrpc", "2.0"},
           {"id", "redflag/watch-sources"},
           {"method", "client/registerCapability"},
           {"params", {{"registrations", json::array({{{"id", "redflag/watch-sources"},
                                                         {"method", "workspace/didChangeWatchedFiles"},
                                                         {"registerOptions", {{"watchers", json::array({watcher})}}}}})}}}});
  };
  notifications_["textDocument/didOpen"] = [&w](const json& params) {
    const json& document = params.at("textDocument");
    const std::string uri = document.at("uri").get<std::string>();
    w.documents().open(uri, text_of(params), document.value("version", 0));
    w.touch(path_of_uri(uri));
  };
  notifications_["textDocument/didChange"] = [&w](const json& params) {
    const json& document = params.at("textDocument");
    const std::string uri = document.at("uri").get<std::string>();
    w.documents().change(uri, params.at("contentChanges"), document.value("version", 0));
    w.touch(path_of_uri(uri));
  };
  notifications_["textDocument/didClose"] = [&w](const json& params) {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    w.documents().close(uri);
    w.touch(path_of_uri(uri));
  };
  notifications_["textDocument/didSave"] = [&w](const json& params) {
    w.touch(path_of_uri(params.at("textDocument").at("uri").get<std::string>()));
  };
  notifications_["workspace/didChangeWatchedFiles"] = [&w](const json& params) {
    for (const json& change : params.at("changes")) w.touch(path_of_uri(change.at("uri").get<std::string>()));
  };
}

void Server::reply_error(const json& id, ErrorCode code, const std::string& message) {
  send_({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", static_cast<int>(code)}, {"message", message}}}});
}

void Server::handle(const Incoming& incoming, const std::deque<Incoming>& upcoming) {
  if (!incoming.message) {
    reply_error(nullptr, incoming.error, incoming.error_message);
    return;
  }
  const json& message = *incoming.message;
  const json id = message.is_object() ? message.value("id", json()) : json();
  if (!message.is_object() || message.value("jsonrpc", json()) != "2.0") {
    reply_error(is_id(id) ? id : json(), ErrorCode::InvalidRequest, "a message is a JSON object with \"jsonrpc\": \"2.0\"");
    return;
  }
  if (!message.contains("method")) return;  // a response: the server sends no requests
  if (!message["method"].is_string() || (message.contains("id") && !is_id(id))) {
    reply_error(is_id(id) ? id : json(), ErrorCode::InvalidRequest,
                "a request has a string `method` and an integer or string `id`");
    return;
  }
  const std::string method = message["method"].get<std::string>();
  const json params = message.value("params", json::object());
  if (message.contains("id")) {
    request(id, method, params, upcoming);
  } else {
    notification(method, params);
  }
}

void Server::request(const json& id, const std::string& method, const json& params,
                     const std::deque<Incoming>& upcoming) {
  if (method == "initialize") {
    if (initialized_) return reply_error(id, ErrorCode::InvalidRequest, "`initialize` was already sent");
    try {
      send_({{"jsonrpc", "2.0"}, {"id", id}, {"result", initialize(params)}});
      initialized_ = true;
    } catch (const std::exception& error) {
      reply_error(id, ErrorCode::InvalidParams, error.what());
    }
    return;
  }
  if (!initialized_) return reply_error(id, ErrorCode::ServerNotInitialized, "`" + method + "` before `initialize`");
  if (shut_down_) return reply_error(id, ErrorCode::InvalidRequest, "`" + method + "` after `shutdown`");
  if (cancelled(id, upcoming)) return reply_error(id, ErrorCode::RequestCancelled, "`" + method + "` was cancelled");
  const auto handler = requests_.find(method);
  if (handler == requests_.end()) return reply_error(id, ErrorCode::MethodNotFound, "no method `" + method + "`");
  publish_pending();  // so that the answer and the diagnostics describe the same text
  try {
    send_({{"jsonrpc", "2.0"}, {"id", id}, {"result", handler->second(params)}});
  } catch (const LspError& error) {
    reply_error(id, error.code(), error.what());
  } catch (const json::exception& error) {
    reply_error(id, ErrorCode::InvalidParams, std::string("the params of `") + method + "` are malformed: " + error.what());
  } catch (const std::exception& error) {
    reply_error(id, ErrorCode::InternalError, std::string("`") + method + "` failed: " + error.what());
  }
}

void Server::notification(const std::string& method, const json& params) {
  if (method == "exit") {
    exit_code_ = shut_down_ ? 0 : 1;
    return;
  }
  if (!initialized_ || shut_down_) return;  // dropped, as the specification says
  const auto handler = notifications_.find(method);
  if (handler == notifications_.end()) return;
  try {
    handler->second(params);
  } catch (const std::exception& error) {
    send_({{"jsonrpc", "2.0"},
           {"method", "window/logMessage"},
           {"params", {{"type", 1}, {"message", "`" + method + "` ignored: " + error.what()}}}});
  }
}

bool Server::has_pending() const { return workspace_.has_touched(); }

void Server::publish_pending() {
  for (const std::string& root : workspace_.take_touched()) {
    std::set<std::string> uris;
    for (json& params : publish_diagnostics(workspace_.analysis(root))) {
      uris.insert(params["uri"].get<std::string>());
      send_({{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", std::move(params)}});
    }
    for (const std::string& gone : published_[root]) {
      if (uris.count(gone) == 0) {
        send_({{"jsonrpc", "2.0"},
               {"method", "textDocument/publishDiagnostics"},
               {"params", {{"uri", gone}, {"diagnostics", json::array()}}}});
      }
    }
    published_[root] = std::move(uris);
  }
}

json Server::initialize(const json& params) {
  if (params.contains("workspaceFolders") && params["workspaceFolders"].is_array()) {
    for (const json& folder : params["workspaceFolders"]) roots_.push_back(path_of_uri(folder.at("uri").get<std::string>()));
  } else if (params.contains("rootUri") && params["rootUri"].is_string()) {
    roots_.push_back(path_of_uri(params["rootUri"].get<std::string>()));
  }
  for (const auto& root : roots_) workspace_.add_folder(root);
  const json capabilities = params.value("capabilities", json::object());
  watch_files_ = capabilities.is_object() && capabilities.value("/workspace/didChangeWatchedFiles/dynamicRegistration"_json_pointer, false);
  return {
      {"serverInfo", {{"name", "redflag"}}},
      {"capabilities",
       {{"positionEncoding", "utf-16"},
        {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", true}}},
        {"hoverProvider", true},
        {"definitionProvider", true},
        {"referencesProvider", true},
        {"renameProvider", {{"prepareProvider", true}}},
        {"documentFormattingProvider", true},
        {"documentRangeFormattingProvider", true},
        {"completionProvider", {{"triggerCharacters", json::array({" ", "{", ","})}}},
        {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix"})}}},
        {"codeLensProvider", json::object()},
        {"executeCommandProvider", {{"commands", json::array({"redflag.runTests"})}}},
        {"inlayHintProvider", true},
        {"semanticTokensProvider", {{"legend", semantic_tokens_legend()}, {"full", true}}},
        {"documentSymbolProvider", true},
        {"workspaceSymbolProvider", true},
        {"foldingRangeProvider", true}}},
  };
}

}  // namespace redflag::lsp
