#pragma once
// The HTTP/1.1 server of faqbot, behind the project's own Route / Request /
// Response types. Built from small parts, each with one job:
//   request_parser  bytes -> request, strict framing and size limits
//   event_loop      epoll: accept, read, parse, deadlines, connection caps
//   worker_pool     a fixed set of threads that run handlers
//   router          method + path -> route and {name} parameters
//   response_wire   status line and headers on the wire
//   security_headers CSP, nosniff, Referrer-Policy, frame options
// Slow clients cost the event loop a little memory, never a worker: only a
// complete request reaches a worker (see event_loop.h for every limit).
//
// Every route runs inside one wrapper (server.cpp) that never lets an
// exception out (500 envelope), applies the per-client-address rate limit
// when the route asks for it, adds CORS headers for allowed origins and the
// security headers, and records metrics. The transport's own errors (no
// route: 404, body over the limit: 413, bad framing: 400, timeouts: 408)
// get the same error envelope.
//
// Lifecycle: add routes, then start() (binds, serves on a background thread,
// returns once accepting) or bind() + listen() (blocking). stop() is safe
// from any thread. Routes cannot be added after start.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "adapters/http/http_types.h"
#include "adapters/http/metrics.h"
#include "adapters/http/rate_limiter.h"
#include "adapters/http/settings.h"
#include "knowledge/status.h"

namespace faqbot::http {

struct ServerOptions {
  int threads = 64;                  // worker threads = requests handled at once
  int keep_alive_max = 100000;       // requests per kept-alive connection
  int keep_alive_timeout_ms = 5000;  // idle kept-alive connection: closed
  size_t max_body_bytes = 1 << 20;   // larger bodies: 413, whatever the framing
  size_t max_header_bytes = 16 * 1024;  // larger request headers: 431
  int header_timeout_ms = 10000;     // whole request header; 408 after it
  int body_timeout_ms = 30000;       // whole request body; 408 after it
  int write_timeout_ms = 10000;      // whole response (each chunk of a stream)
  int max_connections = 10000;       // open connections overall
  int max_connections_per_client = 64;  // per peer address; 0 = no cap
  std::vector<std::string> cors_origins;  // "*" or exact origins; empty = no CORS
  bool trust_forwarded_for = false;  // take the client address from X-Forwarded-For
  RateLimit rate_client;             // per client address, for routes that ask for it
  // Run once on each worker thread before its first request (e.g. to keep
  // libraries from starting their own thread teams per request).
  std::function<void()> worker_init;
};

// A route plus server-side flags.
struct MountedRoute {
  Route route;
  bool client_rate_limited = false;  // count against the per-address bucket
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, HttpMetrics& metrics);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  void add_route(Route route, bool client_rate_limited = false);
  const ServerOptions& options() const { return options_; }
  const std::vector<MountedRoute>& routes() const { return routes_; }

  // Binds host:port; port 0 = any free port. Returns the bound port.
  Result<int> bind(const std::string& host, int port);
  // Serves on the calling thread until stop(). False when it failed to serve.
  bool listen();
  // bind() + listen() on a background thread; returns once accepting.
  Result<int> start(const std::string& host, int port);
  // Stops accepting, closes idle connections, lets the requests being
  // answered finish (up to 5 s), joins the background thread. Streams must
  // end on their own (see on_stop).
  void stop();
  bool running() const;
  int port() const { return port_; }

  // Called at the start of stop(), before waiting for workers: end long
  // streams here (Server-Sent Events).
  std::function<void()> on_stop;

  // Transport figures as Prometheus text (connections open, refused, timed
  // out, rejected requests). Thread-safe.
  std::string transport_metrics() const;

 private:
  struct Impl;
  struct Job;
  void handle(Job& job);
  std::unique_ptr<Impl> impl_;
  ServerOptions options_;
  HttpMetrics& metrics_;
  RateLimiter client_limiter_;
  std::vector<MountedRoute> routes_;
  bool mounted_ = false;
  int port_ = 0;
  std::thread thread_;

  void mount();
};

}  // namespace faqbot::http
