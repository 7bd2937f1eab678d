#pragma once
// What the investor is told about a handoff, derived from the ticket's
// current state only, in the operator's texts (config/replies.json; built-in
// defaults in bot/wording.cpp for absent keys):
//   - the notice that announces a transition, stored as one system message
//     in the same store turn as the transition (handoff_desk.cpp);
//   - the state line the widget shows above the conversation (and that a
//     reload restores), recomputed from the ticket on every read.
// Pure functions of (engine, hours, ticket); thread-safe.
#include <cstdint>
#include <string>

#include "bot/engine.h"
#include "bot/service/service_hours.h"
#include "bot/service/ticket_state.h"

namespace faqbot::service {

// The transitions an investor is told about.
enum class HandoffEvent {
  kOpenedOutOfHours,   // out_of_hours: no agent now, asks for a callback number
  kNoClaim,            // handoff_no_claim: nobody claimed in time, asks for a number
  kCallbackScheduled,  // callback_scheduled
  kClaimed,            // agent_joined
  kTransferred,        // agent_transferred
  kEscalated,          // handoff_escalated
  kClosed,             // handoff_closed
};
// The replies.json key of each event's notice.
const char* reply_key(HandoffEvent event);

// The notice for `event`, worded for the ticket as it is after the event
// ({reply_time}, {agent}, {phone_tail} from it), addressed to `customer`.
std::string handoff_notice(const bot::Engine& engine, const ServiceHours& hours,
                           HandoffEvent event, const store::Ticket& ticket,
                           const std::string& customer);

// The state line: state_waiting (with {queue_position}, the 1-based place),
// state_promised (waiting with a promised {reply_time}), state_callback,
// state_agent ({agent}), state_closed.
std::string state_line(const bot::Engine& engine, const ServiceHours& hours,
                       const store::Ticket& ticket, int64_t queue_position);

// The last 4 digits of a number, "" when shorter.
std::string tail4(const std::string& number);

}  // namespace faqbot::service
