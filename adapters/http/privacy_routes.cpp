#include "adapters/http/privacy_routes.h"

#include <nlohmann/json.hpp>

#include "adapters/http/api_error.h"

namespace faqbot::http {
namespace {

using nlohmann::json;

constexpr int kPage = 1000;  // messages read per store call

json session_export(store::Store& st, const store::Session& s, Status* status) {
  json messages = json::array();
  for (int64_t after = 0;;) {
    auto page = st.messages_after(s.id, after, kPage);
    if (!page.ok()) {
      *status = page.status();
      return nullptr;
    }
    for (const store::Message& m : page.value()) {
      json j = {{"message_id", m.id}, {"role", store::to_string(m.role)}, {"text", m.text},
                {"created_at", m.created_at_ms}};
      if (!m.agent_id.empty()) j["agent_id"] = m.agent_id;
      messages.push_back(std::move(j));
      after = m.id;
    }
    if (page->size() < static_cast<size_t>(kPage)) break;
  }
  return {{"session_id", s.id},
          {"channel", s.channel.empty() ? "web" : s.channel},
          {"customer_name", s.customer_name},
          {"created_at", s.created_at_ms},
          {"updated_at", s.updated_at_ms},
          {"messages", std::move(messages)}};
}

Response get_investor_export(ApiContext& ctx, const Request& req) {
  const std::string user = req.path_param("id");
  store::Store& st = ctx.service.store();
  auto ids = st.sessions_of_user(user);
  if (!ids.ok()) return error_response(ids.status());
  json sessions = json::array();
  for (const std::string& id : ids.value()) {
    auto s = st.get_session(id);
    if (!s.ok()) {
      if (s.status().code() == StatusCode::kNotFound) continue;  // erased meanwhile
      return error_response(s.status());
    }
    Status status;
    json one = session_export(st, s.value(), &status);
    if (!status.ok()) return error_response(status);
    sessions.push_back(std::move(one));
  }
  json out = {{"user_id", user}, {"sessions", std::move(sessions)}};
  return json_response(out.dump(-1, ' ', false, json::error_handler_t::replace));
}

Response delete_investor(ApiContext& ctx, const Request& req) {
  auto erased = ctx.service.store().erase_user(req.path_param("id"));
  if (!erased.ok()) return error_response(erased.status());
  return json_response(json{{"erased_sessions", erased.value()}}.dump());
}

}  // namespace

void register_privacy_routes(HttpServer& server, ApiContext& ctx) {
  auto add = [&](const char* method, const char* path, Response (*handler)(ApiContext&, const Request&),
                 const char* summary) {
    Handler h = [&ctx, handler](const Request& r) { return handler(ctx, r); };
    server.add_route(Route{method, path, admin_only(ctx, std::move(h)), summary}, false);
  };
  add("GET", "/v1/admin/investors/{id}/export", get_investor_export, "Everything stored about one investor");
  add("DELETE", "/v1/admin/investors/{id}", delete_investor, "Erase one investor's conversations");
}

}  // namespace faqbot::http
