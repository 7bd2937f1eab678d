#include "bot/service/service.h"

#include <random>

#include "bot/service/conversation_state.h"
#include "bot/service/service_detail.h"
#include "bot/service/session_credentials.h"
#include "knowledge/utf8.h"

namespace faqbot::service {
using detail::denied;
using detail::invalid;
using detail::mask;
using detail::valid_session_id;


int http_status_of(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 422;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kFailedPrecondition:
    case StatusCode::kAborted: return 409;
    case StatusCode::kUnauthenticated: return 401;
    case StatusCode::kDataLoss:
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

Service::Service(store::Store& store, EngineHolder& engines, ServiceOptions options)
    : store_(store), engines_(engines), options_(std::move(options)) {}

int64_t Service::now() const { return options_.clock ? options_.clock() : store::now_ms(); }

std::string Service::new_session_id() {
  thread_local std::mt19937_64 rng{std::random_device{}() ^
                                   (static_cast<uint64_t>(std::random_device{}()) << 32)};
  static const char* hex = "0123456789abcdef";
  // 11 hex digits of the wall clock in ms, then 128 random bits. The time
  // prefix makes new ids sort by creation, so a new session's rows go to the
  // right-most pages of the session-id indexes (sessions, messages) instead
  // of a random page each: fewer pages written per commit. The random part
  // alone keeps the id unguessable.
  const uint64_t ms = static_cast<uint64_t>(store::now_ms());
  std::string id(kSessionIdTimeDigits + 32, '0');
  for (size_t i = 0; i < kSessionIdTimeDigits; ++i) {
    id[i] = hex[(ms >> (4 * (kSessionIdTimeDigits - 1 - i))) & 15];
  }
  for (size_t half = 0; half < 2; ++half) {
    uint64_t v = rng();
    for (size_t i = 0; i < 16; ++i) id[kSessionIdTimeDigits + half * 16 + i] = hex[(v >> (i * 4)) & 15];
  }
  return id;
}

std::mutex& Service::session_lock(const std::string& session_id) {
  return session_locks_[std::hash<std::string>{}(session_id) % session_locks_.size()];
}

ServiceStats Service::stats() const {
  ServiceStats s;
  for (size_t i = 0; i < s.answers_by_action.size(); ++i) s.answers_by_action[i] = answers_by_action_[i].load();
  for (size_t i = 0; i < s.handoffs_by_reason.size(); ++i) s.handoffs_by_reason[i] = handoffs_by_reason_[i].load();
  s.messages_to_agents = messages_to_agents_.load();
  s.agent_messages = agent_messages_.load();
  {
    std::lock_guard<std::mutex> lock(refused_mu_);
    s.agent_replies_refused = agent_replies_refused_;
  }
  s.feedback = feedback_.load();
  s.storage_errors = storage_errors_.load();
  s.escalations = escalations_.load();
  s.callbacks_scheduled = callbacks_scheduled_.load();
  return s;
}

void Service::set_outbound(const std::string& channel, OutboundFn fn) {
  std::lock_guard<std::mutex> lock(outbound_mu_);
  outbound_[channel] = std::move(fn);
}

void Service::deliver_outbound(const std::string& session_id, const store::Message& message) {
  OutboundFn fn;
  auto session = store_.get_session(session_id);
  if (!session.ok()) return;
  const std::string channel = session->channel.empty() ? "web" : session->channel;
  {
    std::lock_guard<std::mutex> lock(outbound_mu_);
    auto it = outbound_.find(channel);
    if (it == outbound_.end()) return;
    fn = it->second;
  }
  try {
    fn(session.value(), message);
  } catch (...) {
    // A channel's failure must not fail the agent's action; the message is stored.
  }
}

void Service::publish_and_deliver(const store::Session& session, const store::Message& message) {
  bus_.publish(session.id, message.id);
  if (message.role == store::Role::kAgent || message.role == store::Role::kSystem) {
    deliver_outbound(session.id, message);
  }
}

Result<store::Message> Service::append_and_publish(const std::string& session_id,
                                                   const store::NewMessage& message) {
  auto id = store_.append_message(session_id, message);
  if (!id.ok()) {
    if (id.status().code() == StatusCode::kInternal) count_storage_error();
    return id.status();
  }
  store::Message m = detail::as_stored(session_id, id.value(), message, now());
  bus_.publish(session_id, m.id);
  if (m.role == store::Role::kAgent || m.role == store::Role::kSystem) deliver_outbound(session_id, m);
  return m;
}

Result<store::Session> Service::find_session(const std::string& session_id) {
  auto got = store_.get_session(session_id);
  if (!got.ok() && got.status().code() != StatusCode::kNotFound) count_storage_error();
  return got;
}

Result<store::Session> Service::authorize(const std::string& session_id, const std::string& token) {
  if (token.empty() || !valid_session_id(session_id, options_.max_session_id_bytes)) return denied();
  auto session = find_session(session_id);
  if (!session.ok()) {
    if (session.status().code() == StatusCode::kNotFound) return denied();
    return session.status();
  }
  if (!detail::is_web(session->channel) || !session_token_matches(token, session->token_hash)) return denied();
  return session;
}

Result<std::string> Service::im_session_id(const std::string& channel,
                                           const std::string& conversation) {
  std::lock_guard<std::mutex> lock(im_key_mu_);
  if (im_key_.empty()) {
    const std::string candidate = random_hex_secret();
    if (candidate.empty()) return Status(StatusCode::kInternal, "the CSPRNG failed");
    auto key = store_.server_secret("im_session_key", candidate);
    if (!key.ok()) {
      count_storage_error();
      return key.status();
    }
    im_key_ = key.value();
  }
  return service::im_session_id(im_key_, channel, conversation);
}

Result<std::vector<store::Message>> Service::messages(const std::string& session_id,
                                                      int64_t after_id, int limit) {
  if (!valid_session_id(session_id, options_.max_session_id_bytes)) {
    return Status(StatusCode::kNotFound, "no such session");
  }
  if (after_id < 0) return invalid("after must be a message id >= 0");
  return store_.messages_after(session_id, after_id, limit);
}

Status Service::feedback(const std::string& session_id, const std::string& token,
                         int64_t message_id, bool helpful, const std::string& comment) {
  auto session = authorize(session_id, token);
  if (!session.ok()) return session.status();
  if (message_id <= 0) return invalid("message_id must be a positive message id");
  store::Feedback f;
  f.session_id = session_id;
  f.message_id = message_id;
  f.helpful = helpful;
  if (!comment.empty()) {
    if (!utf8::valid(comment)) return invalid("comment is not valid UTF-8");
    std::string clean = utf8::trim(utf8::sanitize(comment));
    if (utf8::length(clean) > options_.max_text_chars) {
      return invalid("comment is too long: at most " + std::to_string(options_.max_text_chars) +
                     " characters");
    }
    f.comment = mask(clean);
  }
  Status s = store_.add_feedback(f);
  if (s.ok()) feedback_.fetch_add(1, std::memory_order_relaxed);
  return s;
}

HandoffInfo Service::info_of(const bot::Engine& engine, const store::Ticket& t) {
  HandoffInfo h;
  h.ticket_id = t.id;
  h.priority = bot::to_string(t.priority);
  h.status = store::to_string(t.status);
  h.state = to_string(state_of(t));
  if (t.status == store::TicketStatus::kWaiting) {
    auto pos = store_.queue_position(t.id);
    if (pos.ok()) h.queue_position = pos.value();
  }
  h.reason = t.reason;
  h.expected_reply_at_ms = t.expected_reply_at_ms;
  if (with_agent(state_of(t))) h.agent = t.claimed_by;
  h.line = state_line(engine, options_.hours, t, h.queue_position);
  return h;
}

Result<std::optional<HandoffInfo>> Service::handoff_of(const std::string& session_id) {
  const auto engine = engines_.current();
  if (!engine) return Status(StatusCode::kInternal, "no knowledge base is loaded");
  auto open = store_.open_ticket_of(session_id);
  if (!open.ok()) return open.status();
  if (open->has_value()) return std::optional<HandoffInfo>(info_of(*engine, *open.value()));
  auto session = store_.get_session(session_id);
  if (!session.ok()) return session.status();
  const int64_t closed = conversation_from_json(session->state).closed_ticket_id;
  if (closed == 0) return std::optional<HandoffInfo>();
  auto ticket = store_.get_ticket(closed);
  if (!ticket.ok() || ticket->session_id != session_id) return std::optional<HandoffInfo>();
  return std::optional<HandoffInfo>(info_of(*engine, ticket.value()));
}

Result<std::vector<store::Unanswered>> Service::unanswered(int limit) {
  return store_.list_unanswered(limit);
}

}  // namespace faqbot::service
