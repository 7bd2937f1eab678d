#include "adapters/http/event_loop.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace faqbot::http {
namespace {

constexpr size_t kReadChunk = 64 * 1024;       // one recv()
constexpr size_t kReadBudget = 256 * 1024;     // per connection per loop turn (fairness)
constexpr size_t kLingerBytes = 1 << 20;       // drained after an error before closing
constexpr int kSweepEveryMs = 100;             // deadline resolution
constexpr int kMaxEvents = 256;
constexpr uint64_t kListenKey = ~uint64_t(0);
constexpr uint64_t kWakeKey = ~uint64_t(0) - 1;
constexpr const char* kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

std::string peer_ip(const sockaddr_storage& a) {
  char text[INET6_ADDRSTRLEN] = {0};
  if (a.ss_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(a).sin_addr, text, sizeof(text));
  } else if (a.ss_family == AF_INET6) {
    const in6_addr& v6 = reinterpret_cast<const sockaddr_in6&>(a).sin6_addr;
    if (IN6_IS_ADDR_V4MAPPED(&v6)) {
      inet_ntop(AF_INET, v6.s6_addr + 12, text, sizeof(text));
    } else {
      inet_ntop(AF_INET6, &v6, text, sizeof(text));
    }
  }
  return text;
}

// The soft limit of open files up to the hard one: every connection is a file.
void raise_file_limit() {
  rlimit r{};
  if (getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max) {
    r.rlim_cur = r.rlim_max;
    setrlimit(RLIMIT_NOFILE, &r);
  }
}

}  // namespace

EventLoop::EventLoop(LoopOptions options, Dispatch dispatch, RenderError render_error)
    : options_(options), dispatch_(std::move(dispatch)), render_error_(std::move(render_error)),
      buffer_(kReadChunk) {}

EventLoop::~EventLoop() {
  close_all();
  if (listen_fd_ >= 0) ::close(listen_fd_);
  if (wake_fd_ >= 0) ::close(wake_fd_);
  if (epoll_fd_ >= 0) ::close(epoll_fd_);
}

Result<int> EventLoop::bind(const std::string& host, int port) {
  raise_file_limit();
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (getaddrinfo(host.c_str(), service.c_str(), &hints, &found) != 0 || !found) {
    return Status(StatusCode::kInvalidArgument, "cannot resolve the listen address " + host);
  }
  std::string why = "no address";
  for (addrinfo* ai = found; ai; ai = ai->ai_next) {
    int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0) continue;
    int yes = 1;
    // SO_REUSEADDR only: SO_REUSEPORT would let a second server share the port silently.
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    if (::bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && ::listen(fd, 1024) == 0) {
      listen_fd_ = fd;
      break;
    }
    why = std::strerror(errno);
    ::close(fd);
  }
  freeaddrinfo(found);
  if (listen_fd_ < 0) {
    return Status(StatusCode::kInternal,
                  "cannot listen on " + host + ":" + service + " (" + why + ")");
  }
  sockaddr_storage bound{};
  socklen_t len = sizeof(bound);
  getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&bound), &len);
  const int bound_port = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6&>(bound).sin6_port
                                                           : reinterpret_cast<sockaddr_in&>(bound).sin_port);

  epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = kListenKey;
  epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &ev);
  ev.data.u64 = kWakeKey;
  epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev);
  return bound_port;
}

void EventLoop::stop() {
  stopping_ = true;
  if (wake_fd_ >= 0) {
    uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof(one));
  }
}

void EventLoop::complete(std::shared_ptr<Connection> connection, std::string rest, bool close) {
  bool first = false;
  {
    std::lock_guard<std::mutex> lock(completions_mu_);
    first = completions_.empty();
    completions_.push_back(Completion{std::move(connection), std::move(rest), close});
  }
  // One wake-up per batch: the loop takes every queued completion at once.
  if (first) {
    uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof(one));
  }
}

bool EventLoop::run() {
  if (listen_fd_ < 0 || epoll_fd_ < 0 || wake_fd_ < 0) return false;
  running_ = true;
  std::vector<epoll_event> events(kMaxEvents);
  while (!stopping_) turn(events);

  // Stopping: accept nothing more, close connections without a request in
  // hand, and let the requests being answered finish (their connections
  // close after the answer) for up to drain_ms.
  epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, listen_fd_, nullptr);
  ::close(listen_fd_);
  listen_fd_ = -1;
  using Phase = Connection::Phase;
  auto answering = [](const Connection& c) {
    return c.phase == Phase::kBusy || c.phase == Phase::kWriting || c.phase == Phase::kLingering;
  };
  std::vector<std::shared_ptr<Connection>> all;
  for (auto& [fd, c] : connections_) all.push_back(c);
  for (auto& c : all) {
    if (!answering(*c)) close(c);
  }
  const int64_t drain_until = monotonic_ms() + options_.drain_ms;
  for (;;) {
    bool pending = false;
    for (auto& [fd, c] : connections_) pending = pending || answering(*c);
    if (!pending || monotonic_ms() >= drain_until) break;
    turn(events);
  }
  // What is still busy is shut down, so that its worker's writes fail and
  // the worker comes back; the rest closes.
  all.clear();
  for (auto& [fd, c] : connections_) all.push_back(c);
  for (auto& c : all) {
    if (c->phase == Phase::kBusy) {
      ::shutdown(c->fd, SHUT_RDWR);
    } else {
      close(c);
    }
  }
  running_ = false;
  return true;
}

