#include "tools/serve/cds_server.hpp"

#include <fmt/format.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <optional>

#include "tools/cds/cds_service.hpp"
#include "tools/fhir/json_builder.hpp"

namespace redflag::tools::serve {

struct ServedKbs {
  std::vector<Image> images;
  std::vector<std::unique_ptr<cds::CdsService>> services;
  std::string discovery;

  const cds::CdsService* find(const std::string& id) const {
    for (const auto& service : services) {
      if (service->id() == id) return service.get();
    }
    return nullptr;
  }
};

namespace {

// What the access log line of the request being handled on this thread needs beyond httplib's
// request and response.
struct RequestNote {
  std::chrono::steady_clock::time_point start;
  std::string service, reason, patient;
};
thread_local RequestNote note;

bool is_json(const httplib::Request& request) {
  const std::string type = request.get_header_value("Content-Type");
  return type.rfind("application/json", 0) == 0;
}

void send_json(httplib::Response& response, int status, const std::string& body) {
  response.status = status;
  if (!body.empty()) response.set_content(body, "application/json");
}

}  // namespace

struct CdsServer::Impl {
  ServerSettings settings;
  std::unique_ptr<httplib::Server> http;
  std::shared_ptr<const ServedKbs> kbs;

  std::shared_ptr<const ServedKbs> current() const { return std::atomic_load(&kbs); }

  void log_line(const httplib::Request& request, const httplib::Response& response) const {
    if (!settings.log) return;
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - note.start).count();
    fmt::memory_buffer out;
    fhir::JsonBuilder json(out, false);
    json.object().number("time", static_cast<double>(settings.now()));
    json.string("method", request.method).string("path", request.path).number("status", response.status);
    json.number("ms", static_cast<double>(micros) / 1000.0).number("bytes_in", static_cast<double>(request.body.size()));
    json.number("bytes_out", static_cast<double>(response.body.size()));
    if (!note.service.empty()) json.string("service", note.service);
    if (!note.reason.empty()) json.string("reason", note.reason);
    if (settings.log_phi && !note.patient.empty()) json.string("patient", note.patient);
    json.close();
    settings.log(fmt::to_string(out));
  }

  // GET [url] (http or https) from the EHR's FHIR server with the bearer [token]; its body on 200.
  std::optional<std::string> fetch(const std::string& url, const std::string& token) const {
    const std::size_t scheme_end = url.find("://");
    const std::size_t path_start = scheme_end == std::string::npos ? std::string::npos : url.find('/', scheme_end + 3);
    if (path_start == std::string::npos) return std::nullopt;
    httplib::Client client(url.substr(0, path_start));
    client.set_connection_timeout(settings.timeout_seconds, 0);
    client.set_read_timeout(settings.timeout_seconds, 0);
    client.enable_server_certificate_verification(true);
    const auto result = client.Get(url.substr(path_start).c_str(),
                                   httplib::Headers{{"Authorization", "Bearer " + token}, {"Accept", "application/fhir+json"}});
    if (!result || result->status != 200) return std::nullopt;
    return result->body;
  }

  // Whether [request] carries a JWT valid for service [id]; notes why not.
  bool authorized(const httplib::Request& request, const std::string& id) {
    if (!settings.jwt) return true;
    const std::string header = request.get_header_value("Authorization");
    constexpr std::string_view kBearer = "Bearer ";
    if (header.compare(0, kBearer.size(), kBearer) != 0) {
      note.reason = "no bearer token";
      return false;
    }
    note.reason = settings.jwt->verify(std::string_view(header).substr(kBearer.size()),
                                       settings.url + "/cds-services/" + id, settings.now());
    return note.reason.empty();
  }

  void service_call(const httplib::Request& request, httplib::Response& response) {
    note.service = request.matches[1];
    if (!authorized(request, note.service)) return send_json(response, 401, "");
    const auto served = current();
    const cds::CdsService* service = served->find(note.service);
    if (service == nullptr) return send_json(response, 404, "");
    if (!is_json(request)) {
      note.reason = "content type is not application/json";
      return send_json(response, 415, "");
    }
    const cds::CdsResponse answer = service->call(request.body, settings.now(), [this](const std::string& url,
                                                                                     const std::string& token) {
      return fetch(url, token);
    });
    note.reason = answer.reason;
    note.patient = answer.patient;
    send_json(response, answer.status, answer.body);
  }

