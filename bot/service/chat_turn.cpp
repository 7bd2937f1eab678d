// One investor turn: the bot's reply (and the ticket it may open), or the
// message routed to the session's open ticket. One store transaction each.
#include "bot/pii.h"
#include "bot/service/conversation_state.h"
#include "bot/service/numbered_choices.h"
#include "bot/service/service.h"
#include "bot/service/service_detail.h"
#include "bot/service/session_credentials.h"
#include "bot/settings.h"
#include "bot/signals.h"
#include "bot/wording.h"

namespace faqbot::service {
namespace {

std::vector<store::EventKey> event_keys_of(const ChatRequest& request) {
  std::vector<store::EventKey> keys;
  for (const std::string& key : request.event_keys) keys.push_back({request.channel, key});
  return keys;
}

// The answer to a retry of an event that was already answered.
ChatReply duplicate_of(const std::string& session_id) {
  ChatReply out;
  out.session_id = session_id;
  out.duplicate = true;
  return out;
}

// The reply to the investor's `text`. A choice — a button carrying an
// entry id (`chosen_entry`), a number of the session's stored choices or a
// button's payload — is answered from its entry directly, without a search;
// an entry a reload removed is asked by the text instead. Any other text is
// asked as typed.
bot::Reply reply_to(const bot::Engine& engine, bot::Conversation& conversation,
                    const store::Session& session, const std::string& chosen_entry,
                    const std::string& text) {
  const std::string payload = chosen_payload(session.choices, text);
  const std::string entry_id = chosen_entry.empty() ? entry_of_payload(payload) : chosen_entry;
  if (!entry_id.empty()) {
    if (std::optional<bot::Reply> chosen = engine.answer_entry(conversation, entry_id)) {
      return std::move(chosen).value();
    }
    return engine.respond(conversation, text);
  }
  return engine.respond(conversation, payload);
}

}  // namespace

Result<ChatReply> Service::chat(const ChatRequest& request) {
  auto cleaned = detail::clean_text(request.text, options_.max_text_chars, "text");
  if (!cleaned.ok()) return cleaned.status();
  const bool web = detail::is_web(request.channel);
  std::string session_id = request.session_id;
  std::string new_token;  // set when this request creates a web session
  if (session_id.empty()) {
    if (!web) return detail::invalid("an IM message needs its session id (Service::im_session_id)");
    session_id = new_session_id();
    new_token = new_session_token();
    if (new_token.empty()) return Status(StatusCode::kInternal, "the CSPRNG failed");
  } else if (!detail::valid_session_id(session_id, options_.max_session_id_bytes)) {
    if (web) return detail::denied();
    return detail::invalid("session_id must be 1-" + std::to_string(options_.max_session_id_bytes) +
                   " characters of A-Z a-z 0-9 _ . : -");
  }
  const EngineHolder::Serving serving = engines_.serving();
  const std::shared_ptr<const bot::Engine>& engine = serving.engine;
  if (!engine) return Status(StatusCode::kInternal, "no knowledge base is loaded");

  // Turns of one session are serialised in this process by its lock, and
  // across replicas by the turn's expectation on the session row: a turn
  // that lost to another replica's is run again on what that one left.
  std::lock_guard<std::mutex> lock(session_lock(session_id));
  for (int attempt = 1;; ++attempt) {
    Result<ChatReply> out = chat_attempt(request, session_id, new_token, serving, cleaned.value());
    if (out.ok() || out.status().code() != StatusCode::kAborted || attempt == kTurnAttempts) return out;
  }
}

Result<ChatReply> Service::chat_attempt(const ChatRequest& request, const std::string& session_id,
                                        const std::string& new_token,
                                        const EngineHolder::Serving& serving,
                                        const std::string& cleaned_text) {
  const std::shared_ptr<const bot::Engine>& engine = serving.engine;
  const bool web = detail::is_web(request.channel);
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
      if (got->channel != request.channel) return detail::denied();
      session = std::move(got).value();
      known = true;
    } else if (got.status().code() != StatusCode::kNotFound) {
      return got.status();
    }
  }
  // What this turn was computed from: committed only if it still holds.
  const store::Turn::Expected expected{known, session.state, session.choices};
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
    if (open->has_value()) return route_to_ticket(request, session, expected, *open.value(), cleaned_text);
  }

  bot::Conversation conversation = conversation_from_json(session.state);
  if (!session.customer_name.empty()) conversation.customer_name = session.customer_name;
  conversation.closed_ticket_id = 0;  // the investor is back with the bot
  if (request.client_greeted) conversation.greeted = true;
  bot::Reply reply = reply_to(*engine, conversation, session, request.entry_id, cleaned_text);
  const std::string masked =
      reply.masked_question.empty() ? detail::mask(cleaned_text) : reply.masked_question;
  session.state = conversation_to_json(conversation);
  std::vector<ChatChoice> choices = choices_of(reply);
  session.choices = choices_to_store(choices);

  const int64_t t = now();
  store::Turn turn;
  turn.session = session;
  turn.expected_session = expected;
  turn.events = event_keys_of(request);
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
  bot_message.kb_version = serving.kb_version;
  bot_message.created_at_ms = t;
  const bool handoff = reply.action == bot::Action::kHandoff;
  if (handoff) {
    store::NewTicket ticket;
    ticket.priority = reply.priority;
    ticket.reason = bot::to_string(reply.handoff_reason);
    ticket.created_at_ms = t;
    if (!options_.hours.is_open(t)) {
      // Nobody can take it now: one bubble that says so, with the time and
      // the offer of a callback, instead of "transferring, please wait".
      ticket.expected_reply_at_ms = options_.hours.next_open(t);
      store::Ticket promised;
      promised.expected_reply_at_ms = ticket.expected_reply_at_ms;
      bot_message.text = handoff_notice(*engine, options_.hours, HandoffEvent::kOpenedOutOfHours,
                                        promised, conversation.customer_name);
      if (reply.pii_detected) {
        bot_message.text = engine->word(bot::canned(engine->kb(), "pii_warning"), {}) + "\n" + bot_message.text;
      }
    }
    turn.ticket = ticket;
  }
  if (reply.action == bot::Action::kFallback) turn.unanswered = masked;
  // The investor's message, the reply and the ticket: one transaction.
  turn.messages = {investor, bot_message};
  auto recorded = store_.record_turn(turn);
  if (!recorded.ok()) {
    if (recorded.status().code() != StatusCode::kAborted) count_storage_error();
    return recorded.status();
  }
  if (recorded->duplicate) return duplicate_of(session_id);
  ChatReply out;
  out.choices = std::move(choices);
  out.investor_message_id = recorded->message_ids.at(0);
  out.message_id = recorded->message_ids.at(1);
  if (handoff) {
    out.handoff = info_of(*engine, *recorded->ticket);
    handoffs_by_reason_[static_cast<size_t>(reply.handoff_reason)].fetch_add(1, std::memory_order_relaxed);
  }
  answers_by_action_[static_cast<size_t>(reply.action)].fetch_add(1, std::memory_order_relaxed);
  bus_.publish(session_id, out.message_id);

  out.session_id = session_id;
  out.session_token = new_token;
  out.question = masked;
  out.action = bot::to_string(reply.action);
  out.faq_id = reply.faq_id;
  out.confidence = reply.confidence;
  out.text = bot_message.text;
  out.suggestions = offered_suggestions(reply);
  out.offer_human = reply.offer_human;
  return out;
}

