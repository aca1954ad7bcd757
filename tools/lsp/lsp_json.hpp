// The JSON the language server speaks, and the JSON-RPC error codes LSP 3.17 prescribes.
//
// The protocol's messages are built and changed in place, which a reading library such as
// simdjson (used for case files) cannot do; nlohmann::json is the one writable DOM here
// (docs/dependencies.md). Only tools/lsp/ includes this header.
#pragma once

#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace redflag::lsp {

using json = nlohmann::json;

// JSON-RPC 2.0 and LSP 3.17 error codes (the specification's `ErrorCodes`, `LSPErrorCodes`).
enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestFailed = -32803,
  ContentModified = -32801,
  RequestCancelled = -32800,
};

// A request that fails with [code]: thrown by a feature, answered by the dispatcher.
class LspError : public std::runtime_error {
 public:
  LspError(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace redflag::lsp
