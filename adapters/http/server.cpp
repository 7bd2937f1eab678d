#include "adapters/http/server.h"

#include <sys/socket.h>

#include <chrono>
#include <exception>
#include <iostream>
#include <sstream>

#include "adapters/http/api_error.h"
#include "adapters/http/event_loop.h"
#include "adapters/http/response_wire.h"
#include "adapters/http/router.h"
#include "adapters/http/security_headers.h"
#include "adapters/http/worker_pool.h"
#include "bot/pii.h"

namespace faqbot::http {
namespace {

int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The first address of X-Forwarded-For when trusted, else the socket peer.
std::string client_address(const ParsedRequest& req, const std::string& peer, bool trust_forwarded_for) {
  if (trust_forwarded_for) {
    const std::string xff = req.header("X-Forwarded-For");
    const std::string first = xff.substr(0, xff.find(','));
    const size_t b = first.find_first_not_of(" \t"), e = first.find_last_not_of(" \t");
    if (b != std::string::npos) return first.substr(b, e - b + 1);
  }
  return peer;
}

// "a=1&b=x+y" -> {a: 1, b: "x y"}; the first value of a repeated name wins.
std::map<std::string, std::string> parse_query(const std::string& query) {
  std::map<std::string, std::string> out;
  size_t start = 0;
  while (start < query.size()) {
    size_t amp = query.find('&', start);
    if (amp == std::string::npos) amp = query.size();
    const std::string pair = query.substr(start, amp - start);
    const size_t eq = pair.find('=');
    if (!pair.empty()) {
      out.emplace(percent_decode(pair.substr(0, eq), true),
                  eq == std::string::npos ? std::string() : percent_decode(pair.substr(eq + 1), true));
    }
    start = amp + 1;
  }
  return out;
}

const char* error_code_for(int status) {
  switch (status) {
    case 404: return "not_found";
    case 413: return "payload_too_large";
    case 429: return "rate_limited";
    case 503: return "unavailable";
    default: return status >= 500 ? "internal" : "bad_request";
  }
}

Response envelope(int status, const std::string& message) {
  Response r;
  r.status = status;
  r.body = error_body(error_code_for(status), message);
  return r;
}

}  // namespace

struct HttpServer::Impl {
  Router router;
  std::vector<size_t> slots;  // metrics slot of each route, by index
  std::unique_ptr<EventLoop> loop;
  std::unique_ptr<WorkerPool> pool;
  std::atomic<bool> stopped{false};
};

struct HttpServer::Job {
  std::shared_ptr<Connection> connection;
  ParsedRequest request;
};

HttpServer::HttpServer(ServerOptions options, HttpMetrics& metrics)
    : impl_(std::make_unique<Impl>()),
      options_(std::move(options)),
      metrics_(metrics),
      client_limiter_(options_.rate_client) {}

HttpServer::~HttpServer() { stop(); }

void HttpServer::add_route(Route route, bool client_rate_limited) {
  routes_.push_back(MountedRoute{std::move(route), client_rate_limited});
}

void HttpServer::mount() {
  if (mounted_) return;
  mounted_ = true;
  for (size_t i = 0; i < routes_.size(); ++i) {
    const Route& r = routes_[i].route;
    impl_->router.add(r.method, r.path, i);
    impl_->slots.push_back(metrics_.add_route(r.method, r.path));
  }
  LoopOptions lo;
  lo.limits.max_body_bytes = options_.max_body_bytes;
  lo.limits.max_header_bytes = options_.max_header_bytes;
  lo.header_timeout_ms = options_.header_timeout_ms;
  lo.body_timeout_ms = options_.body_timeout_ms;
  lo.idle_timeout_ms = options_.keep_alive_timeout_ms;
  lo.write_timeout_ms = options_.write_timeout_ms;
  lo.max_connections = options_.max_connections;
  lo.max_connections_per_client = options_.max_connections_per_client;
  lo.keep_alive_max = options_.keep_alive_max;
  auto dispatch = [this](std::shared_ptr<Connection> c, ParsedRequest request) {
    auto job = std::make_shared<Job>(Job{std::move(c), std::move(request)});
    impl_->pool->submit([this, job] { handle(*job); });
  };
  auto render_error = [this](int status, const std::string& message) {
    Response r = envelope(status, message);
    add_security_headers(r);
    metrics_.observe(metrics_.unmatched(), status, 0);
    return response_head(r, 1, Framing::kLength, r.body.size(), true) + r.body;
  };
  impl_->loop = std::make_unique<EventLoop>(lo, dispatch, render_error);
}

void HttpServer::handle(Job& job) {
  ParsedRequest& req = job.request;
  const auto t0 = std::chrono::steady_clock::now();
  Request r;
  r.method = req.method;
  r.path = req.path;
  r.body = std::move(req.body);
  r.remote_addr = client_address(req, job.connection->peer, options_.trust_forwarded_for);
  for (const auto& [k, v] : req.headers) r.headers.emplace(k, v);
  r.params = parse_query(req.query);

  Response out;
  size_t slot = metrics_.unmatched();
  const std::string origin = req.header("Origin");
  if (req.method == "OPTIONS") {  // CORS preflight
    out.status = 204;
    out.content_type.clear();
    out.headers = {{"Access-Control-Allow-Methods", "GET, POST, OPTIONS"},
                   {"Access-Control-Allow-Headers", "Content-Type, Authorization"},
                   {"Access-Control-Max-Age", "600"}};
  } else if (Router::Match m = impl_->router.find(req.method, req.path); !m.found) {
    out = m.path_known ? envelope(405, "method not allowed")
                       : error_response(ApiError::kNotFound, "no route for " + req.method + " " + req.path);
  } else {
    const MountedRoute& route = routes_[m.index];
    slot = impl_->slots[m.index];
    r.path_params = std::move(m.params);
    try {
      if (route.client_rate_limited && options_.rate_client.enabled() &&
          !client_limiter_.allow(r.remote_addr, wall_ms())) {
        out = error_response(ApiError::kRateLimited, "too many requests from this address");
        out.headers.emplace_back("Retry-After", std::to_string(client_limiter_.retry_after_s()));
      } else {
        out = route.route.handler(r);
      }
    } catch (const std::exception& e) {
      // An exception's text may quote the request: masked like every log line.
      std::cerr << bot::mask_pii("faqbot serve: " + req.method + " " + req.path + " threw: " + e.what()).masked
                << "\n";
      out = error_response(ApiError::kInternal, "internal error");
    } catch (...) {
      out = error_response(ApiError::kInternal, "internal error");
    }
  }
  if (!origin.empty()) {
    for (const std::string& allowed : options_.cors_origins) {
      if (allowed == "*" || allowed == origin) {
        out.headers.emplace_back("Access-Control-Allow-Origin", allowed == "*" ? "*" : origin);
        out.headers.emplace_back("Vary", "Origin");
        break;
      }
    }
  }
  add_security_headers(out);
  metrics_.observe(slot, out.status,
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());

  const int fd = job.connection->fd;
  const bool head = req.method == "HEAD";
  bool close = !req.keep_alive || impl_->stopped;
  if (out.stream && !head) {
    // A stream holds this worker until it ends; the connection closes after.
    const Framing framing = req.minor_version == 1 ? Framing::kChunked : Framing::kClose;
    const std::string head_bytes = response_head(out, req.minor_version, framing, 0, true);
    const int timeout = options_.write_timeout_ms;
    if (write_until(fd, head_bytes.data(), head_bytes.size(), monotonic_ms() + timeout)) {
      try {
        out.stream([fd, framing, timeout](const std::string& chunk) {
          if (chunk.empty()) return true;
          std::string frame;
          if (framing == Framing::kChunked) {
            std::ostringstream size;
            size << std::hex << chunk.size();
            frame = size.str() + "\r\n" + chunk + "\r\n";
          } else {
            frame = chunk;
          }
          return write_until(fd, frame.data(), frame.size(), monotonic_ms() + timeout);
        });
      } catch (...) {
      }
      if (framing == Framing::kChunked) write_until(fd, "0\r\n\r\n", 5, monotonic_ms() + timeout);
    }
    impl_->loop->complete(std::move(job.connection), {}, true);
    return;
  }
  out.stream = nullptr;
  std::string bytes = response_head(out, req.minor_version, Framing::kLength, out.body.size(), close);
  if (!head) bytes += out.body;
  const long written = write_now(fd, bytes.data(), bytes.size());
  if (written < 0) {
    impl_->loop->complete(std::move(job.connection), {}, true);
  } else {
    impl_->loop->complete(std::move(job.connection), bytes.substr(static_cast<size_t>(written)), close);
  }
}

Result<int> HttpServer::bind(const std::string& host, int port) {
  mount();
  auto bound = impl_->loop->bind(host, port);
  if (bound.ok()) port_ = bound.value();
  return bound;
}

bool HttpServer::listen() {
  if (!impl_->pool) impl_->pool = std::make_unique<WorkerPool>(options_.threads, options_.worker_init);
  const bool served = impl_->loop->run();
  impl_->pool->stop();
  impl_->loop->close_all();
  return served;
}

Result<int> HttpServer::start(const std::string& host, int port) {
  auto bound = bind(host, port);
  if (!bound.ok()) return bound;
  impl_->pool = std::make_unique<WorkerPool>(options_.threads, options_.worker_init);
  thread_ = std::thread([this] { listen(); });
  for (int i = 0; i < 2000 && !impl_->loop->running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!impl_->loop->running()) return Status(StatusCode::kInternal, "the server did not start");
  return bound;
}

void HttpServer::stop() {
  if (impl_->stopped.exchange(true)) {
    if (thread_.joinable()) thread_.join();
    return;
  }
  if (on_stop) on_stop();
  if (impl_->loop) impl_->loop->stop();
  if (thread_.joinable()) thread_.join();
}

bool HttpServer::running() const { return impl_->loop && impl_->loop->running(); }

std::string HttpServer::transport_metrics() const {
  if (!impl_->loop) return {};
  const EventLoop::Counters& c = impl_->loop->counters();
  std::ostringstream out;
  out << "# HELP faqbot_http_connections_open Open client connections.\n"
         "# TYPE faqbot_http_connections_open gauge\n"
      << "faqbot_http_connections_open " << c.open.load() << "\n"
      << "# HELP faqbot_http_connections_total Connections accepted, refused over a cap, closed on a deadline.\n"
         "# TYPE faqbot_http_connections_total counter\n"
      << "faqbot_http_connections_total{outcome=\"accepted\"} " << c.accepted.load() << "\n"
      << "faqbot_http_connections_total{outcome=\"refused\"} " << c.refused.load() << "\n"
      << "faqbot_http_connections_total{outcome=\"timed_out\"} " << c.timed_out.load() << "\n"
      << "# HELP faqbot_http_requests_rejected_total Requests refused by the parser (framing, size).\n"
         "# TYPE faqbot_http_requests_rejected_total counter\n"
      << "faqbot_http_requests_rejected_total " << c.rejected.load() << "\n";
  return out.str();
}

}  // namespace faqbot::http
