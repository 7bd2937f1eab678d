#pragma once
// faqbot's conversation service: what the HTTP API and the IM channels call.
// No HTTP in here. Its parts, one file each:
//   chat_turn.cpp       one investor turn: the bot's reply, or the message
//                       routed to the open ticket (callback number, escalation)
//   handoff_desk.cpp    agents' actions on tickets: claim, transfer, reply,
//                       close, and the sweep of unclaimed tickets
//   console_views.cpp   what agents read: queue, ticket detail, callbacks
//   service.cpp         sessions, credentials, transcript, feedback, stats
// with the pure pieces beside them: ticket_state.h (the ticket's state
// machine), handoff_notices.h (texts derived from the state).
//
// Rules it enforces:
// - Sessions are capabilities. A web session ("web" channel) is created only
//   by a chat request without a session id: the service issues the id and a
//   credential (ChatReply::session_token) and stores only the credential's
//   hash. Every later post, read and feedback of that session must present
//   the credential (authorize()); a wrong or missing one, an unknown id and
//   an IM session all fail the same way (kUnauthenticated), so a failure
//   says nothing about which sessions exist. IM sessions have no credential:
//   only their channel's webhook pipeline reaches them, by a keyed id
//   (im_session_id()).
// - While a session has a waiting or active ticket, the investor's messages go
//   to the ticket (stored, shown to the agent), not to the bot. After the
//   ticket is closed the bot answers again.
// - Every text is masked (personal numbers) before it is stored.
// - A ticket opened outside service hours promises a reply time at once; one
//   no agent claimed within `no_claim_timeout_ms` gets a promise from sweep().
//   Either way the ticket stays queued, and the investor is asked for a
//   mobile number: a message holding one schedules a callback at that time
//   (the number kept in clear only on the ticket, shown only to the agent
//   who owns it).
// - Each investor turn is one store transaction: the investor's message,
//   the reply or notice, and any ticket change (opening, escalation,
//   callback). Agents' actions commit the ticket change with its notice in
//   one transaction too, conditional on the ticket not having changed
//   meanwhile, so no notice contradicts the state (ticket_state.h).
// - While a ticket waits, a message that the engine would hand over with
//   high priority (complaint, anger, a hand_priority topic) raises it.
// - Outgoing agent and system messages of a session on an IM channel are
//   handed to the channel's outbound callback (see set_outbound).
//
// Thread-safety: every public method may be called from any thread. Turns of
// one session are serialised in a process; across replicas (Services on one
// database) a turn or ticket change commits only if the session row still
// holds the conversation it was computed from (store::Turn::expected_session)
// and is otherwise run again on the new one. Different sessions run in parallel.
// Never throws; failures are Status values:
//   kInvalidArgument    validation (empty text, text too long, bad ids)
//   kNotFound           unknown session / ticket / message
//   kFailedPrecondition wrong ticket state (claim a claimed ticket, reply to a
//                       ticket not claimed by this agent, close a closed one)
//   kUnauthenticated    no valid session credential (see above)
//   kInternal           storage failed, or no engine is loaded
#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "bot/engine.h"
#include "bot/service/engine_holder.h"
#include "bot/service/handoff_notices.h"
#include "bot/service/message_bus.h"
#include "bot/service/service_hours.h"
#include "bot/store/store.h"
#include "knowledge/status.h"

