// The handoff desk: agents' actions on tickets (claim, transfer, reply,
// close) and the sweep of tickets nobody claimed in time. Every change goes
// through the state machine (ticket_state.h) and is committed with the
// notice it means for the investor (handoff_notices.h) in one store turn.
#include <unordered_set>

#include "bot/guard.h"
#include "bot/service/conversation_state.h"
#include "bot/service/service.h"
#include "bot/service/service_detail.h"
#include "knowledge/utf8.h"

namespace faqbot::service {

Result<store::Ticket> Service::commit_transition(const store::Ticket& from, const store::Ticket& to,
                                                 std::optional<HandoffEvent> event,
                                                 const std::string& agent_id,
                                                 const std::function<void(store::Session&)>& session_change) {
  const auto engine = engines_.current();
  if (!engine) return Status(StatusCode::kInternal, "no knowledge base is loaded");
  auto session = find_session(from.session_id);
  if (!session.ok()) return session.status();
  store::Turn turn;
  turn.expected_session = store::Turn::Expected{true, session->state, session->choices};
  if (session_change) session_change(session.value());
  turn.session = session.value();
  turn.ticket_update = store::TicketUpdate{from, to};
  const int64_t t = now();
  turn.session.updated_at_ms = t;
  if (event) {
    store::NewMessage note;
    note.role = store::Role::kSystem;
    note.agent_id = agent_id;
    note.text = handoff_notice(*engine, options_.hours, *event, to, session->customer_name);
    note.created_at_ms = t;
    turn.messages.push_back(std::move(note));
  }
  auto done = store_.record_turn(turn);
  if (!done.ok()) {
    if (done.status().code() == StatusCode::kInternal) count_storage_error();
    return done.status();
  }
  for (size_t i = 0; i < turn.messages.size(); ++i) {
    publish_and_deliver(turn.session,
                        detail::as_stored(turn.session.id, done->message_ids.at(i), turn.messages[i], t));
  }
  return *done->ticket;
}

Result<store::Ticket> Service::change_ticket(
    int64_t ticket_id, const std::function<Result<store::Ticket>(const store::Ticket&)>& transition,
    std::optional<HandoffEvent> event, const std::string& agent_id,
    const std::function<void(store::Session&)>& session_change) {
  auto found = store_.get_ticket(ticket_id);
  if (!found.ok()) return found.status();
  std::lock_guard<std::mutex> lock(session_lock(found->session_id));
  // The session may change on another replica meanwhile (the investor's
  // turn): kAborted, and the change is tried again on what is there now.
  for (int attempt = 1;; ++attempt) {
    auto current = store_.get_ticket(ticket_id);  // as it is under the session's lock
    if (!current.ok()) return current.status();
    auto next = transition(current.value());
    if (!next.ok()) return next.status();
    auto done = commit_transition(current.value(), next.value(), event, agent_id, session_change);
    if (done.ok() || done.status().code() != StatusCode::kAborted || attempt == kTurnAttempts) return done;
  }
}

Result<store::Ticket> Service::claim(int64_t ticket_id, const std::string& agent_id) {
  const int64_t t = now();
  return change_ticket(
      ticket_id, [&](const store::Ticket& from) { return transition::claim(from, agent_id, t); },
      HandoffEvent::kClaimed, agent_id);
}

Result<store::Ticket> Service::transfer(int64_t ticket_id, const std::string& from_agent,
                                        const std::string& to_agent) {
  const int64_t t = now();
  return change_ticket(
      ticket_id,
      [&](const store::Ticket& from) { return transition::transfer(from, from_agent, to_agent, t); },
      HandoffEvent::kTransferred, from_agent);
}

Result<store::Message> Service::agent_reply(int64_t ticket_id, const std::string& agent_id,
                                            const std::string& text,
                                            std::vector<std::string>* refused) {
  auto cleaned = detail::clean_text(text, options_.max_text_chars, "text");
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
  m.text = detail::mask(cleaned.value());
  auto stored = append_and_publish(ticket->session_id, m);
  if (stored.ok()) agent_messages_.fetch_add(1, std::memory_order_relaxed);
  return stored;
}

Result<store::Ticket> Service::close(int64_t ticket_id, const std::string& agent_id,
                                     const std::string& resolution) {
  std::string clean_resolution;
  if (!resolution.empty()) {
    if (!utf8::valid(resolution)) return detail::invalid("resolution is not valid UTF-8");
    clean_resolution = detail::mask(utf8::truncate(utf8::sanitize(resolution), options_.max_text_chars));
  }
  const int64_t t = now();
  return change_ticket(
      ticket_id,
      [&](const store::Ticket& from) { return transition::close(from, agent_id, clean_resolution, t); },
      HandoffEvent::kClosed, agent_id, [ticket_id](store::Session& session) {
        // The bot starts afresh: earlier fallbacks and repeats led to this
        // handoff. The closed ticket stays the session's handoff until the
        // investor writes to the bot again.
        bot::Conversation c = conversation_from_json(session.state);
        c.consecutive_fallbacks = 0;
        c.asks_per_entry.clear();
        c.last_faq_id.clear();
        c.last_question.clear();
        c.closed_ticket_id = ticket_id;
        session.state = conversation_to_json(c);
      });
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
    // Claimed or changed meanwhile: the transition is refused, nothing is said.
    auto promised = change_ticket(
        ticket.id, [&](const store::Ticket& from) { return transition::promise(from, at); },
        HandoffEvent::kNoClaim, "");
    if (promised.ok()) ++told;
  }
  return told;
}

}  // namespace faqbot::service
