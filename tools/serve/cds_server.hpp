// `redflag serve`: the HTTP side of the CDS Hooks 2.0 service (docs/cds-hooks.md), on
// cpp-httplib. Routes: GET /cds-services (discovery), POST /cds-services/{id} (cards),
// POST /cds-services/{id}/feedback (accepted and logged), GET /healthz. One JSON access-log line
// per request goes to the log sink, without patient data unless [log_phi]. Requests need
// `Content-Type: application/json`; bodies over [body_limit] get 413; a client slower than
// [timeout_seconds] on headers or body is cut off; [threads] workers.
//
// The KB set is swapped atomically (reload): requests in flight keep the set they started with.
// Signals belong to the front end (cli/verb_serve.cpp), which calls stop() and reload().
// With [jwt] set, service and feedback calls need `Authorization: Bearer JWT` valid for the
// audience [url] + `/cds-services/{id}` (tools/serve/jwt_verifier.hpp); any failure is a bare
// 401, its reason only in the log. Discovery and /healthz stay open, as CDS Hooks allows.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "runtime/image.hpp"
#include "tools/serve/jwt_verifier.hpp"

namespace redflag::tools::serve {

struct ServerSettings {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string hook = "patient-view";
  unsigned threads = 64;  // a keep-alive connection holds one for as long as it lasts
  std::size_t body_limit = 1 << 20;
  int timeout_seconds = 10;
  bool log_phi = false;
  std::string tls_cert, tls_key;  // both set: HTTPS
  std::shared_ptr<JwtVerifier> jwt;  // null: no authentication (--insecure-no-auth)
  std::string url;                  // the base URL EHRs call, for the JWT audience
  std::function<void(const std::string& line)> log;  // one line, no newline; called from any thread
  std::function<std::int64_t()> now;                 // seconds since the epoch
};

// The KBs a server answers for, replaced as a whole.
struct ServedKbs;

class CdsServer {
 public:
  explicit CdsServer(ServerSettings settings);
  ~CdsServer();

  // Serves [images] from now on (the first set, or a reload); requests in flight finish with the
  // old set. The images are owned by the server.
  void serve(std::vector<Image> images);
  // Binds and serves until stop(); false with [error] when it cannot listen. [bound_port] is
  // set to the port bound (useful with port 0) before serving starts.
  bool run(std::string& error, const std::function<void(int bound_port)>& listening);
  // Stops accepting, lets requests in flight finish, and makes run() return.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace redflag::tools::serve