namespace faqbot::service {

struct ServiceOptions {
  size_t max_text_chars = 2000;        // longer investor/agent text: kInvalidArgument
  size_t max_session_id_bytes = 128;   // [A-Za-z0-9_.:-]+
  ServiceHours hours;                  // when agents are on duty
  int64_t no_claim_timeout_ms = 120000;  // waiting this long unclaimed: promise a time
  int64_t callback_ms = 30 * 60 * 1000;  // promised callback window inside hours
  std::vector<std::string> quick_replies;  // operator's 快捷短语 for the console
  std::function<int64_t()> clock;      // ms since epoch; null = wall clock
};

struct ChatRequest {
  // Web: "" = issue a new session (and credential); otherwise an issued id
  // with its credential in session_token. IM channels: the keyed id from
  // im_session_id(), created on first use; session_token unused.
  std::string session_id;
  std::string session_token;
  std::string user_id;        // platform user id, optional
  std::string text;           // the investor's message, raw (validated here)
  std::string channel = "web";  // set by the route, never by the client
  std::string channel_ref;    // IM channels: opaque JSON of where replies go
  std::string customer_name;  // "王先生" when the channel knows it
  // IM channels: the keys of the platform event this message came in (its
  // event id, or a digest of the signed request; then the signature's key
  // when the channel binds signatures to bodies). Recorded as processed in
  // the turn's own transaction: a retry of an answered event gets
  // ChatReply::duplicate, a turn that failed leaves the retry to be answered;
  // a later key already used fails with kFailedPrecondition.
  std::vector<std::string> event_keys;
  // The client greeted the investor itself (the web widget does on opening),
  // so the bot's replies do not greet again.
  bool client_greeted = false;
  // The entry a button chose (the widget's suggestion buttons carry its id):
  // answered from that entry without a search (bot::Engine::answer_entry);
  // "" = none. An IM button's payload "faq:<id>" and a typed number of the
  // stored choices are resolved the same way.
  std::string entry_id;
};

// A numbered choice offered with a reply: a suggested entry
// ("faq:<entry id>") or the offer of a human ("转人工").
struct ChatChoice {
  std::string title;    // what the investor sees
  std::string payload;  // what choosing it sends
};

// The investor's view of a handoff, from the ticket's current state.
struct HandoffInfo {
  int64_t ticket_id = 0;
  std::string priority;          // "normal" | "high"
  std::string status;            // "waiting" | "active" | "closed"
  std::string state;             // to_string(TicketState): "waiting" | "callback_scheduled" | …
  int64_t queue_position = 0;    // 1-based while waiting, 0 otherwise
  std::string reason;            // bot::to_string(HandoffReason)
  int64_t expected_reply_at_ms = 0;  // 约定回话时间, 0 = none promised
  std::string agent;             // the agent with the ticket, "" = none
  std::string line;              // the state line to show (handoff_notices.h)
};

struct ChatReply {
  std::string session_id;
  std::string session_token;        // the new session's credential; "" for an existing session
  std::string question;             // the investor's text as stored (masked)
  int64_t message_id = 0;           // the bot's message; the investor's when routed to an agent
  int64_t investor_message_id = 0;
  std::string action;               // "answer" | "clarify" | "fallback" | "handoff"
  std::string faq_id;               // "" = none
  double confidence = 0;
  std::string text;                 // what to show the investor
  std::vector<bot::Suggestion> suggestions;  // offered_suggestions (numbered_choices.h)
  bool offer_human = false;
  bool routed_to_agent = false;     // the message went to an open ticket
  std::optional<HandoffInfo> handoff;
  // Suggestions, then 转人工 when offered: stored with the session, so that
  // a later "2" (or a button's payload) is that choice on any replica, also
  // after a restart.
  std::vector<ChatChoice> choices;
  bool duplicate = false;  // the event was already answered: nothing written, nothing to send
};

// A ticket as an agent's console shows it. ticket.callback_phone is in
// clear only in the view of the agent who owns the ticket; masked
// (138****8000) in every other view.
struct TicketView {
  store::Ticket ticket;
  int64_t queue_position = 0;      // waiting tickets only
  store::Session session;          // channel, user id, customer name
  std::string last_investor_text;  // masked
  std::string question;            // the investor's real question: the last message
                                   // that is more than a bare request for a human
  std::string kind;                // "chat" | "callback"
};

struct AgentSuggestion {
  std::string faq_id;
  std::string question;
  std::string answer;  // the entry's answer, rendered (variables filled)
  double score = 0;
};

struct TicketDetail {
  TicketView view;
  std::vector<store::Message> transcript;
  std::vector<AgentSuggestion> suggestions;  // bot's best candidates for the last question
  std::vector<std::string> quick_replies;
};

struct ServiceStats {
  std::array<int64_t, bot::kActionCount> answers_by_action{};          // index = bot::Action
  std::array<int64_t, bot::kHandoffReasonCount> handoffs_by_reason{};  // index = bot::HandoffReason
  int64_t escalations = 0;        // waiting tickets raised by what the investor said
  int64_t callbacks_scheduled = 0;
  int64_t messages_to_agents = 0;
  int64_t agent_messages = 0;
  std::map<std::string, int64_t> agent_replies_refused;  // by agent id
  int64_t feedback = 0;
  int64_t storage_errors = 0;
};

// Delivers an agent's (or the service's) message to the investor on an IM
// platform. Called after the message is stored, on the calling thread; must
// not block for long (enqueue into the store's outbox and return).
using OutboundFn = std::function<void(const store::Session& session, const store::Message& message)>;

class Service {
 public:
  // Borrows `store` and `engines` (both outlive the Service).
  Service(store::Store& store, EngineHolder& engines, ServiceOptions options);

