#include "bot/service/handoff_notices.h"

#include "bot/wording.h"

namespace faqbot::service {
namespace {

bot::RuntimeVars vars_of(const ServiceHours& hours, const store::Ticket& t, const std::string& customer) {
  bot::RuntimeVars v;
  v.customer = customer;
  if (t.expected_reply_at_ms > 0) v.reply_time = hours.format_local_datetime(t.expected_reply_at_ms);
  v.agent = t.claimed_by;
  v.phone_tail = tail4(t.callback_phone);
  return v;
}

std::string word(const bot::Engine& engine, const char* key, const bot::RuntimeVars& vars) {
  return engine.word(bot::canned(engine.kb(), key), vars);
}

}  // namespace

const char* reply_key(HandoffEvent event) {
  switch (event) {
    case HandoffEvent::kOpenedOutOfHours: return "out_of_hours";
    case HandoffEvent::kNoClaim: return "handoff_no_claim";
    case HandoffEvent::kCallbackScheduled: return "callback_scheduled";
    case HandoffEvent::kClaimed: return "agent_joined";
    case HandoffEvent::kTransferred: return "agent_transferred";
    case HandoffEvent::kEscalated: return "handoff_escalated";
    case HandoffEvent::kClosed: return "handoff_closed";
  }
  return "handoff_notice";
}

std::string handoff_notice(const bot::Engine& engine, const ServiceHours& hours, HandoffEvent event,
                           const store::Ticket& ticket, const std::string& customer) {
  return word(engine, reply_key(event), vars_of(hours, ticket, customer));
}

std::string state_line(const bot::Engine& engine, const ServiceHours& hours,
                       const store::Ticket& ticket, int64_t queue_position) {
  bot::RuntimeVars v = vars_of(hours, ticket, "");
  switch (state_of(ticket)) {
    case TicketState::kWaiting:
      if (ticket.expected_reply_at_ms > 0) return word(engine, "state_promised", v);
      v.queue_position = queue_position > 0 ? std::to_string(queue_position) : "";
      return word(engine, "state_waiting", v);
    case TicketState::kCallbackScheduled: return word(engine, "state_callback", v);
    case TicketState::kClaimed:
    case TicketState::kTransferred: return word(engine, "state_agent", v);
    case TicketState::kClosed: return word(engine, "state_closed", v);
  }
  return {};
}

std::string tail4(const std::string& number) {
  return number.size() >= 4 ? number.substr(number.size() - 4) : std::string();
}

}  // namespace faqbot::service
