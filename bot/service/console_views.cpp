// What agents read: the queue, one ticket with its transcript and the
// bot's suggestions, and the callbacks due. The callback number is masked in
// every view but the one of the agent who owns the ticket.
#include <algorithm>
#include <unordered_set>

#include "bot/pii.h"
#include "bot/service/service.h"
#include "bot/signals.h"
#include "bot/settings.h"
#include "knowledge/utf8.h"

namespace faqbot::service {
namespace {

// A bare request for a human ("转人工", "我要找人工客服"): says what the
// investor wants, not what about.
bool bare_human_request(const bot::Engine* engine, const std::string& text) {
  constexpr size_t kMaxBareChars = 8;
  if (!engine || utf8::length(text) > kMaxBareChars) return false;
  return bot::detect_signals(text, engine->retriever().normalize(text), engine->settings().signals)
      .human_request;
}

}  // namespace

TicketView Service::view_of(store::Ticket ticket, const std::string& viewer,
                            const std::vector<store::Message>* transcript) {
  TicketView v;
  auto session = store_.get_session(ticket.session_id);
  if (session.ok()) v.session = std::move(session).value();
  std::vector<store::Message> own;
  if (!transcript) {
    auto msgs = store_.messages_after(ticket.session_id, 0, 100000);
    if (msgs.ok()) own = std::move(msgs).value();
    transcript = &own;
  }
  const auto engine = engines_.current();
  for (auto it = transcript->rbegin(); it != transcript->rend(); ++it) {
    if (it->role != store::Role::kInvestor) continue;
    if (v.last_investor_text.empty()) v.last_investor_text = it->text;
    if (!bare_human_request(engine.get(), it->text)) {
      v.question = it->text;
      break;
    }
  }
  if (v.question.empty()) v.question = v.last_investor_text;
  v.kind = ticket.callback_phone.empty() ? "chat" : "callback";
  const bool owner = !viewer.empty() && ticket.claimed_by == viewer;
  if (!owner) ticket.callback_phone = bot::mask_pii(ticket.callback_phone).masked;
  v.ticket = std::move(ticket);
  return v;
}

Result<std::vector<TicketView>> Service::list_tickets(store::TicketStatus status, int limit,
                                                      const std::string& viewer) {
  auto tickets = store_.list_tickets(status, limit);
  if (!tickets.ok()) return tickets.status();
  std::vector<TicketView> views;
  views.reserve(tickets->size());
  int64_t position = 0;
  for (store::Ticket& t : tickets.value()) {
    TicketView v = view_of(std::move(t), viewer, nullptr);
    v.queue_position = status == store::TicketStatus::kWaiting ? ++position : 0;
    views.push_back(std::move(v));
  }
  return views;
}

Result<std::vector<TicketView>> Service::callbacks(const std::string& viewer, int limit) {
  std::vector<TicketView> views;
  for (store::TicketStatus status : {store::TicketStatus::kWaiting, store::TicketStatus::kActive}) {
    auto tickets = store_.list_tickets(status, 1000);
    if (!tickets.ok()) return tickets.status();
    for (store::Ticket& t : tickets.value()) {
      if (!t.callback_phone.empty()) views.push_back(view_of(std::move(t), viewer, nullptr));
    }
  }
  std::stable_sort(views.begin(), views.end(), [](const TicketView& a, const TicketView& b) {
    return a.ticket.expected_reply_at_ms < b.ticket.expected_reply_at_ms;
  });
  if (limit > 0 && views.size() > static_cast<size_t>(limit)) views.resize(static_cast<size_t>(limit));
  return views;
}

Result<TicketDetail> Service::ticket_detail(int64_t ticket_id, const std::string& viewer) {
  auto ticket = store_.get_ticket(ticket_id);
  if (!ticket.ok()) return ticket.status();
  TicketDetail d;
  auto msgs = store_.messages_after(ticket->session_id, 0, 100000);
  if (!msgs.ok()) return msgs.status();
  d.transcript = std::move(msgs).value();
  d.view = view_of(ticket.value(), viewer, &d.transcript);
  if (ticket->status == store::TicketStatus::kWaiting) {
    auto pos = store_.queue_position(ticket_id);
    if (pos.ok()) d.view.queue_position = pos.value();
  }
  if (auto engine = engines_.current(); engine && !d.view.question.empty()) {
    bot::Conversation scratch;
    bot::Reply r = engine->respond(scratch, d.view.question);
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

}  // namespace faqbot::service