  Result<ChatReply> chat(const ChatRequest& request);

  // The web session `session_id` when `token` is its credential, else
  // kUnauthenticated (also for unknown ids and IM sessions); kInternal when
  // the store fails. Call before messages() on behalf of an investor.
  Result<store::Session> authorize(const std::string& session_id, const std::string& token);

  // The keyed id of an IM conversation on `channel` (see
  // session_credentials.h). The key is created once per store and shared by
  // every replica on it; kInternal when the store cannot provide it.
  Result<std::string> im_session_id(const std::string& channel, const std::string& conversation);

  // Transcript since a message id (0 = from the start), oldest first. No
  // credential check: authorize() first for an investor.
  Result<std::vector<store::Message>> messages(const std::string& session_id, int64_t after_id,
                                               int limit = 1000);
  // The session's current handoff: its open ticket, else the ticket closed
  // last until the investor's next message to the bot; nullopt when none.
  // No credential check.
  Result<std::optional<HandoffInfo>> handoff_of(const std::string& session_id);

  // Feedback on a bot message of the session, once per message: kNotFound
  // for a message that is not one of the session's bot messages,
  // kFailedPrecondition for a second feedback.
  Status feedback(const std::string& session_id, const std::string& token, int64_t message_id,
                  bool helpful, const std::string& comment);

  // Console views (console_views.cpp), as seen by agent `viewer` (the
  // callback number is shown in clear only to the ticket's owner).
  Result<std::vector<TicketView>> list_tickets(store::TicketStatus status, int limit = 200,
                                               const std::string& viewer = "");
  Result<TicketDetail> ticket_detail(int64_t ticket_id, const std::string& viewer = "");
  // Open tickets with a callback scheduled, earliest promised time first.
  Result<std::vector<TicketView>> callbacks(const std::string& viewer, int limit = 200);

  // The handoff desk (handoff_desk.cpp). Each commits the ticket change and
  // its notice to the investor in one transaction; kFailedPrecondition when
  // the ticket's state does not allow it (ticket_state.h) or it changed
  // meanwhile.
  Result<store::Ticket> claim(int64_t ticket_id, const std::string& agent_id);
  // Hands a ticket `from_agent` holds to `to_agent` (who must be a known
  // agent: the caller checks). The investor is told who serves them now.
  Result<store::Ticket> transfer(int64_t ticket_id, const std::string& from_agent,
                                 const std::string& to_agent);
  // An agent's text to the investor of a ticket the agent has claimed.
  // A text that makes a promise (bot::promises_in with the current hedge
  // rules: banned phrases, absolute arrival promises) is refused whole,
  // before anything is stored, published or sent: kInvalidArgument naming
  // the phrases, the phrases also in `*refused` when given, and counted for
  // the agent (ServiceStats::agent_replies_refused). Without a loaded engine
  // (no hedge rules) every reply is refused with kInternal.
  Result<store::Message> agent_reply(int64_t ticket_id, const std::string& agent_id,
                                     const std::string& text,
                                     std::vector<std::string>* refused = nullptr);
  // Returns the conversation to the bot.
  Result<store::Ticket> close(int64_t ticket_id, const std::string& agent_id,
                              const std::string& resolution);

  Result<std::vector<store::Unanswered>> unanswered(int limit = 100);