void EventLoop::turn(std::vector<epoll_event>& events) {
  const int timeout = ready_.empty() ? kSweepEveryMs : 0;
  const int n = epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()), timeout);
  const int64_t now = monotonic_ms();
  for (int i = 0; i < n; ++i) {
    const uint64_t key = events[i].data.u64;
    if (key == kListenKey) {
      accept_ready(now);
    } else if (key == kWakeKey) {
      uint64_t count = 0;
      [[maybe_unused]] ssize_t r = ::read(wake_fd_, &count, sizeof(count));
      take_completions();
    } else {
      auto it = connections_.find(static_cast<int>(key));
      if (it == connections_.end()) continue;
      std::shared_ptr<Connection> c = it->second;
      const uint32_t e = events[i].events;
      if (e & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) c->readable = true;
      if (e & (EPOLLHUP | EPOLLERR)) c->hangup = true;
      drive(c);
    }
  }
  if (!ready_.empty()) {
    std::vector<std::shared_ptr<Connection>> again;
    again.swap(ready_);
    for (auto& c : again) {
      auto it = connections_.find(c->fd);
      if (it != connections_.end() && it->second == c) drive(c);
    }
  }
  if (now >= next_sweep_ms_) {
    next_sweep_ms_ = now + kSweepEveryMs;
    expire(now);
  }
}

void EventLoop::close_all() {
  std::vector<std::shared_ptr<Connection>> all;
  for (auto& [fd, c] : connections_) all.push_back(c);
  for (auto& c : all) close(c);
  std::lock_guard<std::mutex> lock(completions_mu_);
  completions_.clear();
}

void EventLoop::accept_ready(int64_t now) {
  for (int i = 0; i < 64; ++i) {
    sockaddr_storage addr{};
    socklen_t len = sizeof(addr);
    const int fd = accept4(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
        // Out of descriptors: stop accepting for a moment instead of spinning.
        epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, listen_fd_, nullptr);
        accept_paused_ = true;
        accept_resume_ms_ = now + kSweepEveryMs;
      }
      return;  // EAGAIN, or a connection that died in the queue
    }
    const std::string peer = peer_ip(addr);
    int& from_peer = per_client_[peer];
    if (static_cast<int>(connections_.size()) >= options_.max_connections ||
        (options_.max_connections_per_client > 0 && from_peer >= options_.max_connections_per_client)) {
      if (from_peer == 0) per_client_.erase(peer);
      const std::string busy = render_error_(503, "too many connections; try again later");
      write_now(fd, busy.data(), busy.size());
      ::close(fd);
      ++counters_.refused;
      continue;
    }
    int yes = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
    auto c = std::make_shared<Connection>(fd, peer, options_.limits);
    c->deadline_ms = now + options_.header_timeout_ms;  // the first request's header
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
    ev.data.u64 = static_cast<uint64_t>(fd);
    if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) != 0) {
      ::close(fd);
      if (from_peer == 0) per_client_.erase(peer);
      continue;
    }
    ++from_peer;
    connections_[fd] = c;
    ++counters_.open;
    ++counters_.accepted;
  }
}

void EventLoop::drive(const std::shared_ptr<Connection>& c) {
  using Phase = Connection::Phase;
  if (c->phase == Phase::kBusy) return;
  if (c->phase == Phase::kLingering) return linger(c);
  const int64_t now = monotonic_ms();
  if (c->out_sent < c->out.size()) {
    const long n = write_now(c->fd, c->out.data() + c->out_sent, c->out.size() - c->out_sent);
    if (n < 0) return close(c);
    c->out_sent += static_cast<size_t>(n);
    if (c->out_sent < c->out.size()) {
      if (c->phase != Phase::kWriting) {
        c->phase = Phase::kWriting;
        c->deadline_ms = now + options_.write_timeout_ms;
      }
      return;  // wait for EPOLLOUT
    }
  }
  c->out.clear();
  c->out_sent = 0;
  if (c->close_after_write) {
    ::shutdown(c->fd, SHUT_WR);
    c->phase = Phase::kLingering;
    c->deadline_ms = now + options_.linger_ms;
    return linger(c);
  }
  if (c->phase == Phase::kWriting) {
    c->phase = Phase::kIdle;
    c->deadline_ms = now + options_.idle_timeout_ms;
  }
  size_t budget = kReadBudget;
  for (;;) {
    if (!c->in.empty()) {
      const size_t used = c->parser.feed(c->in.data(), c->in.size());
      c->in.erase(0, used);
      note_progress(*c, now);
      if (c->parser.take_continue()) write_now(c->fd, kContinue, std::strlen(kContinue));
      const RequestParser::State state = c->parser.state();
      if (state == RequestParser::State::kComplete) {
        ParsedRequest request = c->parser.take();
        c->phase = Phase::kBusy;
        c->registered_header = false;
        ++c->requests;
        if (c->requests >= options_.keep_alive_max || stopping_) request.keep_alive = false;
        dispatch_(c, std::move(request));
        return;
      }
      if (state == RequestParser::State::kError) {
        ++counters_.rejected;
        return answer_error(c, c->parser.error_status(), c->parser.error_message());
      }
    }
    if (!c->readable) return;
    if (budget == 0) {
      ready_.push_back(c);
      return;
    }
    const ssize_t n = ::recv(c->fd, buffer_.data(), buffer_.size(), 0);
    if (n > 0) {
      c->in.append(buffer_.data(), static_cast<size_t>(n));
      budget -= std::min(budget, static_cast<size_t>(n));
    } else if (n == 0) {
      return close(c);  // the client is gone; a partial request gets no answer
    } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
      c->readable = false;
      return;
    } else if (errno != EINTR) {
      return close(c);
    }
  }
}

