#pragma once
// The HTTP server: cpp-httplib configured for real traffic (TCP_NODELAY, a
// sized thread pool, long keep-alive), behind the project's own Route /
// Request / Response types so that nothing else includes httplib.h.
//
// Every route runs inside one wrapper that never lets an exception out (500
// envelope), applies the per-client-address rate limit when the route asks
// for it, adds CORS headers for allowed origins, and records metrics.
// httplib's own errors (no route: 404, body over the limit: 413, bad request
// line: 400) get the same error envelope.
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
  int threads = 64;                  // worker threads = connections served at once
  int keep_alive_max = 100000;       // requests per kept-alive connection
  int keep_alive_timeout_s = 5;
  size_t max_body_bytes = 1 << 20;   // larger bodies: 413
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
  const std::vector<MountedRoute>& routes() const { return routes_; }

  // Binds host:port; port 0 = any free port. Returns the bound port.
  Result<int> bind(const std::string& host, int port);
  // Serves on the calling thread until stop(). False when it failed to serve.
  bool listen();
  // bind() + listen() on a background thread; returns once accepting.
  Result<int> start(const std::string& host, int port);
  // Stops accepting, ends kept-alive connections, joins the background
  // thread. Streams must end on their own (see on_stop).
  void stop();
  bool running() const;
  int port() const { return port_; }

  // Called at the start of stop(), before waiting for workers: end long
  // streams here (Server-Sent Events).
  std::function<void()> on_stop;

 private:
  struct Impl;
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

// "{id}" patterns -> the regular expression httplib matches; the names of
// the parameters in order. Exposed for tests.
std::string route_regex(const std::string& path, std::vector<std::string>* names);

}  // namespace faqbot::http