  // Promises a reply time on waiting tickets no agent claimed in time and
  // asks for a callback number. Call periodically (the server does every
  // second). Returns how many it told.
  int sweep();

  // Registers the outbound callback of an IM channel ("slack", "wecom", …).
  void set_outbound(const std::string& channel, OutboundFn fn);

  MessageBus& bus() { return bus_; }
  EngineHolder& engines() { return engines_; }
  store::Store& store() { return store_; }
  const ServiceOptions& options() const { return options_; }
  ServiceStats stats() const;
  int64_t now() const;

  // A fresh session id: 43 lowercase hex characters, the creation time in
  // ms (11 digits, so ids issued later sort after earlier ones) followed by
  // 128 random bits.
  static constexpr size_t kSessionIdTimeDigits = 11;
  static std::string new_session_id();

 private:
  // How often a turn that lost to a concurrent one on another replica
  // (kAborted) is run again before the investor gets the conflict.
  static constexpr int kTurnAttempts = 5;
  // One try of chat(), under the session's lock: reads the session, answers,
  // commits the turn conditional on the session as read.
  Result<ChatReply> chat_attempt(const ChatRequest& request, const std::string& session_id,
                                 const std::string& new_token,
                                 const EngineHolder::Serving& serving,
                                 const std::string& cleaned_text);
  Result<ChatReply> route_to_ticket(const ChatRequest& request, store::Session session,
                                    const store::Turn::Expected& expected,
                                    const store::Ticket& ticket, const std::string& cleaned);
  // Commits `to` (a transition of `from`) with one system notice for
  // `event` (none when kNone) in one turn of the ticket's session, then
  // publishes and delivers the notice. `session_change` edits the session
  // in the same turn.
  Result<store::Ticket> commit_transition(const store::Ticket& from, const store::Ticket& to,
                                          std::optional<HandoffEvent> event,
                                          const std::string& agent_id,
                                          const std::function<void(store::Session&)>& session_change = {});
  // Reads the ticket under its session's lock, applies `transition` and
  // commits the result as commit_transition() does.
  Result<store::Ticket> change_ticket(
      int64_t ticket_id,
      const std::function<Result<store::Ticket>(const store::Ticket&)>& transition,
      std::optional<HandoffEvent> event, const std::string& agent_id,
      const std::function<void(store::Session&)>& session_change = {});
  HandoffInfo info_of(const bot::Engine& engine, const store::Ticket& ticket);
  TicketView view_of(store::Ticket ticket, const std::string& viewer,
                     const std::vector<store::Message>* transcript);
  Result<store::Message> append_and_publish(const std::string& session_id,
                                            const store::NewMessage& message);
  void publish_and_deliver(const store::Session& session, const store::Message& message);
  void deliver_outbound(const std::string& session_id, const store::Message& message);
  std::mutex& session_lock(const std::string& session_id);
  Result<store::Session> find_session(const std::string& session_id);
  void count_storage_error() { storage_errors_.fetch_add(1, std::memory_order_relaxed); }

  store::Store& store_;
  EngineHolder& engines_;
  ServiceOptions options_;
  MessageBus bus_;

  std::array<std::mutex, 64> session_locks_;
  std::mutex im_key_mu_;
  std::string im_key_;  // guarded by im_key_mu_; "" until first needed

  std::mutex outbound_mu_;
  std::map<std::string, OutboundFn> outbound_;

  std::array<std::atomic<int64_t>, bot::kActionCount> answers_by_action_{};
  std::array<std::atomic<int64_t>, bot::kHandoffReasonCount> handoffs_by_reason_{};
  std::atomic<int64_t> escalations_{0};
  std::atomic<int64_t> callbacks_scheduled_{0};
  std::atomic<int64_t> messages_to_agents_{0};
  std::atomic<int64_t> agent_messages_{0};
  mutable std::mutex refused_mu_;
  std::map<std::string, int64_t> agent_replies_refused_;  // guarded by refused_mu_
  std::atomic<int64_t> feedback_{0};
  std::atomic<int64_t> storage_errors_{0};
};

// The HTTP-like class of a Status code, for adapters: 422, 404, 409, 500.
int http_status_of(StatusCode code);

}  // namespace faqbot::service
