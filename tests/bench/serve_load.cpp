// Load generator for `redflag serve` (docs/performance.md "CDS Hooks service"): C keep-alive
// HTTP/1.1 connections to a loopback port, all driven by one thread over one epoll set, so that
// the clients take little of the cores the server runs on. Two modes:
//   closed loop (no --rate): each connection sends its next request when the answer arrives;
//     this gives the server's throughput and its latency under saturation;
//   open loop (--rate R): request k is due at start + k / R, on connection k mod C, and its
//     latency runs from that due time, not from when it could be sent (as wrk2 does), so a
//     server that stalls cannot hide its tail by holding back the requests queued behind it
//     ("coordinated omission").
// Every answer must be a 200 whose body holds at least one card; anything else (another status,
// no card, a connection lost mid-answer) is an error, counted, and makes the exit status 1.
// A warm-up of --warmup closed-loop requests runs before the measured ones. Prints p50, p90,
// p99, p99.9 and max, requests/s, the client's own CPU time and the load average at start and
// end (--json: one JSON object). tests/bench/serve_bench.py starts the server and runs this.
// Not in CTest: speed is measured here, never asserted.
// Usage: serve_load PORT BODY_FILE [--path P] [--connections C] [--requests N] [--rate R]
//                   [--warmup N] [--json]
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace {

using Nanos = std::int64_t;
constexpr Nanos kSecond = 1'000'000'000;
constexpr Nanos kStallLimit = 10 * kSecond;  // no answer at all for this long: the run is abandoned

Nanos now_ns() {
  timespec time{};
  clock_gettime(CLOCK_MONOTONIC, &time);
  return time.tv_sec * kSecond + time.tv_nsec;
}

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "serve_load: %s\n", message.c_str());
  std::exit(1);
}

struct Options {
  int port = 0;
  std::string body_file, path = "/cds-services/back_pain";
  std::size_t connections = 32;
  std::uint64_t requests = 20000, warmup = 1000;
  double rate = 0;  // requests/s; 0: closed loop
  bool json = false;
};

Options parse_options(int argc, char** argv) {
  if (argc < 3) fail("usage: serve_load PORT BODY_FILE [--path P] [--connections C] [--requests N] [--rate R] "
                     "[--warmup N] [--json]");
  Options options;
  options.port = std::atoi(argv[1]);
  options.body_file = argv[2];
  for (int i = 3; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "--json") {
      options.json = true;
      continue;
    }
    if (i + 1 == argc) fail(std::string(flag) + " needs a value");
    const char* value = argv[++i];
    if (flag == "--path") options.path = value;
    else if (flag == "--connections") options.connections = std::strtoul(value, nullptr, 10);
    else if (flag == "--requests") options.requests = std::strtoull(value, nullptr, 10);
    else if (flag == "--warmup") options.warmup = std::strtoull(value, nullptr, 10);
    else if (flag == "--rate") options.rate = std::strtod(value, nullptr);
    else fail("unknown option " + std::string(flag));
  }
  if (options.port <= 0 || options.connections == 0 || options.requests == 0 || options.rate < 0) {
    fail("PORT, --connections and --requests must be positive, --rate not negative");
  }
  return options;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

// One HTTP/1.1 answer, or as much of it as has arrived.
struct Answer {
  bool complete = false;
  int status = 0;      // 0: not an HTTP status line
  bool close = false;  // `Connection: close`: the server ends the connection after it
  bool cards = false;  // the body holds at least one card
  bool surplus = false;  // bytes after the answer, which no request asked for
};

