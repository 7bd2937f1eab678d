#include "bot/service/ticket_state.h"

#include "knowledge/utf8.h"

namespace faqbot::service {
namespace {

using store::Ticket;
using store::TicketStatus;

Status not_in(const Ticket& t, const char* wanted) {
  return Status(StatusCode::kFailedPrecondition, std::string("the ticket is ") +
                                                     to_string(state_of(t)) + ", not " + wanted);
}

bool waiting(TicketState s) { return s == TicketState::kWaiting || s == TicketState::kCallbackScheduled; }

}  // namespace

const char* to_string(TicketState state) {
  switch (state) {
    case TicketState::kWaiting: return "waiting";
    case TicketState::kCallbackScheduled: return "callback_scheduled";
    case TicketState::kClaimed: return "claimed";
    case TicketState::kTransferred: return "transferred";
    case TicketState::kClosed: return "closed";
  }
  return "waiting";
}

TicketState state_of(const Ticket& t) {
  switch (t.status) {
    case TicketStatus::kClosed: return TicketState::kClosed;
    case TicketStatus::kActive:
      return t.transferred_from.empty() ? TicketState::kClaimed : TicketState::kTransferred;
    case TicketStatus::kWaiting: break;
  }
  return t.callback_phone.empty() ? TicketState::kWaiting : TicketState::kCallbackScheduled;
}

bool is_open(TicketState s) { return s != TicketState::kClosed; }
bool with_agent(TicketState s) { return s == TicketState::kClaimed || s == TicketState::kTransferred; }

namespace transition {

Result<Ticket> claim(const Ticket& t, const std::string& agent_id, int64_t now_ms) {
  if (agent_id.empty()) return Status(StatusCode::kInvalidArgument, "an agent id is required");
  if (!waiting(state_of(t))) return not_in(t, "waiting");
  Ticket next = t;
  next.status = TicketStatus::kActive;
  next.claimed_by = agent_id;
  next.claimed_at_ms = now_ms;
  next.transferred_from.clear();
  return next;
}

Result<Ticket> transfer(const Ticket& t, const std::string& from_agent, const std::string& to_agent,
                        int64_t now_ms) {
  if (to_agent.empty()) return Status(StatusCode::kInvalidArgument, "to_agent is required");
  if (!with_agent(state_of(t))) return not_in(t, "with an agent");
  if (t.claimed_by != from_agent) {
    return Status(StatusCode::kFailedPrecondition,
                  "the ticket is claimed by another agent (" + t.claimed_by + ")");
  }
  if (to_agent == from_agent) {
    return Status(StatusCode::kInvalidArgument, "to_agent is the agent who holds the ticket");
  }
  Ticket next = t;
  next.claimed_by = to_agent;
  next.claimed_at_ms = now_ms;
  next.transferred_from = from_agent;
  return next;
}

Result<Ticket> schedule_callback(const Ticket& t, const std::string& phone, int64_t at_ms) {
  if (phone.size() != 11) return Status(StatusCode::kInvalidArgument, "not a mobile number");
  if (!waiting(state_of(t))) return not_in(t, "waiting");
  Ticket next = t;
  next.callback_phone = phone;
  next.expected_reply_at_ms = at_ms;
  return next;
}

Result<Ticket> promise(const Ticket& t, int64_t at_ms) {
  if (state_of(t) != TicketState::kWaiting) return not_in(t, "waiting");
  if (t.expected_reply_at_ms > 0) {
    return Status(StatusCode::kFailedPrecondition, "a reply time is promised already");
  }
  Ticket next = t;
  next.expected_reply_at_ms = at_ms;
  return next;
}

Result<Ticket> escalate(const Ticket& t, bot::HandoffReason reason) {
  if (!waiting(state_of(t))) return not_in(t, "waiting");
  const bot::Priority wanted = bot::priority_of(reason);
  if (wanted != bot::Priority::kHigh || t.priority == bot::Priority::kHigh) {
    return Status(StatusCode::kFailedPrecondition, "the priority is as high already");
  }
  Ticket next = t;
  next.priority = wanted;
  next.reason = bot::to_string(reason);
  return next;
}

Result<Ticket> close(const Ticket& t, const std::string& agent_id, const std::string& resolution,
                     int64_t now_ms) {
  const TicketState s = state_of(t);
  if (!is_open(s)) return not_in(t, "open");
  if (with_agent(s) && t.claimed_by != agent_id) {
    return Status(StatusCode::kFailedPrecondition,
                  "the ticket is claimed by another agent (" + t.claimed_by + ")");
  }
  Ticket next = t;
  next.status = TicketStatus::kClosed;
  next.closed_at_ms = now_ms;
  next.resolution = resolution;
  return next;
}

}  // namespace transition

std::string find_mobile_number(const std::string& text) {
  std::string digits;  // the current run, separators skipped
  auto check = [&]() -> std::string {
    std::string d = digits;
    if (d.size() == 13 && d.compare(0, 2, "86") == 0) d = d.substr(2);
    if (d.size() == 15 && d.compare(0, 4, "0086") == 0) d = d.substr(4);
    if (d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9') return d;
    return {};
  };
  for (char32_t cp : utf8::decode(text)) {
    if (cp >= U'0' && cp <= U'9') {
      digits += static_cast<char>('0' + (cp - U'0'));
    } else if (cp >= 0xFF10 && cp <= 0xFF19) {
      digits += static_cast<char>('0' + (cp - 0xFF10));
    } else if (cp == U' ' || cp == U'-' || cp == U'+' || cp == 0x3000) {
      continue;  // within a number: 138 0013 8000, +86-138…
    } else {
      if (std::string found = check(); !found.empty()) return found;
      digits.clear();
    }
  }
  return check();
}

}  // namespace faqbot::service
