// The only file that includes httplib.h.
#include "adapters/http/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>
#include <exception>
#include <iostream>

#include "adapters/http/api_error.h"

namespace faqbot::http {
namespace {

int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string client_address(const httplib::Request& req, bool trust_forwarded_for) {
  if (trust_forwarded_for) {
    std::string xff = req.get_header_value("X-Forwarded-For");
    if (!xff.empty()) {
      auto comma = xff.find(',');
      std::string first = xff.substr(0, comma);
      size_t b = first.find_first_not_of(' '), e = first.find_last_not_of(' ');
      if (b != std::string::npos) return first.substr(b, e - b + 1);
    }
  }
  return req.remote_addr;
}

}  // namespace

std::string Request::header(const std::string& name) const {
  for (const auto& [k, v] : headers) {
    if (k.size() == name.size() &&
        std::equal(k.begin(), k.end(), name.begin(),
                   [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
      return v;
    }
  }
  return {};
}

std::string Request::param(const std::string& name) const {
  auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

std::string Request::path_param(const std::string& name) const {
  auto it = path_params.find(name);
  return it == path_params.end() ? std::string() : it->second;
}

std::string route_regex(const std::string& path, std::vector<std::string>* names) {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (c == '{') {
      size_t close = path.find('}', i);
      if (names) names->push_back(path.substr(i + 1, close - i - 1));
      out += "([^/]+)";
      i = close;
    } else if (std::string(".^$|()[]*+?\\").find(c) != std::string::npos) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

struct HttpServer::Impl {
  httplib::Server server;
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
  httplib::Server& s = impl_->server;
  const int threads = options_.threads;
  s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  s.set_tcp_nodelay(true);
  // httplib's default also sets SO_REUSEPORT, which lets a second server bind
  // the same port silently; keep only SO_REUSEADDR so "port in use" is an error.
  s.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof(yes));
  });
  s.set_keep_alive_max_count(static_cast<size_t>(options_.keep_alive_max));
  s.set_keep_alive_timeout(options_.keep_alive_timeout_s);
  s.set_read_timeout(10, 0);
  s.set_write_timeout(10, 0);
  s.set_payload_max_length(options_.max_body_bytes);

  auto cors = [origins = options_.cors_origins](const std::string& origin,
                                                 httplib::Response& res) {
    if (origin.empty() || origins.empty()) return;
    for (const std::string& allowed : origins) {
      if (allowed == "*" || allowed == origin) {
        res.set_header("Access-Control-Allow-Origin", allowed == "*" ? "*" : origin);
        res.set_header("Vary", "Origin");
        return;
      }
    }
  };

  s.set_pre_routing_handler([cors](const httplib::Request& req, httplib::Response& res) {
    if (req.method != "OPTIONS") return httplib::Server::HandlerResponse::Unhandled;
    cors(req.get_header_value("Origin"), res);
    res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    res.set_header("Access-Control-Allow-Headers", "Content-Type, Authorization");
    res.set_header("Access-Control-Max-Age", "600");
    res.status = 204;
    return httplib::Server::HandlerResponse::Handled;
  });

  s.set_error_handler(httplib::Server::HandlerWithResponse(
      [this, cors](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;  // ours already
    const char* code = "bad_request";
    std::string message = "the request could not be read";
    switch (res.status) {
      case 404: code = "not_found"; message = "no route for " + req.method + " " + req.path; break;
      case 413: code = "payload_too_large";
        message = "the body is larger than " + std::to_string(options_.max_body_bytes) + " bytes"; break;
      case 414: code = "bad_request"; message = "the URI is too long"; break;
      case 405: code = "bad_request"; message = "method not allowed"; break;
      default: if (res.status >= 500) { code = "internal"; message = "internal error"; }
    }
    res.set_content(error_body(code, message), "application/json; charset=utf-8");
    cors(req.get_header_value("Origin"), res);
    metrics_.observe(metrics_.unmatched(), res.status, 0);
    return httplib::Server::HandlerResponse::Handled;
  }));

  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(error_body("internal", "internal error"), "application/json; charset=utf-8");
  });

