#include "tools/serve/jwks_source.hpp"

#include <fmt/format.h>
#include <httplib.h>
#include <openssl/x509.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>

#include "tools/fhir/json_builder.hpp"

namespace redflag::tools::serve {
namespace {

// A JWK Set of a few keys is a few KiB; this bounds what a hostile or broken server can send.
constexpr std::size_t kAnswerLimit = 1 << 20;

struct Url {
  bool https = false;
  std::string authority;  // host[:port], as httplib::Client takes it after the scheme
  std::string host;       // without the port; an IPv6 address keeps its brackets
  std::string path;       // from the first `/`; `/` when the URL has none
};

bool is_url(const std::string& location) { return location.find("://") != std::string::npos; }

// [location] (which is_url()) split; nullopt when it has no host or carries user information.
std::optional<Url> split_url(const std::string& location) {
  Url url;
  const std::size_t scheme_end = location.find("://");
  url.https = location.compare(0, scheme_end, "https") == 0;
  const std::size_t path_start = location.find('/', scheme_end + 3);
  url.authority = location.substr(scheme_end + 3, path_start - (scheme_end + 3));
  url.path = path_start == std::string::npos ? "/" : location.substr(path_start);
  if (url.authority.empty() || url.authority.find('@') != std::string::npos) return std::nullopt;
  const std::size_t host_end = url.authority.front() == '[' ? url.authority.find(']') + 1 : url.authority.find(':');
  url.host = url.authority.substr(0, host_end);
  if (url.host.empty()) return std::nullopt;
  return url;
}

bool is_loopback(const std::string& host) {
  const bool ipv4_loopback = host.rfind("127.", 0) == 0 &&
                             std::all_of(host.begin(), host.end(), [](char c) { return c == '.' || (c >= '0' && c <= '9'); });
  return ipv4_loopback || host == "[::1]" || host == "localhost";
}

// Why a GET through [client] to [url] failed with [error], in words.
std::string failure(httplib::Error error, const httplib::Client& client, const Url& url) {
  const long verify = client.get_openssl_verify_result();
  switch (error) {
    case httplib::Error::Connection: return "cannot connect";
    case httplib::Error::ConnectionTimeout: return "no connection within the timeout";
    case httplib::Error::Read: return "no complete answer";
    case httplib::Error::Canceled: return "the answer is larger than 1 MiB";
    case httplib::Error::SSLLoadingCerts: return "cannot load the CA certificates";
    case httplib::Error::SSLConnection:
    case httplib::Error::SSLServerVerification:
      if (verify != X509_V_OK) return fmt::format("certificate refused ({})", X509_verify_cert_error_string(verify));
      if (error == httplib::Error::SSLServerVerification) return fmt::format("certificate refused (it does not name {})", url.host);
      return "TLS handshake failed";
    default: return fmt::format("request failed ({})", httplib::to_string(error));
  }
}

std::optional<std::string> fetch(const Url& url, const JwksSettings& settings, std::string& error) {
  httplib::Client client((url.https ? "https://" : "http://") + url.authority);
  client.set_connection_timeout(settings.timeout_seconds, 0);
  client.set_read_timeout(settings.timeout_seconds, 0);
  if (url.https) {
    client.enable_server_certificate_verification(true);
    if (!settings.ca_file.empty()) client.set_ca_cert_path(settings.ca_file);
  }
  std::string body;
  const auto result = client.Get(url.path, httplib::Headers{{"Accept", "application/jwk-set+json, application/json"}},
                                 [&body](const char* data, std::size_t size) {
                                   if (body.size() + size > kAnswerLimit) return false;
                                   body.append(data, size);
                                   return true;
                                 });
  if (!result) {
    error = failure(result.error(), client, url);
    return std::nullopt;
  }
  if (result->status != 200) {
    error = fmt::format("answered HTTP {}", result->status);
    return std::nullopt;
  }
  return body;
}

// The text of the JWK Set at [settings].location; nullopt with [error] when it cannot be had.
std::optional<std::string> read_text(const JwksSettings& settings, std::string& error) {
  if (!settings.ca_file.empty() && settings.location.rfind("https://", 0) != 0) {
    error = "--jwks-ca is for an https:// URL";
    return std::nullopt;
  }
  if (!is_url(settings.location)) {
    std::ifstream file(settings.location, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    if (!file.is_open() || file.bad()) {
      error = "cannot be read";
      return std::nullopt;
    }
    return text;
  }
  const std::string scheme = settings.location.substr(0, settings.location.find("://"));
  const auto url = split_url(settings.location);
  if ((scheme != "https" && scheme != "http") || !url) {
    error = "not a file or an https:// URL";
    return std::nullopt;
  }
  if (!url->https && !is_loopback(url->host)) {
    error = "http:// is only for a loopback host (127.0.0.1, [::1], localhost); use https://";
    return std::nullopt;
  }
  return fetch(*url, settings, error);
}

}  // namespace

JwksSource::JwksSource(JwksSettings settings) : settings_(std::move(settings)) {}

std::shared_ptr<const JwkSet> JwksSource::keys() const { return std::atomic_load(&keys_); }

bool JwksSource::read_locked(std::int64_t now, std::string& error) {
  last_read_ = now;
  const auto text = read_text(settings_, error);
  auto set = text ? JwkSet::parse(*text, error) : nullptr;
  if (set == nullptr) return false;
  std::atomic_store(&keys_, std::move(set));
  return true;
}

bool JwksSource::load(std::int64_t now, std::string& error) {
  const std::lock_guard<std::mutex> lock(read_mutex_);
  return read_locked(now, error);
}

void JwksSource::log_event(std::string_view cause, const std::string& error) const {
  if (!settings_.log) return;
  fmt::memory_buffer out;
  fhir::JsonBuilder json(out, false);
  json.object().string("event", "jwks").string("cause", cause).boolean("ok", error.empty());
  if (error.empty()) json.number("keys", static_cast<double>(keys()->size()));
  else json.string("reason", error);
  json.close();
  settings_.log(fmt::to_string(out));
}

void JwksSource::reload(std::int64_t now) {
  std::string error;
  load(now, error);
  log_event("reload", error);
}

std::shared_ptr<const JwkSet> JwksSource::keys_after_unknown_kid(std::string_view kid, std::int64_t now,
                                                                 std::string& why) {
  const std::lock_guard<std::mutex> lock(read_mutex_);
  // A clock set back (now before the last read) does not hold reads off for that long.
  if (now >= last_read_ && now - last_read_ < settings_.min_interval) {
    why = fmt::format("the JWKS is read again at most every {} s", settings_.min_interval);
    return keys();
  }
  std::string error;
  if (!read_locked(now, error)) why = "the JWKS cannot be read again: " + error;
  log_event(fmt::format("kid {}", kid), error);
  return keys();
}

}  // namespace redflag::tools::serve