Answer parse_answer(std::string_view in) {
  Answer answer;
  const std::size_t head_end = in.find("\r\n\r\n");
  if (head_end == std::string_view::npos) return answer;
  const std::string_view head = in.substr(0, head_end + 2);
  std::size_t length = 0;
  std::size_t line_start = head.find("\r\n") + 2;
  while (line_start < head.size()) {
    const std::size_t line_end = head.find("\r\n", line_start);
    const std::string_view line = head.substr(line_start, line_end - line_start);
    if (starts_with_ignoring_case(line, "content-length:")) {
      const std::size_t digits = line.find_first_not_of(' ', 15);
      std::from_chars(line.data() + digits, line.data() + line.size(), length);
    }
    if (starts_with_ignoring_case(line, "connection:") && line.find("close") != std::string_view::npos) {
      answer.close = true;
    }
    line_start = line_end + 2;
  }
  const std::size_t body_start = head_end + 4;
  if (in.size() < body_start + length) return answer;
  answer.complete = true;
  if (head.size() >= 12 && head.substr(0, 5) == "HTTP/") std::from_chars(head.data() + 9, head.data() + 12, answer.status);
  answer.cards = in.substr(body_start, length).find(R"("cards":[{)") != std::string_view::npos;
  answer.surplus = in.size() > body_start + length;
  return answer;
}

struct Connection {
  int fd = -1;
  bool busy = false;
  bool writing = false;   // waiting for room to send the rest of the request
  std::size_t sent = 0;   // bytes of the request written
  std::string in;         // the answer so far
  Nanos due = 0;          // when the request in flight was due (open loop) or sent (closed loop)
  std::uint64_t next = 0;  // open loop: the index of its next request
};

struct Tally {
  std::vector<Nanos> latencies;  // of the good answers
  std::uint64_t errors = 0, reconnects = 0;
  int first_error_status = -1;
};

// The connections and the event loop; run() sends [count] requests and tallies the answers.
class Generator {
 public:
  explicit Generator(const Options& options, std::string request)
      : options_(options), request_(std::move(request)), connections_(options.connections) {
    epoll_ = epoll_create1(EPOLL_CLOEXEC);
    timer_ = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (epoll_ < 0 || timer_ < 0) fail(std::string("epoll or timerfd: ") + std::strerror(errno));
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.ptr = nullptr;  // the timer
    epoll_ctl(epoll_, EPOLL_CTL_ADD, timer_, &event);
    for (Connection& connection : connections_) open(connection);
  }

