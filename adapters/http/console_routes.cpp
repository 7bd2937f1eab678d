#include "adapters/http/console_routes.h"

#include <set>

#include "adapters/http/api_error.h"
#include "adapters/http/route_helpers.h"
#include "adapters/http/token_check.h"
#include "bot/service/conversation_search.h"

namespace faqbot::http {
namespace {

using service::Typist;

// An agent, or the admin (as "admin"): who may search past conversations.
bool authenticate_agent_or_admin(ApiContext& ctx, const Request& req, std::string* who,
                                 Response* error) {
  const std::string token = bearer_token(req);
  if (std::string admin = token.empty() ? "" : admin_for_token(ctx.settings, token); !admin.empty()) {
    *who = admin;
    return true;
  }
  return authenticate_agent(ctx, req, who, error);
}

// The ticket named by the path, for an authenticated agent.
bool agent_ticket(ApiContext& ctx, const Request& req, std::string* agent, store::Ticket* ticket,
                  Response* error) {
  int64_t id = 0;
  if (!authenticate_agent(ctx, req, agent, error) || !ticket_id_of(req, &id, error)) return false;
  auto t = ctx.service.store().get_ticket(id);
  if (!t.ok()) {
    *error = error_response(t.status());
    return false;
  }
  *ticket = std::move(t).value();
  return true;
}

json note_json(const store::Note& n) {
  return {{"note_id", n.id}, {"ticket_id", n.ticket_id}, {"agent_id", n.agent_id},
          {"text", n.text}, {"created_at", n.created_at_ms}};
}

json ratings_json(ApiContext& ctx) {
  json list = json::array();
  auto per_agent = ctx.ratings.per_agent();
  if (!per_agent.ok()) return list;
  for (const store::AgentRating& r : per_agent.value()) {
    list.push_back({{"agent_id", r.agent_id}, {"count", r.count}, {"average", r.average}});
  }
  return list;
}

// Marks `who` typing in the session and wakes its event streams.
json mark_typing(ApiContext& ctx, const std::string& session_id, Typist who) {
  const bool recorded = ctx.typing.mark(session_id, who, wall_ms());
  if (recorded) ctx.service.bus().poke(session_id);
  return {{"ok", true}, {"recorded", recorded}, {"expires_in_ms", ctx.typing.ttl_ms()}};
}

bool ticket_id_param(const Request& req, const json* body, int64_t* id, Response* error) {
  if (body != nullptr) {
    auto it = body->find("ticket_id");
    if (it != body->end() && it->is_number_integer() && it->get<int64_t>() > 0) {
      *id = it->get<int64_t>();
      return true;
    }
  } else if (parse_id(req.param("ticket_id"), id)) {
    return true;
  }
  *error = error_response(ApiError::kValidation, "ticket_id is required and must be a ticket id");
  return false;
}

}  // namespace

// ---------------------------------------------------------------- agents

Response get_handoffs_summary(ApiContext& ctx, const Request& req) {
  std::string agent;
  Response error;
  if (!authenticate_agent(ctx, req, &agent, &error)) return error;
  store::Store& store = ctx.service.store();
  auto waiting = store.list_tickets(store::TicketStatus::kWaiting, 1000);
  if (!waiting.ok()) return error_response(waiting.status());
  auto active = store.list_tickets(store::TicketStatus::kActive, 1000);
  if (!active.ok()) return error_response(active.status());
  json ids = json::array();
  int64_t high = 0, mine = 0;
  for (const store::Ticket& t : waiting.value()) {
    ids.push_back(t.id);
    high += t.priority == bot::Priority::kHigh;
  }
  for (const store::Ticket& t : active.value()) mine += t.claimed_by == agent;
  json counts = {{"waiting", waiting->size()}, {"waiting_high", high},
                 {"active", active->size()}, {"mine", mine}};
  return json_response(dump({{"agent_id", agent}, {"counts", std::move(counts)},
                             {"waiting_ids", std::move(ids)}, {"ratings", ratings_json(ctx)}}));
}

Response get_handoff_notes(ApiContext& ctx, const Request& req) {
  std::string agent;
  Response error;
  store::Ticket ticket;
  if (!agent_ticket(ctx, req, &agent, &ticket, &error)) return error;
  auto notes = ctx.notes.of(ticket.id);
  if (!notes.ok()) return error_response(notes.status());
  json list = json::array();
  for (const store::Note& n : notes.value()) list.push_back(note_json(n));
  return json_response(dump({{"ticket_id", ticket.id}, {"notes", std::move(list)}}));
}

Response post_handoff_note(ApiContext& ctx, const Request& req) {
  std::string agent;
  Response error;
  store::Ticket ticket;
  json body;
  std::string text;
  if (!agent_ticket(ctx, req, &agent, &ticket, &error) || !parse_object(req, &body, &error) ||
      !optional_string(body, "text", &text, &error)) {
    return error;
  }
  auto note = ctx.notes.add(ticket.id, agent, text);
  if (!note.ok()) return error_response(note.status());
  return json_response(dump(note_json(note.value())), 201);
}

Response get_handoff_typing(ApiContext& ctx, const Request& req) {
  std::string agent;
  Response error;
  store::Ticket ticket;
  if (!agent_ticket(ctx, req, &agent, &ticket, &error)) return error;
  const bool typing = ctx.typing.typing(ticket.session_id, Typist::kInvestor, wall_ms());
  return json_response(dump({{"ticket_id", ticket.id}, {"investor_typing", typing}}));
}

Response post_handoff_typing(ApiContext& ctx, const Request& req) {
  std::string agent;
  Response error;
  store::Ticket ticket;
  if (!agent_ticket(ctx, req, &agent, &ticket, &error)) return error;
  // Only the agent serving the conversation is shown typing to the investor.
  if (ticket.status != store::TicketStatus::kActive || ticket.claimed_by != agent) {
    return error_response(ApiError::kConflict, "only the agent who holds the ticket can type in it");
  }
  return json_response(dump(mark_typing(ctx, ticket.session_id, Typist::kAgent)));
}

Response get_agents(ApiContext& ctx, const Request& req) {
  std::string agent;
  Response error;
  if (!authenticate_agent(ctx, req, &agent, &error)) return error;
  auto active = ctx.service.store().list_tickets(store::TicketStatus::kActive, 1000);
  if (!active.ok()) return error_response(active.status());
  std::set<std::string> ids;
  for (const auto& [token, id] : ctx.settings.agent_tokens) ids.insert(id);
  const int64_t now = wall_ms();
  json list = json::array();
  for (const std::string& id : ids) {
    int64_t holding = 0;
    for (const store::Ticket& t : active.value()) holding += t.claimed_by == id;
    list.push_back({{"agent_id", id},
                    {"online", ctx.presence.online(id, now)},
                    {"active_tickets", holding},
                    {"me", id == agent}});
  }
  return json_response(dump({{"agents", std::move(list)}}));
}

// ---------------------------------------------------------------- search

Response get_conversations(ApiContext& ctx, const Request& req) {
  std::string who;
  Response error;
  if (!authenticate_agent_or_admin(ctx, req, &who, &error)) return error;
  int64_t limit = 50;
  if (const std::string l = req.param("limit"); !l.empty() && !parse_id(l, &limit)) {
    return error_response(ApiError::kValidation, "limit must be a number");
  }
  auto hits = service::search_conversations(ctx.service.store(), req.param("q"), req.param("customer"),
                                            static_cast<int>(std::min<int64_t>(limit, 1000)));
  if (!hits.ok()) return error_response(hits.status());
  json list = json::array();
  for (const store::ConversationHit& h : hits.value()) {
    json j = message_json(h.message);
    j["session_id"] = h.message.session_id;
    j["user_id"] = nullable(h.user_id);
    j["customer_name"] = nullable(h.customer_name);
    j["channel"] = h.channel;
    j["ticket_id"] = h.ticket_id ? json(h.ticket_id) : json(nullptr);
    list.push_back(std::move(j));
  }
  return json_response(dump({{"results", std::move(list)}}));
}

Response get_conversation_messages(ApiContext& ctx, const Request& req) {
  std::string who;
  Response error;
  if (!authenticate_agent_or_admin(ctx, req, &who, &error)) return error;
  auto msgs = ctx.service.messages(req.path_param("id"), 0);
  if (!msgs.ok()) return error_response(msgs.status());
  json list = json::array();
  for (const store::Message& m : msgs.value()) list.push_back(message_json(m));
  return json_response(dump({{"session_id", req.path_param("id")}, {"messages", std::move(list)}}));
}

// ---------------------------------------------------------------- investor

Response get_session_typing(ApiContext& ctx, const Request& req) {
  const std::string session_id = req.path_param("id");
  auto owner = authorize_session(ctx, req, session_id, /*query_allowed=*/false);
  if (!owner.ok()) return error_response(owner.status());
  const bool typing = ctx.typing.typing(session_id, Typist::kAgent, wall_ms());
  return json_response(dump({{"agent_typing", typing}}));
}

Response post_session_typing(ApiContext& ctx, const Request& req) {
  const std::string session_id = req.path_param("id");
  auto owner = authorize_session(ctx, req, session_id, /*query_allowed=*/false);
  if (!owner.ok()) return error_response(owner.status());
  return json_response(dump(mark_typing(ctx, session_id, Typist::kInvestor)));
}

Response get_session_rating(ApiContext& ctx, const Request& req) {
  const std::string session_id = req.path_param("id");
  auto owner = authorize_session(ctx, req, session_id, /*query_allowed=*/false);
  if (!owner.ok()) return error_response(owner.status());
  int64_t ticket_id = 0;
  Response error;
  if (!ticket_id_param(req, nullptr, &ticket_id, &error)) return error;
  auto state = ctx.ratings.state(session_id, ticket_id);
  if (!state.ok()) return error_response(state.status());
  return json_response(dump({{"ticket_id", ticket_id},
                             {"askable", state->askable},
                             {"score", state->score ? json(state->score) : json(nullptr)}}));
}

Response post_session_rating(ApiContext& ctx, const Request& req) {
  const std::string session_id = req.path_param("id");
  auto owner = authorize_session(ctx, req, session_id, /*query_allowed=*/false);
  if (!owner.ok()) return error_response(owner.status());
  json body;
  Response error;
  std::string comment;
  int64_t ticket_id = 0;
  if (!parse_object(req, &body, &error) || !ticket_id_param(req, &body, &ticket_id, &error) ||
      !optional_string(body, "comment", &comment, &error)) {
    return error;
  }
  auto score = body.find("score");
  if (score == body.end() || !score->is_number_integer()) {
    return error_response(ApiError::kValidation, "score is required and must be an integer from 1 to 5");
  }
  const int64_t value = score->get<int64_t>();
  if (value < 1 || value > 5) return error_response(ApiError::kValidation, "score must be 1 to 5");
  Status s = ctx.ratings.rate(session_id, ticket_id, static_cast<int>(value), comment);
  if (!s.ok()) return error_response(s);
  return json_response(dump({{"ok", true}, {"ticket_id", ticket_id}, {"score", value}}), 201);
}

}  // namespace faqbot::http