namespace {

// The reason a message sent while waiting raises the ticket for, judged by
// the engine as if the message opened a handoff: kNone when it would not be
// handed over with high priority. A hand_priority topic counts as money at risk.
bot::HandoffReason escalation_reason(const bot::Engine& engine, const std::string& text) {
  // Impatience while waiting raises the ticket, even where the bot alone
  // would answer the question with an apology.
  if (bot::detect_signals(text, engine.retriever().normalize(text), engine.settings().signals)
          .frustration) {
    return bot::HandoffReason::kAnger;
  }
  bot::Conversation scratch;
  const bot::Reply r = engine.respond(scratch, text);
  if (r.action != bot::Action::kHandoff || r.priority != bot::Priority::kHigh) return bot::HandoffReason::kNone;
  if (r.handoff_reason == bot::HandoffReason::kEntry) return bot::HandoffReason::kMoneyAtRisk;
  return r.handoff_reason;
}

}  // namespace

// The investor writes while a ticket is open: the message goes to the
// ticket. While it waits, the message may also change it (one transition
// at most, committed with the message and its notice in one turn):
//   - after a reply time was promised, a mobile number schedules the
//     callback (the investor was asked for it, and replying is consent);
//   - a complaint, anger, impatience or a money-at-risk topic raises its
//     priority.
// Otherwise nothing is said: the state line tells where the ticket is.
Result<ChatReply> Service::route_to_ticket(const ChatRequest& request, store::Session session,
                                           const store::Turn::Expected& expected,
                                           const store::Ticket& ticket, const std::string& cleaned) {
  const auto engine = engines_.current();
  if (!engine) return Status(StatusCode::kInternal, "no knowledge base is loaded");
  const int64_t t = now();
  const std::string masked = detail::mask(cleaned);
  const TicketState state = state_of(ticket);
  std::optional<store::Ticket> next;
  std::optional<HandoffEvent> event;
  if (state == TicketState::kWaiting && ticket.expected_reply_at_ms > 0) {
    if (std::string phone = find_mobile_number(cleaned); !phone.empty()) {
      auto scheduled = transition::schedule_callback(ticket, phone, ticket.expected_reply_at_ms);
      if (scheduled.ok()) {
        next = std::move(scheduled).value();
        event = HandoffEvent::kCallbackScheduled;
      }
    }
  }
  if (!next && (state == TicketState::kWaiting || state == TicketState::kCallbackScheduled)) {
    const bot::HandoffReason reason = escalation_reason(*engine, cleaned);
    if (reason != bot::HandoffReason::kNone) {
      auto raised = transition::escalate(ticket, reason);
      if (raised.ok()) {
        next = std::move(raised).value();
        event = HandoffEvent::kEscalated;
      }
    }
  }

  store::Turn turn;
  turn.session = std::move(session);
  turn.session.updated_at_ms = t;
  turn.session.choices.clear();  // the agent has the conversation now
  turn.expected_session = expected;
  turn.events = event_keys_of(request);
  store::NewMessage investor;
  investor.role = store::Role::kInvestor;
  investor.text = masked;
  investor.created_at_ms = t;
  turn.messages = {investor};
  if (next) {
    turn.ticket_update = store::TicketUpdate{ticket, *next};
    store::NewMessage note;
    note.role = store::Role::kSystem;
    note.text = handoff_notice(*engine, options_.hours, *event, *next, turn.session.customer_name);
    note.created_at_ms = t;
    turn.messages.push_back(std::move(note));
  }
  auto recorded = store_.record_turn(turn);
  if (!recorded.ok() && next && recorded.status().code() == StatusCode::kFailedPrecondition) {
    // The ticket changed meanwhile (an agent claimed it): the message still
    // goes to it, the change and its notice do not.
    turn.ticket_update.reset();
    turn.messages.resize(1);
    next.reset();
    event.reset();
    recorded = store_.record_turn(turn);
  }
  if (!recorded.ok()) {
    if (recorded.status().code() != StatusCode::kAborted) count_storage_error();
    return recorded.status();
  }
  if (recorded->duplicate) return duplicate_of(turn.session.id);
  messages_to_agents_.fetch_add(1, std::memory_order_relaxed);
  if (event == HandoffEvent::kEscalated) escalations_.fetch_add(1, std::memory_order_relaxed);
  if (event == HandoffEvent::kCallbackScheduled) callbacks_scheduled_.fetch_add(1, std::memory_order_relaxed);

  ChatReply out;
  out.session_id = turn.session.id;
  out.question = masked;
  out.investor_message_id = recorded->message_ids.at(0);
  out.message_id = recorded->message_ids.back();
  out.action = "handoff";
  out.routed_to_agent = true;
  if (next) out.text = turn.messages.back().text;
  bus_.publish(out.session_id, out.message_id);
  auto now_ticket = next ? *recorded->ticket : ticket;
  out.handoff = info_of(*engine, now_ticket);
  return out;
}

}  // namespace faqbot::service