  // Sends [count] requests, closed loop when [rate] is 0, else open loop at [rate] per second.
  Tally run(std::uint64_t count, double rate) {
    tally_ = Tally{};
    tally_.latencies.reserve(count);
    count_ = count;
    issued_ = done_ = 0;
    rate_ = rate;
    start_ = now_ns() + kSecond / 1000;  // the first due time, a little ahead so it is not late already
    for (std::size_t i = 0; i < connections_.size(); ++i) connections_[i].next = i;
    Nanos last_progress = now_ns();
    std::vector<epoll_event> events(connections_.size() + 1);
    while (done_ < count_) {
      send_due();
      const int ready = epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), 1000);
      if (ready < 0 && errno != EINTR) fail(std::string("epoll_wait: ") + std::strerror(errno));
      const std::uint64_t before = done_;
      for (int i = 0; i < ready; ++i) {
        if (events[i].data.ptr == nullptr) {
          std::uint64_t expirations = 0;
          [[maybe_unused]] const ssize_t got = read(timer_, &expirations, sizeof expirations);
          continue;
        }
        auto& connection = *static_cast<Connection*>(events[i].data.ptr);
        if (connection.writing && (events[i].events & EPOLLOUT)) write_request(connection);
        if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) read_answer(connection);
      }
      if (done_ != before) last_progress = now_ns();
      if (now_ns() - last_progress > kStallLimit) fail("no answer for 10 s");
    }
    return std::move(tally_);
  }

 private:
  void open(Connection& connection) {
    connection.fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(options_.port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connection.fd < 0 || connect(connection.fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      fail("cannot connect to 127.0.0.1:" + std::to_string(options_.port) + ": " + std::strerror(errno));
    }
    const int one = 1;
    setsockopt(connection.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    const int flags = fcntl(connection.fd, F_GETFL);
    fcntl(connection.fd, F_SETFL, flags | O_NONBLOCK);
    watch(connection, EPOLL_CTL_ADD, false);
  }

  void reopen(Connection& connection) {
    epoll_ctl(epoll_, EPOLL_CTL_DEL, connection.fd, nullptr);
    close(connection.fd);
    ++tally_.reconnects;
    connection.busy = connection.writing = false;
    connection.in.clear();
    open(connection);
  }

  void watch(Connection& connection, int operation, bool writable) {
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP | (writable ? EPOLLOUT : 0u);
    event.data.ptr = &connection;
    if (epoll_ctl(epoll_, operation, connection.fd, &event) != 0) fail(std::string("epoll_ctl: ") + std::strerror(errno));
  }

  // Closed loop: every idle connection sends now. Open loop: every idle connection whose next
  // request is due sends it; the timer is set to the earliest due time still ahead.
  void send_due() {
    const Nanos now = now_ns();
    Nanos earliest = 0;
    for (Connection& connection : connections_) {
      if (connection.busy) continue;
      if (rate_ == 0) {
        if (issued_ < count_) send(connection, now);
        continue;
      }
      if (connection.next >= count_) continue;
      const Nanos due = start_ + static_cast<Nanos>(std::llround(static_cast<double>(connection.next) * kSecond / rate_));
      if (due <= now) {
        send(connection, due);
        connection.next += connections_.size();
      } else if (earliest == 0 || due < earliest) {
        earliest = due;
      }
    }
    if (earliest != 0) {
      itimerspec when{};
      when.it_value.tv_sec = earliest / kSecond;
      when.it_value.tv_nsec = earliest % kSecond;
      timerfd_settime(timer_, TFD_TIMER_ABSTIME, &when, nullptr);
    }
  }

  void send(Connection& connection, Nanos due) {
    ++issued_;
    connection.busy = true;
    connection.due = due;
    connection.sent = 0;
    connection.in.clear();
    write_request(connection);
  }

  void write_request(Connection& connection) {
    while (connection.sent < request_.size()) {
      const ssize_t wrote = ::send(connection.fd, request_.data() + connection.sent, request_.size() - connection.sent,
                                   MSG_NOSIGNAL);
      if (wrote > 0) {
        connection.sent += static_cast<std::size_t>(wrote);
        continue;
      }
      if (wrote < 0 && errno == EAGAIN) {
        if (!connection.writing) watch(connection, EPOLL_CTL_MOD, true);
        connection.writing = true;
        return;
      }
      return lost(connection);
    }
    if (connection.writing) watch(connection, EPOLL_CTL_MOD, false);
    connection.writing = false;
  }

  void read_answer(Connection& connection) {
    char buffer[16384];
    bool ended = false;  // the server closed the connection, maybe right after an answer
    for (;;) {
      const ssize_t got = recv(connection.fd, buffer, sizeof buffer, 0);
      if (got > 0) {
        connection.in.append(buffer, static_cast<std::size_t>(got));
        continue;
      }
      ended = !(got < 0 && errno == EAGAIN);
      break;
    }
    // Bytes no request asked for, or an idle connection closed (keep-alive timeout).
    if (!connection.busy) return reopen(connection);
    const Answer answer = parse_answer(connection.in);
    if (!answer.complete) {
      if (ended) lost(connection);
      return;
    }
    const bool good = answer.status == 200 && answer.cards && !answer.surplus;
    if (good) {
      tally_.latencies.push_back(now_ns() - connection.due);
    } else {
      ++tally_.errors;
      if (tally_.first_error_status < 0) tally_.first_error_status = answer.status;
    }
    ++done_;
    connection.busy = false;
    if (answer.close || answer.surplus || ended) reopen(connection);
  }

  // The connection broke while a request was in flight: an error, and a new connection.
  void lost(Connection& connection) {
    ++tally_.errors;
    if (tally_.first_error_status < 0) tally_.first_error_status = 0;
    ++done_;
    reopen(connection);
  }

  const Options& options_;
  const std::string request_;
  std::vector<Connection> connections_;  // never resized: epoll holds pointers into it
  int epoll_ = -1, timer_ = -1;
  Tally tally_;
  std::uint64_t count_ = 0, issued_ = 0, done_ = 0;
  double rate_ = 0;
  Nanos start_ = 0;
};

std::string load_average() {
  std::ifstream file("/proc/loadavg");
  std::string one, five, fifteen;
  file >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The latency at quantile [q] in ms (nearest rank) of the sorted [latencies].
double quantile_ms(const std::vector<Nanos>& latencies, double q) {
  if (latencies.empty()) return 0;
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(latencies.size())));
  return static_cast<double>(latencies[std::clamp<std::size_t>(rank, 1, latencies.size()) - 1]) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse_options(argc, argv);
  std::ifstream body_file(options.body_file, std::ios::binary);
  const std::string body((std::istreambuf_iterator<char>(body_file)), std::istreambuf_iterator<char>());
  if (body.empty()) fail("cannot read the request body from " + options.body_file);
  const std::string request = "POST " + options.path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(options.port) +
                              "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                              "\r\n\r\n" + body;
  Generator generator(options, request);
  if (options.warmup > 0) generator.run(options.warmup, 0);

  const std::string load_start = load_average();
  const double cpu_start = cpu_seconds();
  const Nanos started = now_ns();
  Tally tally = generator.run(options.requests, options.rate);
  const double seconds = static_cast<double>(now_ns() - started) / kSecond;
  const double cpu = cpu_seconds() - cpu_start;
  const std::string load_end = load_average();

  std::sort(tally.latencies.begin(), tally.latencies.end());
  const auto& l = tally.latencies;
  const double p50 = quantile_ms(l, 0.5), p90 = quantile_ms(l, 0.9), p99 = quantile_ms(l, 0.99);
  const double p999 = quantile_ms(l, 0.999), max = quantile_ms(l, 1.0);
  const double throughput = static_cast<double>(options.requests) / seconds;
  if (options.json) {
    std::printf(R"({"mode":"%s","connections":%zu,"rate":%.0f,"requests":%llu,"errors":%llu,"reconnects":%llu,)"
                R"("p50":%.3f,"p90":%.3f,"p99":%.3f,"p999":%.3f,"max":%.3f,"throughput":%.0f,"seconds":%.3f,)"
                R"("client_cpu":%.3f,"load_start":"%s","load_end":"%s"})"
                "\n",
                options.rate == 0 ? "closed" : "open", options.connections, options.rate,
                static_cast<unsigned long long>(options.requests), static_cast<unsigned long long>(tally.errors),
                static_cast<unsigned long long>(tally.reconnects), p50, p90, p99, p999, max, throughput, seconds, cpu,
                load_start.c_str(), load_end.c_str());
  } else {
    if (options.rate == 0) {
      std::printf("closed loop, %zu connections\n", options.connections);
    } else {
      std::printf("open loop at %.0f requests/s, %zu connections\n", options.rate, options.connections);
    }
    std::printf("requests %llu, errors %llu, reconnects %llu\n", static_cast<unsigned long long>(options.requests),
                static_cast<unsigned long long>(tally.errors), static_cast<unsigned long long>(tally.reconnects));
    std::printf("latency ms: p50 %.2f, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f\n", p50, p90, p99, p999, max);
    std::printf("throughput: %.0f requests/s over %.2f s; client CPU %.2f s\n", throughput, seconds, cpu);
    std::printf("load average: start %s, end %s\n", load_start.c_str(), load_end.c_str());
  }
  if (tally.errors > 0) {
    std::fprintf(stderr, "serve_load: %llu errors (the first: status %d, 0 = no HTTP answer)\n",
                 static_cast<unsigned long long>(tally.errors), tally.first_error_status);
    return 1;
  }
  return 0;
}
