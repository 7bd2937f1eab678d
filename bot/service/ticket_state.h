#pragma once
// The handoff ticket as a state machine. Every investor-visible status and
// notice is derived from the state a ticket is in now (handoff_notices.h),
// never from the history of what was said before.
//
//   waiting ──claim──────────────► claimed ──transfer──► transferred ─┐
//     │  ▲ escalate / promise        │                       ▲ transfer┘
//     │  └──┘                        │ close                 │ close
//     └─schedule_callback─► callback_scheduled ──claim──► claimed
//   any open state ──close──► closed
//
// The store keeps the fields (status waiting|active|closed, claimed_by,
// callback_phone, transferred_from); state_of() reads the state from them,
// and each transition returns the ticket as it must be written, to be
// committed with its notice in one store turn (store::TicketUpdate).
// Pure functions; thread-safe.
#include <cstdint>
#include <string>

#include "bot/conversation.h"
#include "bot/store/store.h"
#include "knowledge/status.h"

namespace faqbot::service {

enum class TicketState { kWaiting, kCallbackScheduled, kClaimed, kTransferred, kClosed };
// "waiting" | "callback_scheduled" | "claimed" | "transferred" | "closed"
const char* to_string(TicketState state);

TicketState state_of(const store::Ticket& ticket);
bool is_open(TicketState state);      // every state but closed
bool with_agent(TicketState state);   // claimed or transferred

// Each transition: the ticket after it, or kFailedPrecondition naming the
// state it is in (kInvalidArgument for a malformed argument). `now_ms` is
// stored as the time of the change.
namespace transition {

// waiting | callback_scheduled -> claimed by `agent_id`.
Result<store::Ticket> claim(const store::Ticket& t, const std::string& agent_id, int64_t now_ms);
// claimed | transferred (by `from_agent`) -> transferred to `to_agent` (a
// different agent).
Result<store::Ticket> transfer(const store::Ticket& t, const std::string& from_agent,
                               const std::string& to_agent, int64_t now_ms);
// waiting | callback_scheduled -> callback_scheduled at `at_ms` to `phone`
// (an 11-digit mainland mobile number, in clear: see store::Ticket).
Result<store::Ticket> schedule_callback(const store::Ticket& t, const std::string& phone,
                                        int64_t at_ms);
// waiting (no time promised yet) -> waiting with a promised reply time.
Result<store::Ticket> promise(const store::Ticket& t, int64_t at_ms);
// waiting | callback_scheduled -> same state, priority at least
// priority_of(reason) and the reason named. kFailedPrecondition when it
// would change nothing (already that high).
Result<store::Ticket> escalate(const store::Ticket& t, bot::HandoffReason reason);
// any open state -> closed. A ticket with an agent closes only by that agent.
Result<store::Ticket> close(const store::Ticket& t, const std::string& agent_id,
                            const std::string& resolution, int64_t now_ms);

}  // namespace transition

// An 11-digit mainland mobile number in `text` (ASCII or full-width digits,
// spaces or dashes between groups, +86 allowed), or "" when there is none.
std::string find_mobile_number(const std::string& text);

}  // namespace faqbot::service
