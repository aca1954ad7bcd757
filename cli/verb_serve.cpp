// `redflag serve KB...`: the KBs as a CDS Hooks 2.0 service (docs/cds-hooks.md). The HTTP side
// is tools/serve/cds_server.hpp, the JWKS tools/serve/jwks_source.hpp; here are the options, the
// signals (SIGTERM and SIGINT stop gracefully, SIGHUP reloads every KB atomically and reads the
// JWKS again) and the log on standard error.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <signal.h>

#include <cstdio>
#include <ctime>
#include <memory>
#include <mutex>
#include <thread>

#include "cli/diagnostics_output.hpp"
#include "cli/verbs.hpp"
#include "tools/fhir/json_builder.hpp"
#include "tools/kb/kb_loader.hpp"
#include "tools/serve/cds_server.hpp"
#include "tools/serve/jwks_source.hpp"

namespace redflag::cli {
namespace {

struct ServeOptions {
  std::vector<std::string> kbs;
  tools::serve::ServerSettings server;
  bool insecure_no_auth = false;
  tools::serve::JwksSettings jwks;   // --jwks FILE|URL, --jwks-ca, --jwks-min-interval
  std::vector<std::string> issuers;  // --issuer
  std::int64_t leeway = 60;
  DiagnosticsStyle diagnostics;
};

// Every KB of [options], or nullopt after printing why one cannot be loaded ([quiet]: the
// reason is logged instead, for a reload).
std::optional<std::vector<Image>> load_all(const ServeOptions& options, std::string* reload_error) {
  std::vector<Image> images;
  for (const std::string& path : options.kbs) {
    auto kb = tools::load_kb({path});
    if (!kb.ok()) {
      if (reload_error != nullptr) {
        *reload_error = fmt::format("{} cannot be loaded; fix it and check it with `redflag check {}`", path, path);
      } else {
        report_load(kb, options.diagnostics);
      }
      return std::nullopt;
    }
    images.push_back(std::move(*kb.image));
  }
  return images;
}

std::int64_t now() { return static_cast<std::int64_t>(std::time(nullptr)); }

int run_serve(ServeOptions options) {
  if (options.insecure_no_auth == !options.jwks.location.empty()) {
    print_error("give --jwks FILE|URL with --issuer and --url (the EHR's keys), or --insecure-no-auth");
    return 1;
  }
  std::mutex log_mutex;
  const auto log = [&log_mutex](const std::string& line) {
    const std::lock_guard<std::mutex> lock(log_mutex);
    std::fputs((line + "\n").c_str(), stderr);
    std::fflush(stderr);
  };
  std::shared_ptr<tools::serve::JwksSource> jwks;
  if (!options.jwks.location.empty()) {
    if (options.issuers.empty() || options.server.url.empty()) {
      print_error("--jwks needs --issuer (one per EHR) and --url (this service's base URL, the JWT audience)");
      return 1;
    }
    options.jwks.timeout_seconds = options.server.timeout_seconds;
    options.jwks.log = log;
    jwks = std::make_shared<tools::serve::JwksSource>(options.jwks);
    std::string error;
    if (!jwks->load(now(), error)) {
      print_error(fmt::format("--jwks {}: {}", options.jwks.location, error));
      return 1;
    }
    options.server.jwt =
        std::make_shared<tools::serve::JwtVerifier>(jwks, tools::serve::JwtPolicy{options.issuers, options.leeway});
  }
  if (options.server.tls_cert.empty() != options.server.tls_key.empty()) {
    print_error("--tls-cert and --tls-key go together");
    return 1;
  }
  auto images = load_all(options, nullptr);
  if (!images) return 1;
  if (options.insecure_no_auth) print_warning("serving without authentication (--insecure-no-auth): every request is trusted");
  options.server.log = log;
  options.server.now = now;
  tools::serve::CdsServer server(options.server);
  server.serve(std::move(*images));

  // Signals go to one thread, which every other thread (the server's too) leaves them to.
  sigset_t signals;
  sigemptyset(&signals);
  for (const int signal_number : {SIGTERM, SIGINT, SIGHUP, SIGUSR1}) sigaddset(&signals, signal_number);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread watcher([&] {
    for (;;) {
      int signal_number = 0;
      if (sigwait(&signals, &signal_number) != 0 || signal_number == SIGUSR1) return;
      if (signal_number == SIGHUP) {
        std::string error;
        if (auto reloaded = load_all(options, &error)) {
          server.serve(std::move(*reloaded));
          log(R"({"event":"reload","ok":true})");
        } else {
          fmt::memory_buffer line;  // the reason is a diagnostic, which may hold `"`: escaped
          tools::fhir::JsonBuilder(line, false).object().string("event", "reload").boolean("ok", false)
              .string("reason", error).close();
          log(fmt::to_string(line));
        }
        if (jwks) jwks->reload(now());
        continue;
      }
      log(R"({"event":"stop"})");
      server.stop();
      return;
    }
  });
  std::string error;
  const bool served = server.run(error, [&](int port) {
    log(fmt::format(R"({{"event":"listening","host":"{}","port":{}}})", options.server.host, port));
  });
  pthread_kill(watcher.native_handle(), SIGUSR1);  // ends the watcher if run() ended by itself
  watcher.join();
  if (!served && !error.empty()) {
    print_error(error);
    return 1;
  }
  return 0;
}

}  // namespace

void add_serve_verb(CLI::App& root, int& exit_code) {
  auto options = std::make_shared<ServeOptions>();
  auto* verb = root.add_subcommand("serve", "Serve KBs as a CDS Hooks 2.0 service");
  verb->footer("One service per KB (id = the KB's id). SIGTERM stops after the requests in flight;\n"
               "SIGHUP reloads every KB, keeping the old ones when one fails, and reads a --jwks again.\n"
               "docs/cds-hooks.md.");
  verb->add_option("KB", options->kbs, "A .rfb file, or a KB source directory or file")->required();
  verb->add_option("--host", options->server.host, "Address to listen on (default 127.0.0.1)");
  verb->add_option("--port", options->server.port, "Port to listen on; 0 picks a free one (default 8080)")
      ->check(CLI::Range(0, 65535));
  verb->add_option("--hook", options->server.hook, "The CDS hook every service answers (default patient-view)");
  verb->add_option("--threads", options->server.threads, "Worker threads, one per open connection (default 64)")->check(CLI::Range(1u, 1024u));
  verb->add_option("--body-limit", options->server.body_limit, "Largest request body in bytes (default 1 MiB)");
  verb->add_option("--timeout", options->server.timeout_seconds,
                   "Seconds a client may take to send headers and body (default 10)")
      ->check(CLI::Range(1, 3600));
  verb->add_option("--tls-cert", options->server.tls_cert, "PEM certificate: serve HTTPS (with --tls-key)");
  verb->add_option("--tls-key", options->server.tls_key, "PEM private key of --tls-cert");
  verb->add_flag("--log-phi", options->server.log_phi, "Put the patient id in the access log");
  verb->add_option("--jwks", options->jwks.location,
                   "JWK Set of the EHRs' public keys (ES384, RS384): a file or an https:// URL");
  verb->add_option("--jwks-ca", options->jwks.ca_file,
                   "PEM CA certificates a --jwks URL's certificate must chain to (default: the system's)");
  verb->add_option("--jwks-min-interval", options->jwks.min_interval,
                   "Least seconds between two reads of --jwks for tokens with an unknown kid (default 30)")
      ->check(CLI::Range(0, 86400));
  verb->add_option("--issuer", options->issuers, "An allowed JWT `iss` (repeatable)");
  verb->add_option("--url", options->server.url, "This service's base URL as EHRs call it: the JWT `aud` is URL/cds-services/ID");
  verb->add_option("--jwt-leeway", options->leeway, "Seconds of clock skew allowed for exp and iat (default 60)")
      ->check(CLI::Range(0, 600));
  verb->add_flag("--insecure-no-auth", options->insecure_no_auth,
                 "Serve without verifying the EHR's JWT (instead of --jwks; warns on every start)");
  add_diagnostics_options(*verb, options->diagnostics);
  verb->callback([options, &exit_code] { exit_code = run_serve(*options); });
}

}  // namespace redflag::cli
