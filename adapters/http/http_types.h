#pragma once
// The project's own request/response types. Handlers (ours and the IM
// channels') see only these, never the transport (server.h).
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace faqbot::http {

struct Request {
  std::string method;                              // "GET", "POST", …
  std::string path;                                // without the query string
  std::string body;                                // raw bytes, <= the body limit
  std::multimap<std::string, std::string> headers; // as received; use header() to find one
  std::map<std::string, std::string> params;       // query string, first value of each
  std::map<std::string, std::string> path_params;  // "{id}" segments of the route pattern
  std::string remote_addr;                         // client address (see Settings::trust_forwarded_for)

  // Case-insensitive header lookup; "" when absent.
  std::string header(const std::string& name) const;
  std::string param(const std::string& name) const;       // "" when absent
  std::string path_param(const std::string& name) const;  // "" when absent
};

// A chunk writer for streamed responses: false once the client is gone.
using StreamWriter = std::function<bool(const std::string& chunk)>;

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // Set for a streamed body (Server-Sent Events): called once on a worker
  // thread; it writes chunks until it returns or a write fails. `body` is
  // ignored then.
  std::function<void(const StreamWriter& write)> stream;
};

using Handler = std::function<Response(const Request&)>;

// One route. `path` uses {name} for a segment parameter:
// "/v1/sessions/{id}/messages". The same (method, path) must appear in the
// OpenAPI document for core routes (tests/http/openapi_test.cpp).
struct Route {
  std::string method;   // "GET" | "POST" | "PUT" | "DELETE"
  std::string path;
  Handler handler;
  std::string summary;  // one line for /openapi.json (extension routes)
};

}  // namespace faqbot::http
