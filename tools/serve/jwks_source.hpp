// Where `redflag serve` gets the EHRs' public keys: the JWK Set named by `--jwks`, a file or an
// https:// URL (http:// only for a loopback host, where no one else is on the wire). It is read
// at start, again on SIGHUP (reload()), and again when a token names a kid the set lacks, at
// most once every [min_interval] seconds (keys_after_unknown_kid()), so an EHR's key rotation
// needs no restart. A read that fails keeps the keys in use. A URL's certificate must chain to
// [ca_file] or, without it, to the system's CAs, and name the URL's host; redirects are not
// followed; the answer must be 200 and at most 1 MiB. What it deliberately does not do: read
// the set again on a timer or honour Cache-Control (a key the EHR withdraws stays trusted until
// SIGHUP or a rotation brings a new set), or follow a token's `jku` (an attacker's URL).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "tools/serve/jwk_set.hpp"

namespace redflag::tools::serve {

struct JwksSettings {
  std::string location;            // --jwks: a file, or an https:// (loopback http://) URL
  std::string ca_file;             // --jwks-ca: the CAs a URL's certificate chains to; empty: the system's
  int timeout_seconds = 10;        // for connecting, and for each read of the answer
  std::int64_t min_interval = 30;  // --jwks-min-interval: least seconds between reads for unknown kids
  std::function<void(const std::string& line)> log;  // the `jwks` event of every read after load()
};

// The JWK Set in use, swapped as a whole when it is read again: a request holds the set it
// looked in until it ends. Reads are one at a time.
class JwksSource {
 public:
  explicit JwksSource(JwksSettings settings);

  // Reads the set at [now] (seconds since the epoch, as every [now] here); false with [error]
  // saying why it cannot be used. The first read, at start.
  bool load(std::int64_t now, std::string& error);
  // load() on SIGHUP: a failure keeps the keys in use. Logs one `jwks` event either way.
  void reload(std::int64_t now);
  // The set in use; null before a load() succeeds.
  std::shared_ptr<const JwkSet> keys() const;
  // For a token whose [kid] keys() lacks: reads the set again unless the last read was less
  // than [min_interval] seconds before [now] (another request may just have read it), and
  // returns the set to look in; [why] notes why it was not read again, or failed.
  std::shared_ptr<const JwkSet> keys_after_unknown_kid(std::string_view kid, std::int64_t now, std::string& why);

 private:
  bool read_locked(std::int64_t now, std::string& error);
  void log_event(std::string_view cause, const std::string& error) const;

  JwksSettings settings_;
  std::mutex read_mutex_;            // one read at a time; guards last_read_
  std::int64_t last_read_ = 0;
  std::shared_ptr<const JwkSet> keys_;  // std::atomic_load / std::atomic_store
};

}  // namespace redflag::tools::serve