  void feedback(const httplib::Request& request, httplib::Response& response) {
    note.service = request.matches[1];
    if (!authorized(request, note.service)) return send_json(response, 401, "");
    if (current()->find(note.service) == nullptr) return send_json(response, 404, "");
    if (!is_json(request)) {
      note.reason = "content type is not application/json";
      return send_json(response, 415, "");
    }
    note.reason = "feedback accepted";
    send_json(response, 200, "{}");
  }

  void routes() {
    http->set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
      note = RequestNote{std::chrono::steady_clock::now(), {}, {}, {}};
      return httplib::Server::HandlerResponse::Unhandled;
    });
    http->Get("/cds-services", [this](const httplib::Request&, httplib::Response& response) {
      send_json(response, 200, current()->discovery);
    });
    http->Get("/healthz", [](const httplib::Request&, httplib::Response& response) {
      response.set_content("ok\n", "text/plain");
    });
    http->Post(R"(/cds-services/([A-Za-z0-9_.-]+))",
               [this](const httplib::Request& request, httplib::Response& response) { service_call(request, response); });
    http->Post(R"(/cds-services/([A-Za-z0-9_.-]+)/feedback)",
               [this](const httplib::Request& request, httplib::Response& response) { feedback(request, response); });
    http->set_logger([this](const httplib::Request& request, const httplib::Response& response) {
      log_line(request, response);
    });
  }
};

CdsServer::CdsServer(ServerSettings settings) : impl_(std::make_unique<Impl>()) {
  impl_->settings = std::move(settings);
  auto& s = impl_->settings;
  if (!s.tls_cert.empty()) {
    impl_->http = std::make_unique<httplib::SSLServer>(s.tls_cert.c_str(), s.tls_key.c_str());
  } else {
    impl_->http = std::make_unique<httplib::Server>();
  }
  const unsigned threads = s.threads;
  impl_->http->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  impl_->http->set_payload_max_length(s.body_limit);
  impl_->http->set_read_timeout(s.timeout_seconds, 0);
  impl_->http->set_write_timeout(s.timeout_seconds, 0);
  impl_->http->set_keep_alive_timeout(s.timeout_seconds);
  impl_->http->set_tcp_nodelay(true);  // small answers: no Nagle wait for the ACK of the last one
  // httplib closes a keep-alive connection after 5 requests by default, and its listen backlog
  // is 5: 32 EHR connections reconnecting then lose SYNs (1 s retries). Keep connections longer.
  impl_->http->set_keep_alive_max_count(1000);
  impl_->routes();
}

CdsServer::~CdsServer() = default;

void CdsServer::serve(std::vector<Image> images) {
  auto served = std::make_shared<ServedKbs>();
  served->images = std::move(images);  // never resized again: the services refer to them
  std::vector<const cds::CdsService*> list;
  for (const Image& image : served->images) {
    served->services.push_back(std::make_unique<cds::CdsService>(image, impl_->settings.hook));
    list.push_back(served->services.back().get());
  }
  served->discovery = cds::discovery_json(list);
  std::atomic_store(&impl_->kbs, std::shared_ptr<const ServedKbs>(std::move(served)));
}

bool CdsServer::run(std::string& error, const std::function<void(int)>& listening) {
  if (!impl_->http->is_valid()) {
    error = "cannot use the TLS certificate or key";
    return false;
  }
  const int port = impl_->settings.port == 0 ? impl_->http->bind_to_any_port(impl_->settings.host)
                                             : (impl_->http->bind_to_port(impl_->settings.host, impl_->settings.port)
                                                    ? impl_->settings.port
                                                    : -1);
  if (port < 0) {
    error = fmt::format("cannot listen on {}:{}", impl_->settings.host, impl_->settings.port);
    return false;
  }
  listening(port);
  return impl_->http->listen_after_bind();
}

void CdsServer::stop() { impl_->http->stop(); }

}  // namespace redflag::tools::serve
