#pragma once
// The accepting and reading side of the HTTP server: one thread with epoll
// (edge-triggered sockets) that accepts connections, reads and parses
// requests (request_parser.h) and enforces every time and size limit, so a
// slow or huge request only ever costs a little memory on this thread:
//  - a total deadline for the header of a request (from its first byte, or
//    from accept for the first request) and one for its body; 408 and close;
//  - an idle deadline between kept-alive requests; a total deadline for a
//    response that the client reads too slowly;
//  - a cap on open connections overall and per client address (503, close);
//  - the body limit for every framing (413 before the body is buffered), and
//    strict framing (400) — the parser's rules.
// Only a complete request leaves the loop, through `Dispatch`, to a worker;
// requests of one connection are dispatched one at a time, in order
// (pipelining), and a connection is not read while its request is answered.
// The worker writes the response itself and hands the connection back with
// complete().
//
// Thread-safety: run() on one thread; stop(), complete() and the counters
// from any thread. Lifecycle: bind(), run() until stop(); then, after the
// workers are joined, close_all().
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "adapters/http/connection.h"
#include "adapters/http/request_parser.h"
#include "knowledge/status.h"

struct epoll_event;  // <sys/epoll.h>

namespace faqbot::http {

struct LoopOptions {
  ParserLimits limits;
  int64_t header_timeout_ms = 10000;  // whole request line + headers
  int64_t body_timeout_ms = 30000;    // whole body, from the end of the headers
  int64_t idle_timeout_ms = 5000;     // kept-alive connection without a request
  int64_t write_timeout_ms = 10000;   // whole rest of a response to a slow reader
  int64_t linger_ms = 1000;           // draining after an error answer, then close
  int max_connections = 10000;        // open connections overall
  int max_connections_per_client = 64;  // per peer IP address; 0 = no cap
  int keep_alive_max = 100000;        // requests per connection
  int64_t drain_ms = 5000;            // on stop: time for requests being answered
};

class EventLoop {
 public:
  // Called on the loop thread with a complete request: hand it to a worker
  // and return at once. `request.keep_alive` is false when this must be the
  // last request of the connection.
  using Dispatch = std::function<void(std::shared_ptr<Connection> connection, ParsedRequest request)>;
  // The whole bytes of an error answer the loop gives itself (400, 408, 413,
  // 431, 503, 505) with "Connection: close". Called on the loop thread.
  using RenderError = std::function<std::string(int status, const std::string& message)>;

  struct Counters {
    std::atomic<int64_t> open{0};       // connections now
    std::atomic<int64_t> accepted{0};   // total
    std::atomic<int64_t> refused{0};    // over a connection cap
    std::atomic<int64_t> timed_out{0};  // header, body or write deadline
    std::atomic<int64_t> rejected{0};   // framing or size errors (4xx from the parser)
  };

  EventLoop(LoopOptions options, Dispatch dispatch, RenderError render_error);
  ~EventLoop();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  // Binds and listens on host:port (port 0: any free port); the bound port.
  Result<int> bind(const std::string& host, int port);
  // Serves until stop(), then drains: no new connections, requests being
  // answered finish within drain_ms. On return the listener is closed, idle
  // connections are closed and busy ones shut down (their workers' writes fail).
  bool run();
  void stop();
  bool running() const { return running_.load(); }
  // A worker finished the request on `connection`: `rest` is the part of
  // the response it could not write without waiting; `close` ends the
  // connection once it is written.
  void complete(std::shared_ptr<Connection> connection, std::string rest, bool close);
  // Closes the connections left after run(); call once no worker holds one.
  void close_all();

  const Counters& counters() const { return counters_; }

 private:
  struct Completion {
    std::shared_ptr<Connection> connection;
    std::string rest;
    bool close;
  };

  // One epoll_wait and everything it reports, then the deadline sweep.
  void turn(std::vector<epoll_event>& events);
  void accept_ready(int64_t now);
  void drive(const std::shared_ptr<Connection>& c);
  void note_progress(Connection& c, int64_t now);
  void answer_error(const std::shared_ptr<Connection>& c, int status, const std::string& message);
  void linger(const std::shared_ptr<Connection>& c);
  void close(const std::shared_ptr<Connection>& c);
  void expire(int64_t now);
  void take_completions();

  LoopOptions options_;
  Dispatch dispatch_;
  RenderError render_error_;
  int listen_fd_ = -1;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> running_{false};
  bool accept_paused_ = false;
  int64_t accept_resume_ms_ = 0;
  int64_t next_sweep_ms_ = 0;
  std::unordered_map<int, std::shared_ptr<Connection>> connections_;
  std::unordered_map<std::string, int> per_client_;
  std::vector<std::shared_ptr<Connection>> ready_;  // read budget used up: continue next turn
  std::vector<char> buffer_;                        // one read
  std::mutex completions_mu_;
  std::vector<Completion> completions_;
  Counters counters_;
};

}  // namespace faqbot::http