void EventLoop::note_progress(Connection& c, int64_t now) {
  using Phase = Connection::Phase;
  switch (c.parser.state()) {
    case RequestParser::State::kHeader:
      if (!c.registered_header) {
        c.registered_header = true;
        c.phase = Phase::kHeader;
        // The first request's header time counts from accept.
        if (c.requests > 0) c.deadline_ms = now + options_.header_timeout_ms;
      }
      break;
    case RequestParser::State::kBody:
      if (c.phase != Phase::kBody) {
        c.phase = Phase::kBody;
        c.deadline_ms = now + options_.body_timeout_ms;
      }
      break;
    default:
      break;
  }
}

void EventLoop::answer_error(const std::shared_ptr<Connection>& c, int status, const std::string& message) {
  c->out = render_error_(status, message);
  c->out_sent = 0;
  c->close_after_write = true;
  c->phase = Connection::Phase::kWriting;
  c->deadline_ms = monotonic_ms() + options_.write_timeout_ms;
  drive(c);
}

void EventLoop::linger(const std::shared_ptr<Connection>& c) {
  // Reading what the client still sends keeps the kernel from answering it
  // with a reset that could destroy our answer before the client reads it.
  for (;;) {
    const ssize_t n = ::recv(c->fd, buffer_.data(), buffer_.size(), 0);
    if (n > 0) {
      c->lingered += static_cast<size_t>(n);
      if (c->lingered > kLingerBytes) return close(c);
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      c->readable = false;
      return;
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      return close(c);
    }
  }
}

void EventLoop::close(const std::shared_ptr<Connection>& c) {
  auto it = connections_.find(c->fd);
  if (it == connections_.end() || it->second != c) return;
  ::close(c->fd);  // also leaves the epoll set
  connections_.erase(it);
  --counters_.open;
  auto peer = per_client_.find(c->peer);
  if (peer != per_client_.end() && --peer->second <= 0) per_client_.erase(peer);
}

void EventLoop::expire(int64_t now) {
  using Phase = Connection::Phase;
  if (accept_paused_ && now >= accept_resume_ms_) {
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = kListenKey;
    epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &ev);
    accept_paused_ = false;
  }
  std::vector<std::shared_ptr<Connection>> due;
  for (auto& [fd, c] : connections_) {
    if (c->phase != Phase::kBusy && c->deadline_ms <= now) due.push_back(c);
  }
  for (auto& c : due) {
    if (c->phase == Phase::kHeader || c->phase == Phase::kBody) {
      ++counters_.timed_out;
      const std::string timeout = render_error_(408, c->phase == Phase::kHeader
                                                         ? "the request header took too long"
                                                         : "the request body took too long");
      write_now(c->fd, timeout.data(), timeout.size());
    } else if (c->phase == Phase::kWriting) {
      ++counters_.timed_out;
    } else if (c->phase == Phase::kIdle && c->requests == 0) {
      ++counters_.timed_out;  // connected and never sent a byte
    }
    close(c);
  }
}

void EventLoop::take_completions() {
  std::vector<Completion> done;
  {
    std::lock_guard<std::mutex> lock(completions_mu_);
    done.swap(completions_);
  }
  const int64_t now = monotonic_ms();
  for (Completion& d : done) {
    const std::shared_ptr<Connection>& c = d.connection;
    auto it = connections_.find(c->fd);
    if (it == connections_.end() || it->second != c) continue;
    c->phase = Connection::Phase::kIdle;
    c->deadline_ms = now + options_.idle_timeout_ms;
    c->out = std::move(d.rest);
    c->out_sent = 0;
    c->close_after_write = d.close || stopping_;
    if (!c->out.empty()) {
      c->phase = Connection::Phase::kWriting;
      c->deadline_ms = now + options_.write_timeout_ms;
    }
    drive(c);
  }
}

}  // namespace faqbot::http