  for (const MountedRoute& mounted : routes_) {
    std::vector<std::string> names;
    const std::string pattern = route_regex(mounted.route.path, &names);
    const size_t slot = metrics_.add_route(mounted.route.method, mounted.route.path);
    Handler handler = mounted.route.handler;
    const bool limited = mounted.client_rate_limited && options_.rate_client.enabled();
    const bool trust_xff = options_.trust_forwarded_for;
    auto wrapped = [this, slot, handler, names, limited, trust_xff, cors](
                       const httplib::Request& req, httplib::Response& res) {
      thread_local bool initialised = false;
      if (!initialised) {
        initialised = true;
        if (options_.worker_init) options_.worker_init();
      }
      const auto t0 = std::chrono::steady_clock::now();
      Request r;
      r.method = req.method;
      r.path = req.path;
      r.body = req.body;
      r.remote_addr = client_address(req, trust_xff);
      for (const auto& [k, v] : req.headers) r.headers.emplace(k, v);
      for (const auto& [k, v] : req.params) r.params.emplace(k, v);  // first value wins
      for (size_t i = 0; i < names.size() && i + 1 < req.matches.size(); ++i) {
        r.path_params[names[i]] = req.matches[i + 1].str();
      }
      Response out;
      try {
        if (limited && !client_limiter_.allow(r.remote_addr, wall_ms())) {
          out = error_response(ApiError::kRateLimited, "too many requests from this address");
          out.headers.emplace_back("Retry-After", std::to_string(client_limiter_.retry_after_s()));
        } else {
          out = handler(r);
        }
      } catch (const std::exception& e) {
        std::cerr << "faqbot serve: " << req.method << " " << req.path << " threw: " << e.what() << "\n";
        out = error_response(ApiError::kInternal, "internal error");
      } catch (...) {
        out = error_response(ApiError::kInternal, "internal error");
      }
      res.status = out.status;
      for (const auto& [k, v] : out.headers) res.set_header(k.c_str(), v);
      cors(req.get_header_value("Origin"), res);
      if (out.stream) {
        auto stream = out.stream;
        res.set_chunked_content_provider(
            out.content_type, [stream](size_t, httplib::DataSink& sink) {
              try {
                stream([&sink](const std::string& chunk) {
                  return sink.is_writable() && sink.write(chunk.data(), chunk.size());
                });
              } catch (...) {
              }
              sink.done();
              return true;
            });
      } else {
        res.set_content(out.body, out.content_type);
      }
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      metrics_.observe(slot, out.status, seconds);
    };
    const std::string& m = mounted.route.method;
    if (m == "GET") s.Get(pattern, wrapped);
    else if (m == "POST") s.Post(pattern, wrapped);
    else if (m == "PUT") s.Put(pattern, wrapped);
    else if (m == "DELETE") s.Delete(pattern, wrapped);
    else if (m == "PATCH") s.Patch(pattern, wrapped);
  }
}

Result<int> HttpServer::bind(const std::string& host, int port) {
  mount();
  if (port == 0) {
    int bound = impl_->server.bind_to_any_port(host);
    if (bound <= 0) return Status(StatusCode::kInternal, "cannot bind " + host + " to any port");
    port_ = bound;
  } else {
    if (!impl_->server.bind_to_port(host, port)) {
      return Status(StatusCode::kInternal,
                    "cannot listen on " + host + ":" + std::to_string(port) +
                        " (in use, or not permitted)");
    }
    port_ = port;
  }
  return port_;
}

bool HttpServer::listen() { return impl_->server.listen_after_bind(); }

Result<int> HttpServer::start(const std::string& host, int port) {
  auto bound = bind(host, port);
  if (!bound.ok()) return bound;
  thread_ = std::thread([this] { impl_->server.listen_after_bind(); });
  for (int i = 0; i < 2000 && !impl_->server.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!impl_->server.is_running()) return Status(StatusCode::kInternal, "the server did not start");
  return bound;
}

void HttpServer::stop() {
  if (on_stop) on_stop();
  impl_->server.stop();
  if (thread_.joinable()) thread_.join();
}

bool HttpServer::running() const { return impl_->server.is_running(); }

}  // namespace faqbot::http
