// All routes of the faqbot HTTP API, in one block at the bottom.
#include "adapters/http/routes.h"

#include "adapters/http/admin_routes.h"
#include "adapters/http/kb_routes.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <cstdlib>
#include <iostream>

#include <nlohmann/json.hpp>

#include "adapters/http/api_error.h"
#include "adapters/http/console_routes.h"
#include "adapters/http/openapi.h"
#include "adapters/http/privacy_routes.h"
#include "adapters/http/route_helpers.h"
#include "adapters/http/token_check.h"
#include "bot/pii.h"
#include "knowledge/utf8.h"
#ifdef FAQBOT_HAVE_WEB
#include "adapters/web/assets.h"
#endif

namespace faqbot::http {
namespace {
constexpr auto kReplace = json::error_handler_t::replace;
}  // namespace

// The helpers of route_helpers.h, shared with console_routes.cpp.

std::string dump(const json& j) { return j.dump(-1, ' ', false, kReplace); }

int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Parses a JSON object body; on failure `error` holds the response to send.
bool parse_object(const Request& req, json* out, Response* error) {
  if (!utf8::valid(req.body)) {
    *error = error_response(ApiError::kInvalidUtf8, "the body is not valid UTF-8");
    return false;
  }
  *out = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (out->is_discarded()) {
    *error = error_response(ApiError::kMalformedJson, "the body is not valid JSON");
    return false;
  }
  if (!out->is_object()) {
    *error = error_response(ApiError::kMalformedJson, "the body must be a JSON object");
    return false;
  }
  return true;
}

// Reads an optional string field: absent/null -> "", wrong type -> error.
bool optional_string(const json& body, const char* name, std::string* out, Response* error) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return true;
  if (!it->is_string()) {
    *error = error_response(ApiError::kValidation, std::string(name) + " must be a string");
    return false;
  }
  *out = it->get<std::string>();
  return true;
}

bool parse_id(const std::string& text, int64_t* out) {
  if (text.empty() || text.size() > 18) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  *out = std::strtoll(text.c_str(), nullptr, 10);
  return true;
}

