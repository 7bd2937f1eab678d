#include "bot/service/service.h"

#include <random>
#include <unordered_set>

#include "bot/guard.h"
#include "bot/pii.h"
#include "bot/service/conversation_state.h"
#include "bot/service/session_credentials.h"
#include "knowledge/utf8.h"

namespace faqbot::service {
namespace {

Status invalid(const std::string& message) { return Status(StatusCode::kInvalidArgument, message); }

// The one answer to every failed credential check, whatever the reason.
Status denied() {
  return Status(StatusCode::kUnauthenticated,
                "this session needs its session token (Authorization: Bearer <session_token>)");
}

bool is_web(const std::string& channel) { return channel.empty() || channel == "web"; }

bool valid_session_id(const std::string& id, size_t max_bytes) {
  if (id.empty() || id.size() > max_bytes) return false;
  for (unsigned char c : id) {
    if (!(std::isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':')) return false;
  }
  return true;
}

// Validates and masks a text typed by a person. Returns the masked text.
Result<std::string> clean_text(const std::string& raw, size_t max_chars, const char* what) {
  if (!utf8::valid(raw)) return invalid(std::string(what) + " is not valid UTF-8");
  std::string text = utf8::trim(utf8::sanitize(raw));
  if (text.empty()) return invalid(std::string(what) + " is empty");
  const size_t chars = utf8::length(text);
  if (chars > max_chars) {
    return invalid(std::string(what) + " is too long: " + std::to_string(chars) +
                   " characters, at most " + std::to_string(max_chars));
  }
  return text;
}

std::string mask(const std::string& clean) { return bot::mask_pii(clean).masked; }

HandoffInfo info_of(const store::Ticket& t, int64_t queue_position) {
  HandoffInfo h;
  h.ticket_id = t.id;
  h.priority = bot::to_string(t.priority);
  h.status = store::to_string(t.status);
  h.queue_position = t.status == store::TicketStatus::kWaiting ? queue_position : 0;
  h.reason = t.reason;
  h.expected_reply_at_ms = t.expected_reply_at_ms;
  return h;
}

}  // namespace

int http_status_of(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 422;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kFailedPrecondition: return 409;
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

Result<store::Message> Service::append_and_publish(const std::string& session_id,
                                                   const store::NewMessage& message) {
  auto id = store_.append_message(session_id, message);
  if (!id.ok()) {
    if (id.status().code() == StatusCode::kInternal) count_storage_error();
    return id.status();
  }
  store::Message m;
  m.id = id.value();
  m.session_id = session_id;
  m.role = message.role;
  m.text = message.text;
  m.action = message.action;
  m.faq_id = message.faq_id;
  m.confidence = message.confidence;
  m.agent_id = message.agent_id;
  m.created_at_ms = message.created_at_ms ? message.created_at_ms : now();
  bus_.publish(session_id, m.id);
  if (m.role == store::Role::kAgent || m.role == store::Role::kSystem) deliver_outbound(session_id, m);
  return m;
}

std::string Service::handoff_text(const bot::Engine& engine, const store::Ticket& ticket,
                                  int64_t queue_position) const {
  std::string text;
  if (ticket.expected_reply_at_ms > 0) {
    text = "人工客服的服务时间为每天" + options_.hours.describe() +
           "，目前暂时无法为您接通，您的问题已为您登记。预计在" +
           options_.hours.format_local_datetime(ticket.expected_reply_at_ms) +
           "前后由客服与您联系，请您留意消息，给您带来不便非常抱歉。";
  } else if (queue_position > 1) {
    text = "目前您前面大约还有" + std::to_string(queue_position - 1) +
           "位客户在等待，客服会尽快为您接入，请您稍候。";
  } else {
    text = "客服会尽快为您接入，请您稍候。";
  }
  return engine.guard(text);
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
  if (!is_web(session->channel) || !session_token_matches(token, session->token_hash)) return denied();
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

Result<ChatReply> Service::chat(const ChatRequest& request) {
  auto cleaned = clean_text(request.text, options_.max_text_chars, "text");
  if (!cleaned.ok()) return cleaned.status();
  const bool web = is_web(request.channel);
  std::string session_id = request.session_id;
  std::string new_token;  // set when this request creates a web session
  if (session_id.empty()) {
    if (!web) return invalid("an IM message needs its session id (Service::im_session_id)");
    session_id = new_session_id();
    new_token = new_session_token();
    if (new_token.empty()) return Status(StatusCode::kInternal, "the CSPRNG failed");
  } else if (!valid_session_id(session_id, options_.max_session_id_bytes)) {
    if (web) return denied();
    return invalid("session_id must be 1-" + std::to_string(options_.max_session_id_bytes) +
                   " characters of A-Z a-z 0-9 _ . : -");
  }
  std::shared_ptr<const bot::Engine> engine = engines_.current();
  if (!engine) return Status(StatusCode::kInternal, "no knowledge base is loaded");

  std::lock_guard<std::mutex> lock(session_lock(session_id));
  store::Session session;
  bool known = false;
  if (web && new_token.empty()) {
    auto got = authorize(session_id, request.session_token);
    if (!got.ok()) return got.status();
    session = std::move(got).value();
    known = true;
  } else if (!web) {
    auto got = find_session(session_id);
    if (got.ok()) {
      // An IM pipeline only ever reaches sessions of its own channel.
      if (got->channel != request.channel) return denied();
      session = std::move(got).value();
      known = true;
    } else if (got.status().code() != StatusCode::kNotFound) {
      return got.status();
    }
  }
  if (!known) {
    session.id = session_id;
    session.channel = web ? "web" : request.channel;
    if (web) session.token_hash = session_token_hash(new_token);
  }
  if (!request.user_id.empty()) session.user_id = request.user_id;
  if (!request.channel_ref.empty()) session.channel_ref = request.channel_ref;
  // Masked here already: the engine puts the name into its reply text.
  if (!request.customer_name.empty()) session.customer_name = bot::personal_text(request.customer_name);

  if (known) {
    auto open = store_.open_ticket_of(session_id);
    if (!open.ok()) {
      count_storage_error();
      return open.status();
    }
    if (open->has_value()) return route_to_ticket(request, session, *open.value(), mask(cleaned.value()));
  }

  bot::Conversation conversation = conversation_from_json(session.state);
  if (!session.customer_name.empty()) conversation.customer_name = session.customer_name;
  bot::Reply reply = engine->respond(conversation, cleaned.value());
  const std::string masked =
      reply.masked_question.empty() ? mask(cleaned.value()) : reply.masked_question;
  session.state = conversation_to_json(conversation);

  const int64_t t = now();
  store::Turn turn;
  turn.session = session;
  store::NewMessage investor;
  investor.role = store::Role::kInvestor;
  investor.text = masked;
  investor.created_at_ms = t;
  store::NewMessage bot_message;
  bot_message.role = store::Role::kBot;
  bot_message.text = reply.text;
  bot_message.action = bot::to_string(reply.action);
  bot_message.faq_id = reply.faq_id;
  bot_message.confidence = reply.confidence;
  bot_message.created_at_ms = t;
  const bool handoff = reply.action == bot::Action::kHandoff;
  if (handoff) {
    store::NewTicket ticket;
    ticket.priority = reply.priority;
    ticket.reason = bot::to_string(reply.handoff_reason);
    ticket.created_at_ms = t;
    if (!options_.hours.is_open(t)) ticket.expected_reply_at_ms = options_.hours.next_open(t);
    turn.ticket = ticket;
  }
  if (reply.action == bot::Action::kFallback) turn.unanswered = masked;

  ChatReply out;
  int64_t queue_position = 0;
  if (handoff) {
    // The queue wording goes into the stored bot message, so the ticket is
    // opened first, in the same transaction as the messages that follow it.
    turn.messages = {investor};
    auto first = store_.record_turn(turn);
    if (!first.ok()) {
      count_storage_error();
      return first.status();
    }
    const store::Ticket& ticket = *first->ticket;
    if (ticket.status == store::TicketStatus::kWaiting) {
      auto pos = store_.queue_position(ticket.id);
      if (pos.ok()) queue_position = pos.value();
    }
    bot_message.text = reply.text + "\n" + handoff_text(*engine, ticket, queue_position);
    auto bot_id = store_.append_message(session_id, bot_message);
    if (!bot_id.ok()) {
      count_storage_error();
      return bot_id.status();
    }
    out.investor_message_id = first->message_ids.at(0);
    out.message_id = bot_id.value();
    out.handoff = info_of(ticket, queue_position);
    handoffs_by_reason_[static_cast<size_t>(reply.handoff_reason) % 7].fetch_add(1);
  } else {
    turn.messages = {investor, bot_message};
    auto recorded = store_.record_turn(turn);
    if (!recorded.ok()) {
      count_storage_error();
      return recorded.status();
    }
    out.investor_message_id = recorded->message_ids.at(0);
    out.message_id = recorded->message_ids.at(1);
  }
  answers_by_action_[static_cast<size_t>(reply.action) % 4].fetch_add(1, std::memory_order_relaxed);
  bus_.publish(session_id, out.message_id);

  out.session_id = session_id;
  out.session_token = new_token;
  out.question = masked;
  out.action = bot::to_string(reply.action);
  out.faq_id = reply.faq_id;
  out.confidence = reply.confidence;
  out.text = bot_message.text;
  out.suggestions = reply.candidates;
  out.offer_human = reply.offer_human;
  return out;
}

Result<ChatReply> Service::route_to_ticket(const ChatRequest& request, store::Session session,
                                           const store::Ticket& ticket, const std::string& masked) {
  (void)request;
  store::Turn turn;
  turn.session = std::move(session);
  store::NewMessage investor;
  investor.role = store::Role::kInvestor;
  investor.text = masked;
  turn.messages = {investor};
  auto recorded = store_.record_turn(turn);
  if (!recorded.ok()) {
    count_storage_error();
    return recorded.status();
  }
  messages_to_agents_.fetch_add(1, std::memory_order_relaxed);
  ChatReply out;
  out.session_id = turn.session.id;
  out.question = masked;
  out.investor_message_id = recorded->message_ids.at(0);
  out.message_id = out.investor_message_id;
  bus_.publish(out.session_id, out.message_id);
  out.action = "handoff";
  out.routed_to_agent = true;
  int64_t queue_position = 0;
  if (ticket.status == store::TicketStatus::kWaiting) {
    auto pos = store_.queue_position(ticket.id);
    if (pos.ok()) queue_position = pos.value();
    out.text = "您的消息已转交人工客服，客服接入后会尽快回复您，请您稍候。";
  } else {
    out.text = "";  // an agent is in the conversation and answers in person
  }
  out.handoff = info_of(ticket, queue_position);
  return out;
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

Result<std::vector<TicketView>> Service::list_tickets(store::TicketStatus status, int limit) {
  auto tickets = store_.list_tickets(status, limit);
  if (!tickets.ok()) return tickets.status();
  std::vector<TicketView> views;
  views.reserve(tickets->size());
  int64_t position = 0;
  for (store::Ticket& t : tickets.value()) {
    TicketView v;
    v.queue_position = status == store::TicketStatus::kWaiting ? ++position : 0;
    auto session = store_.get_session(t.session_id);
    if (session.ok()) v.session = std::move(session).value();
    auto msgs = store_.messages_after(t.session_id, 0, 100000);
    if (msgs.ok()) {
      for (auto it = msgs->rbegin(); it != msgs->rend(); ++it) {
        if (it->role == store::Role::kInvestor) {
          v.last_investor_text = it->text;
          break;
        }
      }
    }
    v.ticket = std::move(t);
    views.push_back(std::move(v));
  }
  return views;
}

Result<TicketDetail> Service::ticket_detail(int64_t ticket_id) {
  auto ticket = store_.get_ticket(ticket_id);
  if (!ticket.ok()) return ticket.status();
  TicketDetail d;
  d.view.ticket = ticket.value();
  if (ticket->status == store::TicketStatus::kWaiting) {
    auto pos = store_.queue_position(ticket_id);
    if (pos.ok()) d.view.queue_position = pos.value();
  }
  auto session = store_.get_session(ticket->session_id);
  if (session.ok()) d.view.session = std::move(session).value();
  auto msgs = store_.messages_after(ticket->session_id, 0, 100000);
  if (!msgs.ok()) return msgs.status();
  d.transcript = std::move(msgs).value();
  for (auto it = d.transcript.rbegin(); it != d.transcript.rend(); ++it) {
    if (it->role == store::Role::kInvestor) {
      d.view.last_investor_text = it->text;
      break;
    }
  }
  if (auto engine = engines_.current(); engine && !d.view.last_investor_text.empty()) {
    bot::Conversation scratch;
    bot::Reply r = engine->respond(scratch, d.view.last_investor_text);
    std::unordered_set<std::string> seen;
    auto add = [&](const std::string& id, const std::string& question, double score) {
      if (id.empty() || !seen.insert(id).second) return;
      const knowledge::Entry* e = engine->kb().find(id);
      if (!e) return;
      AgentSuggestion s;
      s.faq_id = id;
      s.question = question.empty() && !e->questions.empty() ? e->questions[0] : question;
      s.answer = engine->kb().render(e->answer);
      s.score = score;
      d.suggestions.push_back(std::move(s));
    };
    if (!r.faq_id.empty()) add(r.faq_id, "", r.confidence);
    for (const bot::Suggestion& c : r.candidates) add(c.faq_id, c.question, c.score);
  }
  d.quick_replies = options_.quick_replies;
  return d;
}

Result<store::Ticket> Service::claim(int64_t ticket_id, const std::string& agent_id) {
  auto claimed = store_.claim_ticket(ticket_id, agent_id, now());
  if (!claimed.ok()) return claimed.status();
  store::NewMessage note;
  note.role = store::Role::kSystem;
  note.agent_id = agent_id;
  note.text = "您好，人工客服已接入，请问有什么可以帮您？";
  auto m = append_and_publish(claimed->session_id, note);
  (void)m;  // the claim itself is committed; a missing greeting is not worth failing it
  return claimed;
}

Result<store::Message> Service::agent_reply(int64_t ticket_id, const std::string& agent_id,
                                            const std::string& text,
                                            std::vector<std::string>* refused) {
  auto cleaned = clean_text(text, options_.max_text_chars, "text");
  if (!cleaned.ok()) return cleaned.status();
  const auto engine = engines_.current();
  if (!engine) return Status(StatusCode::kInternal, "no knowledge base loaded: no hedge rules to check replies");
  std::vector<std::string> promises = bot::promises_in(cleaned.value(), engine->kb().hedge);
  if (!promises.empty()) {
    {
      std::lock_guard<std::mutex> lock(refused_mu_);
      ++agent_replies_refused_[agent_id];
    }
    std::string named;
    for (const std::string& p : promises) named += (named.empty() ? "「" : "、「") + p + "」";
    if (refused) *refused = std::move(promises);
    return Status(StatusCode::kInvalidArgument,
                  "回复含有不合规的承诺用语" + named + "，未发送给客户；请修改后再发送");
  }
  auto ticket = store_.get_ticket(ticket_id);
  if (!ticket.ok()) return ticket.status();
  if (ticket->status != store::TicketStatus::kActive) {
    return Status(StatusCode::kFailedPrecondition,
                  std::string("the ticket is ") + store::to_string(ticket->status) +
                      "; claim it before replying");
  }
  if (ticket->claimed_by != agent_id) {
    return Status(StatusCode::kFailedPrecondition,
                  "the ticket is claimed by another agent (" + ticket->claimed_by + ")");
  }
  store::NewMessage m;
  m.role = store::Role::kAgent;
  m.agent_id = agent_id;
  m.text = mask(cleaned.value());
  auto stored = append_and_publish(ticket->session_id, m);
  if (stored.ok()) agent_messages_.fetch_add(1, std::memory_order_relaxed);
  return stored;
}

Result<store::Ticket> Service::close(int64_t ticket_id, const std::string& agent_id,
                                     const std::string& resolution) {
  std::string clean_resolution;
  if (!resolution.empty()) {
    if (!utf8::valid(resolution)) return invalid("resolution is not valid UTF-8");
    clean_resolution = mask(utf8::truncate(utf8::sanitize(resolution), options_.max_text_chars));
  }
  auto existing = store_.get_ticket(ticket_id);
  if (!existing.ok()) return existing.status();
  if (existing->status == store::TicketStatus::kActive && existing->claimed_by != agent_id) {
    return Status(StatusCode::kFailedPrecondition,
                  "the ticket is claimed by another agent (" + existing->claimed_by + ")");
  }
  std::lock_guard<std::mutex> lock(session_lock(existing->session_id));
  auto closed = store_.close_ticket(ticket_id, clean_resolution, now());
  if (!closed.ok()) return closed.status();
  // The bot starts afresh: earlier fallbacks and repeats led to this handoff.
  auto session = store_.get_session(closed->session_id);
  if (session.ok()) {
    bot::Conversation c = conversation_from_json(session->state);
    c.consecutive_fallbacks = 0;
    c.asks_per_entry.clear();
    c.last_faq_id.clear();
    c.last_question.clear();
    session->state = conversation_to_json(c);
    if (!store_.put_session(session.value()).ok()) count_storage_error();
  }
  store::NewMessage note;
  note.role = store::Role::kSystem;
  note.agent_id = agent_id;
  note.text = "本次人工服务已结束，感谢您的耐心。如还有其他问题，欢迎您随时再来咨询。";
  (void)append_and_publish(closed->session_id, note);
  return closed;
}

Result<std::vector<store::Unanswered>> Service::unanswered(int limit) {
  return store_.list_unanswered(limit);
}

int Service::sweep() {
  const int64_t t = now();
  auto waiting = store_.list_tickets(store::TicketStatus::kWaiting, 1000);
  if (!waiting.ok()) {
    count_storage_error();
    return 0;
  }
  int told = 0;
  for (const store::Ticket& ticket : waiting.value()) {
    if (ticket.expected_reply_at_ms > 0) continue;
    if (t - ticket.created_at_ms < options_.no_claim_timeout_ms) continue;
    const int64_t at = options_.hours.promise(t, options_.callback_ms);
    if (!store_.set_expected_reply(ticket.id, at).ok()) {
      count_storage_error();
      continue;
    }
    store::NewMessage note;
    note.role = store::Role::kSystem;
    std::string text = "非常抱歉，目前客服繁忙，暂时未能接入。您的问题已为您登记并继续排队，预计在" +
                       options_.hours.format_local_datetime(at) +
                       "前后由客服与您联系，请您留意消息。";
    if (auto engine = engines_.current()) text = engine->guard(text);
    note.text = text;
    if (append_and_publish(ticket.session_id, note).ok()) ++told;
  }
  return told;
}

}  // namespace faqbot::service