json nullable(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json message_json(const store::Message& m) {
  json j = {{"message_id", m.id},
            {"role", store::to_string(m.role)},
            {"text", m.text},
            {"created_at", m.created_at_ms}};
  if (m.role == store::Role::kBot) {
    j["action"] = m.action;
    j["faq_id"] = nullable(m.faq_id);
    j["confidence"] = m.confidence;
    j["kb_version"] = m.kb_version != 0 ? json(m.kb_version) : json(nullptr);  // null = not from a stored version
  }
  if (!m.agent_id.empty()) j["agent_id"] = m.agent_id;
  return j;
}

json handoff_json(const service::HandoffInfo& h) {
  return {{"ticket_id", h.ticket_id},
          {"priority", h.priority},
          {"status", h.status},
          {"state", h.state},
          {"queue_position", h.queue_position},
          {"reason", h.reason},
          {"reason_label", bot::reason_label(h.reason)},
          {"expected_reply_at", h.expected_reply_at_ms ? json(h.expected_reply_at_ms) : json(nullptr)},
          {"agent", nullable(h.agent)},
          {"line", h.line}};
}

json ticket_json(const service::TicketView& v) {
  const store::Ticket& t = v.ticket;
  return {{"ticket_id", t.id},
          {"session_id", t.session_id},
          {"status", store::to_string(t.status)},
          {"priority", bot::to_string(t.priority)},
          {"reason", t.reason},
          {"reason_label", bot::reason_label(t.reason)},
          {"created_at", t.created_at_ms},
          {"claimed_by", nullable(t.claimed_by)},
          {"claimed_at", t.claimed_at_ms ? json(t.claimed_at_ms) : json(nullptr)},
          {"closed_at", t.closed_at_ms ? json(t.closed_at_ms) : json(nullptr)},
          {"resolution", nullable(t.resolution)},
          {"expected_reply_at", t.expected_reply_at_ms ? json(t.expected_reply_at_ms) : json(nullptr)},
          {"queue_position", v.queue_position},
          {"channel", v.session.channel.empty() ? "web" : v.session.channel},
          {"last_message", v.last_investor_text},
          {"question", v.question},
          {"kind", v.kind.empty() ? "chat" : v.kind},
          {"state", service::to_string(service::state_of(t))},
          {"callback_phone", nullable(t.callback_phone)},
          {"transferred_from", nullable(t.transferred_from)}};
}

// A ticket an agent has just acted on, as that agent may see it (the
// callback number in clear only while the agent owns the ticket).
json acted_ticket_json(store::Ticket t, const std::string& agent) {
  service::TicketView v;
  v.kind = t.callback_phone.empty() ? "chat" : "callback";
  if (t.claimed_by != agent) t.callback_phone = bot::mask_pii(t.callback_phone).masked;
  v.ticket = std::move(t);
  return ticket_json(v);
}

std::string bearer_token(const Request& req) {
  const std::string h = req.header("Authorization");
  const std::string prefix = "Bearer ";
  if (h.size() <= prefix.size() || h.compare(0, prefix.size(), prefix) != 0) return {};
  return h.substr(prefix.size());
}

// 429 while `req`'s address has used up its failed token checks.
bool auth_throttled(ApiContext& ctx, const Request& req, Response* error) {
  if (!ctx.auth_failures.exhausted(req.remote_addr, wall_ms())) return false;
  *error = error_response(ApiError::kRateLimited, "too many failed authentications from this address, try again later");
  error->headers.emplace_back("Retry-After", std::to_string(ctx.auth_failures.retry_after_s()));
  return true;
}

// Counts a wrong token against the address and logs it (never the token).
void auth_failed(ApiContext& ctx, const Request& req, const char* role, Response* error) {
  ctx.auth_failures.allow(req.remote_addr, wall_ms());
  std::cerr << "faqbot serve: failed " << role << " authentication from " << req.remote_addr << " ("
            << req.method << " " << req.path << ")\n";
  *error = error_response(ApiError::kUnauthorized, "unknown token");
}

// The agent id for a valid agent token; otherwise `error` is 401/403/429.
// Tokens are compared in constant time.
bool authenticate_agent(ApiContext& ctx, const Request& req, std::string* agent, Response* error) {
  if (auth_throttled(ctx, req, error)) return false;
  const std::string token = bearer_token(req);
  if (token.empty()) {
    *error = error_response(ApiError::kUnauthorized, "an agent token is required (Authorization: Bearer …)");
    return false;
  }
  *agent = agent_for_token(ctx.settings.agent_tokens, token);
  if (!agent->empty()) {
    ctx.presence.seen(*agent, wall_ms());
    return true;
  }
  if (!admin_for_token(ctx.settings, token).empty()) {
    *error = error_response(ApiError::kForbidden, "the admin token cannot act as an agent");
    return false;
  }
  auth_failed(ctx, req, "agent", error);
  return false;
}

std::string admin_for_token(const Settings& settings, const std::string& token) {
  std::string name = agent_for_token(settings.admin_tokens, token);  // same comparison for admins
  if (name.empty() && !settings.admin_token.empty() && constant_time_equals(settings.admin_token, token)) {
    name = "admin";
  }
  return name;
}

bool authenticate_admin(ApiContext& ctx, const Request& req, Response* error, std::string* name) {
  if (auth_throttled(ctx, req, error)) return false;
  const std::string token = bearer_token(req);
  if (token.empty()) {
    *error = error_response(ApiError::kUnauthorized, "the admin token is required (Authorization: Bearer …)");
    return false;
  }
  if (std::string admin = admin_for_token(ctx.settings, token); !admin.empty()) {
    if (name != nullptr) *name = std::move(admin);
    return true;
  }
  if (!agent_for_token(ctx.settings.agent_tokens, token).empty()) {
    *error = error_response(ApiError::kForbidden, "agent tokens cannot use the admin API");
    return false;
  }
  auth_failed(ctx, req, "admin", error);
  return false;
}

// The investor's own session: its credential from "Authorization: Bearer",
// or (only where `query_allowed`: EventSource cannot set headers) from the
// session_token query parameter. Any failure is the same 401.
Result<store::Session> authorize_session(ApiContext& ctx, const Request& req,
                                         const std::string& session_id, bool query_allowed) {
  std::string token = bearer_token(req);
  if (token.empty() && query_allowed) token = req.param("session_token");
  return ctx.service.authorize(session_id, token);
}

bool ticket_id_of(const Request& req, int64_t* id, Response* error) {
  if (parse_id(req.path_param("id"), id)) return true;
  *error = error_response(ApiError::kNotFound, "no such handoff ticket");
  return false;
}

Response get_asset(const std::string& path) {
#ifdef FAQBOT_HAVE_WEB
  if (const web::Asset* asset = web::find_asset(path)) {
    Response r;
    r.content_type = std::string(asset->content_type);
    r.body = std::string(asset->body);
    r.headers.emplace_back("Cache-Control", "no-cache");
    return r;
  }
#endif
  return error_response(ApiError::kNotFound, "the web asset " + path + " is not built into this server");
}

namespace {

// ---------------------------------------------------------------- investor

Response post_chat(ApiContext& ctx, const Request& req) {
  json body;
  Response error;
  if (!parse_object(req, &body, &error)) return error;
  service::ChatRequest chat;
  auto text = body.find("text");
  if (text == body.end() || !text->is_string()) {
    return error_response(ApiError::kValidation, "text is required and must be a string");
  }
  chat.text = text->get<std::string>();
  if (!optional_string(body, "session_id", &chat.session_id, &error) ||
      !optional_string(body, "user_id", &chat.user_id, &error) ||
      !optional_string(body, "faq_id", &chat.entry_id, &error)) {
    return error;
  }
  if (chat.entry_id.size() > 256) return error_response(ApiError::kValidation, "faq_id is too long");
  if (auto greeted = body.find("greeted"); greeted != body.end() && !greeted->is_null()) {
    if (!greeted->is_boolean()) return error_response(ApiError::kValidation, "greeted must be a boolean");
    chat.client_greeted = greeted->get<bool>();
  }
  // The channel comes from the route: this is the web API. A "channel" in
  // the body is ignored (IM channels set theirs in their webhook pipeline).
  chat.channel = "web";
  if (chat.user_id.size() > 256) return error_response(ApiError::kValidation, "user_id is too long");
  if (!chat.session_id.empty()) {
    // Checked before the session's rate limit, so that nobody without the
    // credential can spend a session's budget.
    chat.session_token = bearer_token(req);
    auto owner = ctx.service.authorize(chat.session_id, chat.session_token);
    if (!owner.ok()) return error_response(owner.status());
  }
  if (!chat.session_id.empty() && !ctx.session_limiter.allow(chat.session_id, wall_ms())) {
    Response r = error_response(ApiError::kRateLimited, "too many messages in this session, please slow down");
    r.headers.emplace_back("Retry-After", std::to_string(ctx.session_limiter.retry_after_s()));
    return r;
  }
  auto reply = ctx.service.chat(chat);
  if (!reply.ok()) return error_response(reply.status());
  ctx.typing.clear(reply->session_id, service::Typist::kInvestor);
  const service::ChatReply& r = reply.value();
  json suggestions = json::array();
  for (const bot::Suggestion& s : r.suggestions) {
    suggestions.push_back({{"faq_id", s.faq_id}, {"question", s.question}});
  }
  json out = {{"session_id", r.session_id},
              {"question", r.question},
              {"message_id", r.message_id},
              {"action", r.action},
              {"faq_id", nullable(r.faq_id)},
              {"confidence", r.confidence},
              {"text", r.text},
              {"suggestions", std::move(suggestions)},
              {"offer_human", r.offer_human},
              {"routed_to_agent", r.routed_to_agent},
              {"handoff", r.handoff ? handoff_json(*r.handoff) : json(nullptr)}};
  if (!r.session_token.empty()) out["session_token"] = r.session_token;
  return json_response(dump(out));
}

Response get_session_messages(ApiContext& ctx, const Request& req) {
  int64_t after = 0;
  if (const std::string a = req.param("after"); !a.empty() && !parse_id(a, &after)) {
    return error_response(ApiError::kValidation, "after must be a message id");
  }
  auto owner = authorize_session(ctx, req, req.path_param("id"), /*query_allowed=*/false);
  if (!owner.ok()) return error_response(owner.status());
  auto msgs = ctx.service.messages(req.path_param("id"), after);
  if (!msgs.ok()) return error_response(msgs.status());
  auto handoff = ctx.service.handoff_of(req.path_param("id"));
  if (!handoff.ok()) return error_response(handoff.status());
  json list = json::array();
  for (const store::Message& m : msgs.value()) list.push_back(message_json(m));
  return json_response(dump({{"session_id", req.path_param("id")},
                             {"messages", std::move(list)},
                             {"handoff", handoff->has_value() ? handoff_json(handoff.value().value()) : json(nullptr)}}));
}

// How often an event stream re-reads a shared store (PostgreSQL) when no
// notice woke it: the fallback for a lost LISTEN connection.
constexpr std::chrono::milliseconds kReplicaPoll{2000};

Response get_session_events(ApiContext& ctx, const Request& req) {
  int64_t after = 0;
  std::string a = req.param("after");
  if (a.empty()) a = req.header("Last-Event-ID");
  if (!a.empty() && !parse_id(a, &after)) {
    return error_response(ApiError::kValidation, "after must be a message id");
  }
  const std::string session_id = req.path_param("id");
  auto owner = authorize_session(ctx, req, session_id, /*query_allowed=*/true);
  if (!owner.ok()) return error_response(owner.status());
  auto first = ctx.service.messages(session_id, after, 1);
  if (!first.ok()) return error_response(first.status());
  const int max_streams = std::max(1, ctx.settings.threads / 2);
  if (ctx.event_streams.fetch_add(1) >= max_streams) {
    ctx.event_streams.fetch_sub(1);
    Response busy = error_response(ApiError::kUnavailable,
                                   "too many open event streams; poll /v1/sessions/{id}/messages instead");
    busy.headers.emplace_back("Retry-After", "5");
    return busy;
  }
  Response r;
  r.content_type = "text/event-stream";
  r.headers.emplace_back("Cache-Control", "no-cache");
  r.headers.emplace_back("X-Accel-Buffering", "no");
  service::Service* service = &ctx.service;
  const auto heartbeat = std::chrono::seconds(ctx.settings.sse_heartbeat_s);
  // Released when the stream callback is destroyed, whether or not it ran.
  std::shared_ptr<void> slot(nullptr, [streams = &ctx.event_streams](void*) { streams->fetch_sub(1); });
  // Another replica's message wakes the bus through the ReplicaRelay; in
  // case a notice is lost, a shared store is also re-read every poll step.
  const bool shared_store = std::string(service->store().backend()) != "sqlite";
  const auto step = shared_store ? std::min<std::chrono::milliseconds>(heartbeat, kReplicaPoll)
                                 : std::chrono::milliseconds(heartbeat);
  service::TypingBoard* typing = &ctx.typing;
  r.stream = [service, typing, session_id, after, heartbeat, step, slot](const StreamWriter& write) mutable {
    if (!write("retry: 2000\n\n")) return;
    int64_t agent_mark = 0;  // the agent's typing mark last told (0 = not typing)
    auto quiet_since = std::chrono::steady_clock::now();
    while (!service->bus().stopped()) {
      auto msgs = service->messages(session_id, after, 100);
      if (!msgs.ok()) return;
      for (const store::Message& m : msgs.value()) {
        after = m.id;
        if (!write("id: " + std::to_string(m.id) + "\nevent: message\ndata: " + dump(message_json(m)) + "\n\n")) {
          return;
        }
      }
      // "typing" on every new mark of the agent (at most one a second) and
      // once when it ends; the widget lets an indicator lapse after ttl.
      const int64_t mark = typing->marked_at(session_id, service::Typist::kAgent, wall_ms());
      if (mark != agent_mark) {
        agent_mark = mark;
        const json event = {{"agent_typing", mark != 0}, {"expires_in_ms", typing->ttl_ms()}};
        if (!write("event: typing\ndata: " + dump(event) + "\n\n")) return;
      }
      if (!msgs->empty()) {
        quiet_since = std::chrono::steady_clock::now();
        continue;
      }
      // While the agent types, wake when the mark lapses (to say so).
      std::chrono::milliseconds wait = step;
      if (agent_mark != 0) {
        const int64_t lapse_in = std::max<int64_t>(10, agent_mark + typing->ttl_ms() - wall_ms() + 10);
        wait = std::min(wait, std::chrono::milliseconds(lapse_in));
      }
      if (!service->bus().wait(session_id, after, wait)) {
        if (service->bus().stopped()) return;
        if (std::chrono::steady_clock::now() - quiet_since >= heartbeat) {
          if (!write(": ping\n\n")) return;
          quiet_since = std::chrono::steady_clock::now();
        }
      }
    }
  };
  return r;
}

Response post_feedback(ApiContext& ctx, const Request& req) {
  json body;
  Response error;
  if (!parse_object(req, &body, &error)) return error;
  auto id = body.find("message_id");
  auto helpful = body.find("helpful");
  if (id == body.end() || !id->is_number_integer()) {
    return error_response(ApiError::kValidation, "message_id is required and must be an integer");
  }
  if (helpful == body.end() || !helpful->is_boolean()) {
    return error_response(ApiError::kValidation, "helpful is required and must be true or false");
  }
  std::string comment, session_id;
  if (!optional_string(body, "comment", &comment, &error) ||
      !optional_string(body, "session_id", &session_id, &error)) {
    return error;
  }
  Status s = ctx.service.feedback(session_id, bearer_token(req), id->get<int64_t>(),
                                  helpful->get<bool>(), comment);
  if (!s.ok()) return error_response(s);
  return json_response(dump({{"ok", true}}));
}

// ---------------------------------------------------------------- agents

Response get_handoffs(ApiContext& ctx, const Request& req) {
  std::string agent;
  Response error;
  if (!authenticate_agent(ctx, req, &agent, &error)) return error;
  std::string status_text = req.param("status");
  if (status_text.empty()) status_text = "waiting";
  auto status = store::parse_ticket_status(status_text);
  if (!status.ok()) return error_response(ApiError::kValidation, "status must be waiting, active or closed");
  auto tickets = ctx.service.list_tickets(status.value(), 200, agent);
  if (!tickets.ok()) return error_response(tickets.status());
  json list = json::array();
  for (const service::TicketView& v : tickets.value()) list.push_back(ticket_json(v));
  return json_response(dump({{"handoffs", std::move(list)}}));
}

Response get_handoff(ApiContext& ctx, const Request& req) {
  std::string agent;
  Response error;
  int64_t id = 0;
  if (!authenticate_agent(ctx, req, &agent, &error) || !ticket_id_of(req, &id, &error)) return error;
  auto detail = ctx.service.ticket_detail(id, agent);
  if (!detail.ok()) return error_response(detail.status());
  const service::TicketDetail& d = detail.value();
  json out = ticket_json(d.view);
  json transcript = json::array();
  for (const store::Message& m : d.transcript) transcript.push_back(message_json(m));
  // Agent-assist reads the whole ticket (agent_assist.h).
  const service::Assist assist = ctx.assist.assist(d.transcript);
  json suggestions = json::array();
  for (const service::AssistEntry& s : assist.entries) {
    suggestions.push_back({{"faq_id", s.faq_id}, {"question", s.question}, {"answer", s.answer}, {"score", s.score}});
  }
  json quick = json::array(), offered = json::array();
  for (const service::AssistQuickReply& q : assist.quick_replies) {
    quick.push_back({{"text", q.text}, {"score", q.score}, {"suggested", q.suggested}, {"refused", q.refused}});
    if (q.refused.empty()) offered.push_back(q.text);
  }
  const store::Session& session = d.view.session;
  int investor_messages = 0;
  for (const store::Message& m : d.transcript) investor_messages += m.role == store::Role::kInvestor;
  out["transcript"] = std::move(transcript);
  out["suggestions"] = std::move(suggestions);
  out["quick_replies"] = std::move(offered);  // sendable ones, best first
  out["assist"] = {{"questions", assist.questions}, {"quick_replies", std::move(quick)}};
  out["profile"] = {{"user_id", nullable(session.user_id)},
                    {"customer_name", nullable(session.customer_name)},
                    {"channel", session.channel.empty() ? "web" : session.channel},
                    {"first_seen_at", session.created_at_ms},
                    {"last_seen_at", session.updated_at_ms},
                    {"investor_messages", investor_messages}};
  return json_response(dump(out));
}

Response post_handoff_claim(ApiContext& ctx, const Request& req) {
  std::string agent;
  Response error;
  int64_t id = 0;
  if (!authenticate_agent(ctx, req, &agent, &error) || !ticket_id_of(req, &id, &error)) return error;
  auto t = ctx.service.claim(id, agent);
  if (!t.ok()) return error_response(t.status());
  return json_response(dump(acted_ticket_json(t.value(), agent)));
}

// {"to_agent": "bob"}: hands the caller's ticket to another known agent.
Response post_handoff_transfer(ApiContext& ctx, const Request& req) {
  std::string agent;
  Response error;
  int64_t id = 0;
  if (!authenticate_agent(ctx, req, &agent, &error) || !ticket_id_of(req, &id, &error)) return error;
  json body;
  std::string to_agent;
  if (!parse_object(req, &body, &error) || !optional_string(body, "to_agent", &to_agent, &error)) return error;
  bool known = false;
  for (const auto& [token, name] : ctx.settings.agent_tokens) known = known || name == to_agent;
  if (to_agent.empty() || !known) {
    return error_response(ApiError::kValidation, "to_agent must name another agent");
  }
  auto t = ctx.service.transfer(id, agent, to_agent);
  if (!t.ok()) return error_response(t.status());
  return json_response(dump(acted_ticket_json(t.value(), agent)));
}

// Open tickets with a callback scheduled, earliest promised time first.
Response get_callbacks(ApiContext& ctx, const Request& req) {
  std::string agent;
  Response error;
  if (!authenticate_agent(ctx, req, &agent, &error)) return error;
  auto views = ctx.service.callbacks(agent);
  if (!views.ok()) return error_response(views.status());
  json list = json::array();
  for (const service::TicketView& v : views.value()) list.push_back(ticket_json(v));
  return json_response(dump({{"callbacks", std::move(list)}}));
}

Response post_handoff_message(ApiContext& ctx, const Request& req) {
  std::string agent;
  Response error;
  int64_t id = 0;
  if (!authenticate_agent(ctx, req, &agent, &error) || !ticket_id_of(req, &id, &error)) return error;
  json body;
  if (!parse_object(req, &body, &error)) return error;
  auto text = body.find("text");
  if (text == body.end() || !text->is_string()) {
    return error_response(ApiError::kValidation, "text is required and must be a string");
  }
  std::vector<std::string> refused;
  auto m = ctx.service.agent_reply(id, agent, text->get<std::string>(), &refused);
  if (!m.ok() && !refused.empty()) return error_response(ApiError::kCompliance, m.status().message());
  if (!m.ok()) return error_response(m.status());
  ctx.typing.clear(m->session_id, service::Typist::kAgent);  // the stream tells the investor
  return json_response(dump(message_json(m.value())));
}

Response post_handoff_close(ApiContext& ctx, const Request& req) {
  std::string agent;
  Response error;
  int64_t id = 0;
  if (!authenticate_agent(ctx, req, &agent, &error) || !ticket_id_of(req, &id, &error)) return error;
  std::string resolution;
  if (!req.body.empty()) {
    json body;
    if (!parse_object(req, &body, &error) || !optional_string(body, "resolution", &resolution, &error)) {
      return error;
    }
  }
  auto t = ctx.service.close(id, agent, resolution);
  if (!t.ok()) return error_response(t.status());
  return json_response(dump(acted_ticket_json(t.value(), agent)));
}

// ---------------------------------------------------------------- admin

// The config directory as on disk, released as a new knowledge-base version
// that every replica then serves.
Response post_admin_reload_version(ApiContext& ctx, const std::string& admin) {
  ops::KbOutcome out = ctx.releases->reload_from_disk(admin);
  if (!out.ok()) {
    if (out.refusal != ops::KbRefusal::kInvalid) return kb_refusal_response(out);
    json body = {{"error", {{"code", "validation_failed"}, {"message", out.message}, {"details", out.details}}},
                 {"serving", ctx.service.engines().current() ? ctx.service.engines().current()->kb().content_hash : ""}};
    return json_response(dump(body), 422);
  }
  return json_response(dump({{"ok", true},
                             {"content_hash", out.version.content_hash},
                             {"version", out.version.id},
                             {"warnings", out.details}}));
}

Response post_admin_reload(ApiContext& ctx, const Request& req) {
  Response error;
  std::string admin;
  if (!authenticate_admin(ctx, req, &error, &admin)) return error;
  if (ctx.releases != nullptr) return post_admin_reload_version(ctx, admin);
  service::EngineHolder::ReloadResult r = ctx.service.engines().reload();
  json warnings = json::array();
  for (const auto& d : r.warnings) warnings.push_back(knowledge::format(d));
  if (!r.ok) {
    json errors = json::array();
    std::string message = "the knowledge base did not load; the previous one keeps serving: " + r.message;
    for (const auto& d : r.errors) errors.push_back(knowledge::format(d));
    json out = {{"error", {{"code", "validation_failed"}, {"message", message}, {"details", errors}}},
                {"serving", r.content_hash}};
    return json_response(dump(out), 422);
  }
  return json_response(dump({{"ok", true}, {"content_hash", r.content_hash}, {"warnings", warnings}}));
}

Response get_admin_unanswered(ApiContext& ctx, const Request& req) {
  Response error;
  if (!authenticate_admin(ctx, req, &error)) return error;
  auto list = ctx.service.unanswered(200);
  if (!list.ok()) return error_response(list.status());
  json out = json::array();
  for (const store::Unanswered& u : list.value()) {
    out.push_back({{"id", u.id}, {"session_id", u.session_id}, {"text", u.text}, {"created_at", u.created_at_ms}});
  }
  return json_response(dump({{"unanswered", std::move(out)}}));
}

// ---------------------------------------------------------------- operations

Response get_healthz(ApiContext&, const Request&) {
  return json_response("{\"status\":\"ok\"}");
}

Response get_readyz(ApiContext& ctx, const Request&) {
  auto engine = ctx.service.engines().current();
  if (!engine) return error_response(ApiError::kUnavailable, "no knowledge base is loaded");
  // Ready means able to take a chat, which writes: a read-only, full or
  // unreachable store is not ready. The database's own text goes to the log.
  if (Status writable = ctx.service.store().check_writable(); !writable.ok()) {
    std::cerr << "faqbot serve: not ready: the store cannot write: " << writable.message() << "\n";
    return error_response(ApiError::kUnavailable, "the store cannot write");
  }
  return json_response(dump({{"status", "ready"},
                             {"store", ctx.service.store().backend()},
                             {"kb_entries", engine->kb().entries.size()},
                             {"kb_hash", engine->kb().content_hash}}));
}

Response get_metrics(ApiContext& ctx, const Request& req) {
  Response error;
  if (!authenticate_admin(ctx, req, &error)) return error;
  Response r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.body = ctx.metrics.render(&ctx.service);
  return r;
}

Response get_openapi(ApiContext& ctx, const Request&) {
  return json_response(openapi_json(ctx.server ? ctx.server->routes() : std::vector<MountedRoute>{}));
}

Response get_index(ApiContext&, const Request&) { return get_asset("/"); }
Response get_widget_js(ApiContext&, const Request&) { return get_asset("/widget.js"); }
Response get_agent_console(ApiContext&, const Request&) { return get_asset("/agent"); }
Response get_agent_js(ApiContext&, const Request&) { return get_asset("/agent.js"); }
Response get_agent_alerts_js(ApiContext&, const Request&) { return get_asset("/agent_alerts.js"); }
Response get_agent_panels_js(ApiContext&, const Request&) { return get_asset("/agent_panels.js"); }
Response get_agent_css(ApiContext&, const Request&) { return get_asset("/agent.css"); }
Response get_demo_css(ApiContext&, const Request&) { return get_asset("/demo.css"); }

}  // namespace

Handler admin_only(ApiContext& ctx, Handler handler) {
  return [&ctx, handler = std::move(handler)](const Request& req) {
    Response error;
    if (!authenticate_admin(ctx, req, &error)) return error;
    return handler(req);
  };
}

void register_api_routes(HttpServer& server, ApiContext& ctx) {
  ctx.server = &server;
  auto add = [&](const char* method, const char* path, Response (*handler)(ApiContext&, const Request&),
                 const char* summary, bool client_limited) {
    server.add_route(Route{method, path, [&ctx, handler](const Request& r) { return handler(ctx, r); }, summary},
                     client_limited);
  };
  // investor API (rate-limited per client address)
  add("POST", "/v1/chat", post_chat, "Send an investor message", true);
  add("GET", "/v1/sessions/{id}/messages", get_session_messages, "Transcript since a message", true);
  add("GET", "/v1/sessions/{id}/events", get_session_events, "Transcript as Server-Sent Events", true);
  add("POST", "/v1/feedback", post_feedback, "Was an answer helpful", true);
  add("GET", "/v1/sessions/{id}/typing", get_session_typing, "Is the agent typing", true);
  add("POST", "/v1/sessions/{id}/typing", post_session_typing, "The investor is typing", true);
  add("GET", "/v1/sessions/{id}/rating", get_session_rating, "Can this ticket be rated", true);
  add("POST", "/v1/sessions/{id}/rating", post_session_rating, "Rate the human service (1-5)", true);
  // agent API
  add("GET", "/v1/handoffs", get_handoffs, "Handoff queue", false);
  add("GET", "/v1/handoffs/summary", get_handoffs_summary, "Live counts, waiting ids, ratings per agent", false);
  add("GET", "/v1/handoffs/{id}", get_handoff, "One handoff with transcript", false);
  add("POST", "/v1/handoffs/{id}/claim", post_handoff_claim, "Claim a waiting handoff", false);
  add("POST", "/v1/handoffs/{id}/messages", post_handoff_message, "Reply to the investor", false);
  add("POST", "/v1/handoffs/{id}/close", post_handoff_close, "Close and return to the bot", false);
  add("POST", "/v1/handoffs/{id}/transfer", post_handoff_transfer, "Hand a claimed ticket to another agent", false);
  add("GET", "/v1/callbacks", get_callbacks, "Callbacks promised, earliest first", false);
  add("GET", "/v1/handoffs/{id}/notes", get_handoff_notes, "Internal notes of the conversation", false);
  add("POST", "/v1/handoffs/{id}/notes", post_handoff_note, "Add an internal note", false);
  add("GET", "/v1/handoffs/{id}/typing", get_handoff_typing, "Is the investor typing", false);
  add("POST", "/v1/handoffs/{id}/typing", post_handoff_typing, "The agent is typing", false);
  add("GET", "/v1/agents", get_agents, "Agents, online and their open tickets", false);
  add("GET", "/v1/conversations", get_conversations, "Search past conversations (agent or admin)", false);
  add("GET", "/v1/conversations/{id}/messages", get_conversation_messages, "A past conversation (agent or admin)", false);
  // admin API
  add("POST", "/v1/admin/reload", post_admin_reload, "Reload the knowledge base", false);
  add("GET", "/v1/admin/unanswered", get_admin_unanswered, "Questions the bot could not answer", false);
  register_privacy_routes(server, ctx);
  // operations
  add("GET", "/healthz", get_healthz, "Liveness", false);
  add("GET", "/readyz", get_readyz, "Readiness", false);
  add("GET", "/metrics", get_metrics, "Prometheus metrics", false);
  add("GET", "/openapi.json", get_openapi, "This document", false);
  // web pages
  add("GET", "/", get_index, "Demo page with the widget", false);
  add("GET", "/widget.js", get_widget_js, "Embeddable widget", false);
  add("GET", "/agent", get_agent_console, "Agent console", false);
  add("GET", "/agent.js", get_agent_js, "Agent console script", false);
  add("GET", "/agent_alerts.js", get_agent_alerts_js, "Agent console: new-ticket alerts", false);
  add("GET", "/agent_panels.js", get_agent_panels_js, "Agent console: notes, transfer, search, ratings", false);
  add("GET", "/agent.css", get_agent_css, "Agent console styles", false);
  add("GET", "/demo.css", get_demo_css, "Demo page styles", false);
  register_admin_routes(server, ctx);  // /admin and /v1/admin/insights
  register_kb_routes(server, ctx);     // /v1/admin/kb/*, /v1/admin/audit, /v1/admin/whoami
}

bool is_metrics_route(const Route& route) {
  static const std::string suffix = "/metrics";
  return route.method == "GET" && route.path.size() >= suffix.size() &&
         route.path.compare(route.path.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace faqbot::http
