#pragma once
// Persistence for faqbot: sessions, transcripts, handoff tickets, feedback,
// unanswered questions, processed webhook events and the outbound IM queue.
//
// One abstract Store, implemented once in SQL (sql/sql_store.h) over SQLite
// in a data directory (the embedded default) or PostgreSQL (for several
// replicas), picked by open_store().
//
// Contract for every implementation:
// - Thread-safe: one Store is shared by all request threads.
// - Never throws; every failure is a Status / Result value:
//     kInvalidArgument    malformed input (empty ids, unknown enum text),
//     kNotFound           the named session / ticket / message does not exist,
//     kFailedPrecondition a state transition that is not allowed (claiming a
//                         ticket that is not waiting, closing a closed one),
//                         or a database newer than this build's schema,
//     kAborted            a compare-and-set lost to a concurrent writer
//                         (Turn::expected_session),
//     kInternal           the database failed (I/O, busy past the timeout,
//                         connection lost).
// - Durable: when a write returns ok, its transaction is committed and
//   survives a kill -9 of the process (see each implementation for power loss).
// - All SQL is parameterised; texts are stored byte for byte. Texts must be
//   valid UTF-8 without NUL bytes; a message text that is not is refused with
//   kInvalidArgument by both backends (the HTTP layer answers 400 earlier).
// - Personal data: the store open_store() returns masks what people typed
//   (investor and agent messages, names, user ids, conversation state,
//   comments, resolutions) before writing it: see masking_store.h. The
//   backends themselves store texts as given.
// - Times are milliseconds since the Unix epoch (UTC). A time field left at 0
//   in an input struct is filled with the store's current wall-clock time;
//   0 in an output struct means "not set".
// - Ids: message, ticket, feedback and outbox ids are assigned by the store,
//   strictly increasing, never reused. Within one session, message ids are in
//   commit order, so messages_after(session, last_seen_id) never skips one.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/conversation.h"  // bot::Priority
#include "bot/store/migration.h"
#include "knowledge/status.h"

namespace faqbot::store {

using bot::Priority;

enum class Role { kInvestor, kBot, kAgent, kSystem };
enum class TicketStatus { kWaiting, kActive, kClosed };
enum class OutboxStatus { kPending, kSent, kFailed };

// Stable text forms, as stored and as used by the HTTP API.
const char* to_string(Role role);              // "investor" | "bot" | "agent" | "system"
const char* to_string(TicketStatus status);    // "waiting" | "active" | "closed"
const char* to_string(OutboxStatus status);    // "pending" | "sent" | "failed"
Result<Role> parse_role(std::string_view text);
Result<TicketStatus> parse_ticket_status(std::string_view text);
Result<OutboxStatus> parse_outbox_status(std::string_view text);

struct Session {
  std::string id;             // caller-issued, non-empty, <= 256 bytes
  std::string user_id;        // platform user id, "" when anonymous
  std::string channel;        // "web", "wecom", "slack", … ("" = "web")
  std::string channel_ref;    // opaque JSON: where IM replies go (chat id, …)
  std::string customer_name;  // "王先生" when known
  std::string state;          // serialised bot::Conversation (JSON; see conversation_json.h)
  // Hex SHA-256 of the session credential ("" = none: IM sessions). Written
  // on first insert only; an upsert never changes it. The credential itself
  // is never stored.
  std::string token_hash;
  // The numbered choices of the last bot reply, as a JSON
  // array of payloads (["faq:withdraw.fee", "转人工"]): what a typed "2"
  // means. "" = none. Entry ids and the operator's texts only, never what
  // the investor typed.
  std::string choices;
  int64_t created_at_ms = 0;  // set by the store on first insert, kept after
  int64_t updated_at_ms = 0;
};

struct NewMessage {
  Role role = Role::kInvestor;
  std::string text;           // masked by the caller
  std::string action;         // bot messages: "answer" | "clarify" | … ; else ""
  std::string faq_id;         // "" when none
  double confidence = 0;
  std::string agent_id;       // agent messages: who wrote it
  int64_t created_at_ms = 0;  // 0 = now
  int64_t kb_version = 0;     // bot messages: the knowledge-base version that produced it, 0 = unknown
};

struct Message {
  int64_t id = 0;             // the message_id of the API
  std::string session_id;
  Role role = Role::kInvestor;
  std::string text;
  std::string action;
  std::string faq_id;
  double confidence = 0;
  std::string agent_id;
  int64_t created_at_ms = 0;
  int64_t kb_version = 0;     // see NewMessage
};

struct NewTicket {
  Priority priority = Priority::kNormal;
  std::string reason;                 // bot::to_string(HandoffReason), e.g. "anger"
  int64_t created_at_ms = 0;          // 0 = now
  int64_t expected_reply_at_ms = 0;   // 约定回话时间, 0 = none promised
};

struct Ticket {
  int64_t id = 0;
  std::string session_id;
  TicketStatus status = TicketStatus::kWaiting;
  Priority priority = Priority::kNormal;
  std::string reason;
  int64_t created_at_ms = 0;
  std::string claimed_by;             // agent id, "" while waiting
  int64_t claimed_at_ms = 0;
  int64_t closed_at_ms = 0;
  std::string resolution;
  int64_t expected_reply_at_ms = 0;
  // The investor's mobile number for a callback, in clear: the one personal
  // number the store keeps unmasked (the agent must dial it). "" = none.
  // Only an owning agent's ticket view may show it; every other reader masks
  // it (service/console_views.h).
  std::string callback_phone;
  std::string transferred_from;       // the agent who handed the ticket over, "" = none
};

// A compare-and-set of one ticket inside a Turn: applied only while the
// row still holds `from`'s status, claimed_by, priority, expected_reply_at
// and callback_phone; then every mutable field takes `to`'s value (status,
// priority, reason, claimed_by, claimed_at, closed_at, resolution,
// expected_reply_at, callback_phone, transferred_from). A row that changed
// meanwhile fails the whole turn with kFailedPrecondition (kNotFound when
// the ticket does not exist), so a notice is never committed for a state
// that no longer holds.
struct TicketUpdate {
  Ticket from;  // as read by the caller; from.id names the ticket
  Ticket to;
};

// A message committed to a session (Store::wait_message_notices).
struct MessageNotice {
  std::string session_id;
  int64_t message_id = 0;
};

// A platform event (an IM webhook delivery) a turn answers; see Turn::events.
struct EventKey {
  std::string channel;   // non-empty, <= 256 bytes
  std::string event_id;  // non-empty, <= 256 bytes
};

// Everything one chat request writes, committed in ONE transaction.
struct Turn {
  // The keys of the channel event this turn answers, recorded as processed
  // in the same transaction, so a crash before the commit leaves the
  // platform's retry to be answered, and a retry after it is recognised.
  // When events[0] was already recorded the turn writes nothing and
  // TurnResult::duplicate is set; when a later key was (a signature reused
  // for another request), the turn fails with kFailedPrecondition.
  std::vector<EventKey> events;
  // Upserted: inserted when new (created_at = now), otherwise every field but
  // id and created_at is replaced. updated_at is set to now.
  Session session;
  // Optimistic concurrency on the conversation, for turns of one session
  // that may run at once on several replicas: when set, the turn commits
  // only while the session row still holds what the caller read (its state
  // and choices; no row at all when !exists). Otherwise the whole turn fails
  // with kAborted, writing nothing: the caller re-reads and runs it again.
  struct Expected {
    bool exists = false;
    std::string state;
    std::string choices;
  };
  std::optional<Expected> expected_session;
  // Appended in order to session.id.
  std::vector<NewMessage> messages;
  // Opens a ticket for the session; if the session already has an open
  // (waiting or active) ticket, that one is returned instead.
  std::optional<NewTicket> ticket;
  // Records the investor's question as unanswered (fallback).
  std::optional<std::string> unanswered;
  // Changes a ticket of the session (claim, transfer, close, callback,
  // escalation), applied before the messages that announce it.
  std::optional<TicketUpdate> ticket_update;
};

struct TurnResult {
  std::vector<int64_t> message_ids;  // one per Turn::messages, same order
  std::optional<Ticket> ticket;      // set when Turn::ticket or Turn::ticket_update was set
  bool ticket_created = false;       // false: an open ticket already existed
  bool duplicate = false;            // events[0] was already processed: nothing written
};

struct Feedback {
  std::string session_id;  // the session the message belongs to
  // A bot message of session_id, else kNotFound (also when it exists in
  // another session). One feedback a message: a second is kFailedPrecondition.
  int64_t message_id = 0;
  bool helpful = false;
  std::string comment;     // masked by the caller
  int64_t created_at_ms = 0;
};

struct Unanswered {
  int64_t id = 0;
  std::string session_id;
  std::string text;
  int64_t created_at_ms = 0;
};

// Feedback as reports read it: on which entry's reply, and when.
struct AnswerFeedback {
  int64_t message_id = 0;
  std::string faq_id;  // of the rated bot message ("" when it named none)
  bool helpful = false;
  int64_t created_at_ms = 0;
};

// What happened in a period, for reports (bot/ops/insights.h).
struct Activity {
  std::vector<Message> messages;  // created in the period, by id
  std::vector<Ticket> tickets;    // created in the period, by id
  std::vector<AnswerFeedback> feedback;  // given in the period, by feedback id
};

struct NewOutbound {
  std::string channel;   // "slack", "telegram", …
  std::string target;    // where to send (chat id, session webhook, …)
  std::string payload;   // the request body to send, opaque
  int64_t next_attempt_at_ms = 0;  // 0 = now
};

struct Outbound {
  int64_t id = 0;
  std::string channel;
  std::string target;
  std::string payload;
  int attempts = 0;                // failed attempts so far
  OutboxStatus status = OutboxStatus::kPending;
  int64_t next_attempt_at_ms = 0;
  std::string last_error;
  int64_t created_at_ms = 0;
};

// --- agent records: what agents keep besides the transcript ----------------

// An agent's internal note on a ticket: never shown or sent to the investor.
struct NewNote {
  int64_t ticket_id = 0;
  std::string agent_id;       // who wrote it, non-empty
  std::string text;           // masked by the masking store
  int64_t created_at_ms = 0;  // 0 = now
};

struct Note {
  int64_t id = 0;
  int64_t ticket_id = 0;
  std::string agent_id;
  std::string text;
  int64_t created_at_ms = 0;
};

// The investor's satisfaction with a ticket's human service, 1 (worst) to 5.
struct Rating {
  int64_t ticket_id = 0;
  int score = 0;              // 1..5
  std::string comment;        // optional, masked by the masking store
  std::string agent_id;       // output only: who had claimed the ticket
  int64_t created_at_ms = 0;  // 0 = now
};

// The ratings of one agent's tickets.
struct AgentRating {
  std::string agent_id;
  int64_t count = 0;
  double average = 0;  // mean score, 1..5
};

// Past conversations: messages whose text contains `text` and whose session's
// customer (user id or customer name containing `customer`, or the exact
// session id) matches; an empty field does not filter, but not both empty.
// Matching is case-insensitive for ASCII letters; % and _ are literal.
struct ConversationQuery {
  std::string text;
  std::string customer;
  int limit = 50;  // >= 1
};

struct ConversationHit {
  Message message;            // as stored (masked)
  std::string user_id;        // of its session
  std::string customer_name;
  std::string channel;
  int64_t ticket_id = 0;      // the session's latest ticket, 0 = never handed over
};

// --- knowledge-base versions: candidates, gated releases, audit -------------

// Statuses of a knowledge-base version. "released" is the live one: exactly
// one version has it once the first was released; a release or rollback
// makes the previous live version "retired".
//   candidate -> approved -> released -> retired -> released (rollback) …
//   candidate | approved -> refused
struct KbVersion {
  int64_t id = 0;              // 1, 2, … assigned by the store
  int64_t parent_id = 0;       // the version it was made from, 0 = none
  std::string author;          // admin identity, "system" for the first
  std::string note;
  int64_t created_at_ms = 0;   // 0 = now (input)
  std::string status;          // "candidate" | "approved" | "released" | "refused" | "retired"
  // The whole knowledge base: a JSON object of config-relative path ->
  // file text. Empty in kb_versions() lists (read one version for it).
  std::string files;
  std::string content_hash;    // of the loaded knowledge base
  std::string changes;         // JSON array of the edit that made it, "" = none
  std::string evaluation;      // JSON object of the release gate, "" = not evaluated
  std::string approved_by;
  std::string released_by;     // who made it live last
  int64_t released_at_ms = 0;  // when it went live last, 0 = never
  std::string override_reason; // why it was released despite its evaluation
  std::string refused_by;      // who refused it ("refused"), "" = not refused
  std::string refusal_reason;  // why, as its refuser wrote it
};

// One line of the audit log of knowledge-base changes.
struct KbAudit {
  int64_t id = 0;
  int64_t at_ms = 0;
  std::string actor;           // admin identity
  // "created" | "approved" | "refused" | "released" | "release_refused" | "rolled_back" | "reloaded"
  std::string action;
  int64_t version_id = 0;
  std::string detail;          // free text (an override reason, a note)
};

// A new version with its audit line, written in one transaction.
struct NewKbVersion {
  KbVersion version;           // id ignored; status "candidate" or "released"
  std::string action;          // audit action ("created", "reloaded")
  std::string detail;          // audit detail
  // Only when the store holds no version yet (the first start): otherwise
  // nothing is written and kFailedPrecondition is returned.
  bool only_if_first = false;
};

// A status change of one version with its audit line, in one transaction.
struct KbVersionChange {
  int64_t version_id = 0;
  // The statuses the version may have now; any other is kFailedPrecondition
  // (naming the current one), an unknown version kNotFound.
  std::vector<std::string> from;
  // The new status; "" = unchanged (an audit-only line, e.g. release_refused).
  // "approved" records actor as approved_by. "released" records actor as
  // released_by (now as released_at) and makes it the live version, the
  // previous live one "retired".
  std::string to;
  std::string actor;
  std::string action;          // audit action
  std::string detail;          // audit detail
  std::string evaluation;      // replaces the stored evaluation when non-empty
  std::string override_reason; // recorded with a release when non-empty
  // "refused" records actor as refused_by and this as refusal_reason.
  std::string refusal_reason;
};

class Store {
 public:
  virtual ~Store() = default;

  // "sqlite" or "postgresql".
  virtual const char* backend() const = 0;

  // --- sessions -----------------------------------------------------------
  // kNotFound when there is no such session.
  virtual Result<Session> get_session(const std::string& id) = 0;
  // Upsert as in Turn::session.
  virtual Status put_session(const Session& session) = 0;

  // --- one chat request ---------------------------------------------------
  // Atomic: either everything in the turn is committed or nothing is.
  virtual Result<TurnResult> record_turn(const Turn& turn) = 0;

  // --- messages -----------------------------------------------------------
  // Appends one message (e.g. an agent's reply). kNotFound for an unknown session.
  virtual Result<int64_t> append_message(const std::string& session_id,
                                         const NewMessage& message) = 0;
  // Messages of the session with id > after_id, oldest first, at most
  // `limit` (>= 1). after_id 0 = from the start. kNotFound for an unknown session.
  virtual Result<std::vector<Message>> messages_after(const std::string& session_id,
                                                      int64_t after_id,
                                                      int limit = 1000) = 0;

  // --- handoff tickets ----------------------------------------------------
  // Opens a waiting ticket, or returns the session's open one (see Turn::ticket).
  virtual Result<Ticket> open_ticket(const std::string& session_id, const NewTicket& ticket) = 0;
  virtual Result<Ticket> get_ticket(int64_t ticket_id) = 0;
  // The session's waiting or active ticket, nullopt when it has none.
  virtual Result<std::optional<Ticket>> open_ticket_of(const std::string& session_id) = 0;
  // Tickets with this status, high priority first, then oldest first, then
  // by id; at most `limit` (>= 1).
  virtual Result<std::vector<Ticket>> list_tickets(TicketStatus status, int limit = 1000) = 0;
  virtual Result<int64_t> count_tickets(TicketStatus status) = 0;
  // 1-based position of a waiting ticket in the queue order of list_tickets.
  // kFailedPrecondition when the ticket is not waiting.
  virtual Result<int64_t> queue_position(int64_t ticket_id) = 0;
  // Atomic waiting -> active. Of several concurrent claims exactly one
  // succeeds; the others, and any claim of an active or closed ticket, get
  // kFailedPrecondition; an unknown ticket kNotFound. now_ms 0 = now.
  virtual Result<Ticket> claim_ticket(int64_t ticket_id, const std::string& agent_id,
                                      int64_t now_ms = 0) = 0;
  // waiting|active -> closed. kFailedPrecondition when already closed.
  virtual Result<Ticket> close_ticket(int64_t ticket_id, const std::string& resolution,
                                      int64_t now_ms = 0) = 0;
  // Records the reply time promised to the investor (0 clears it).
  virtual Status set_expected_reply(int64_t ticket_id, int64_t at_ms) = 0;

  // --- feedback and unanswered questions ----------------------------------
  // See Feedback for what is refused.
  virtual Status add_feedback(const Feedback& feedback) = 0;
  virtual Status add_unanswered(const std::string& session_id, const std::string& text,
                                int64_t now_ms = 0) = 0;
  // Newest first, at most `limit`.
  virtual Result<std::vector<Unanswered>> list_unanswered(int limit = 100) = 0;

  // --- agent records ------------------------------------------------------
  // kNotFound for an unknown ticket; kInvalidArgument for an empty text or agent.
  virtual Result<Note> add_note(const NewNote& note) = 0;
  // The notes of every ticket of the ticket's session, oldest first (what
  // earlier agents wrote about this customer too). kNotFound for an unknown ticket.
  virtual Result<std::vector<Note>> notes_of(int64_t ticket_id) = 0;
  // Once per ticket: a second rating is kFailedPrecondition, a score outside
  // 1..5 kInvalidArgument, an unknown ticket kNotFound. The agent is the
  // ticket's claimed_by at the time of rating.
  virtual Status add_rating(const Rating& rating) = 0;
  // The ticket's rating, nullopt when not rated.
  virtual Result<std::optional<Rating>> rating_of(int64_t ticket_id) = 0;
  // Per agent with at least one rating, by agent id.
  virtual Result<std::vector<AgentRating>> agent_ratings() = 0;
  // Newest first, at most query.limit. See ConversationQuery.
  virtual Result<std::vector<ConversationHit>> search_conversations(const ConversationQuery& query) = 0;

  // --- reports --------------------------------------------------------------
  // Messages, tickets and feedback created in [from_ms, to_ms): the earliest
  // `limit` (>= 1) of each.
  virtual Result<Activity> activity(int64_t from_ms, int64_t to_ms, int limit) = 0;

  // --- processed webhook events -------------------------------------------
  // Insert-or-ignore of (channel, event_id): true when this call recorded it
  // (process the event), false when it was already recorded (a retry: only
  // acknowledge). Durable across restarts. Both ids non-empty.
  virtual Result<bool> mark_event_processed(const std::string& channel,
                                            const std::string& event_id,
                                            int64_t now_ms = 0) = 0;
  // Whether (channel, event_id) is recorded (by either of the above or a Turn).
  virtual Result<bool> event_processed(const std::string& channel,
                                       const std::string& event_id) = 0;

  // --- retention and investors' requests ------------------------------------
  // Erases personal data older than cutoff_ms: sessions last updated before
  // it that have no waiting or active ticket, with their messages, tickets,
  // feedback and unanswered questions; processed webhook event ids and sent
  // or failed outbox rows created before it. Returns the sessions erased.
  virtual Result<int64_t> erase_older_than(int64_t cutoff_ms) = 0;
  // Ids of the sessions of `user_id`, oldest first (an investor's export).
  virtual Result<std::vector<std::string>> sessions_of_user(const std::string& user_id) = 0;
  // Erases every session of `user_id` as above, open tickets included.
  // Returns the sessions erased.
  virtual Result<int64_t> erase_user(const std::string& user_id) = 0;

  // --- messages committed by other replicas ------------------------------
  // Waits up to timeout_ms for messages committed by any replica on this
  // database (this one included) and returns them (session id, message id);
  // empty on timeout. Notices of messages committed before the first call
  // are not seen. kFailedPrecondition when the backend has none (SQLite:
  // one host; the service's in-process bus sees every message). One thread
  // at a time (the service's relay).
  virtual Result<std::vector<MessageNotice>> wait_message_notices(int timeout_ms) = 0;

  // --- knowledge-base versions (see KbVersion) -------------------------------
  // Every replica serves live_kb_version() and polls it, so one replica's
  // release reaches the others.
  virtual Result<KbVersion> create_kb_version(const NewKbVersion& version) = 0;
  virtual Result<KbVersion> change_kb_version(const KbVersionChange& change) = 0;
  // With its files; kNotFound when there is none.
  virtual Result<KbVersion> kb_version(int64_t id) = 0;
  // Newest first, at most `limit` (>= 1), without their files.
  virtual Result<std::vector<KbVersion>> kb_versions(int limit) = 0;
  // The live version's id, 0 when none was released yet. One small read.
  virtual Result<int64_t> live_kb_version() = 0;
  // Newest first, at most `limit` (>= 1).
  virtual Result<std::vector<KbAudit>> kb_audit(int limit) = 0;

  // --- outbox of IM replies -----------------------------------------------
  virtual Result<int64_t> enqueue_outbound(const NewOutbound& message) = 0;
  // Pending messages with next_attempt_at <= now_ms, earliest first, at most
  // `limit`. Each returned message is leased: its next_attempt_at moves to
  // now_ms + lease_ms, so a concurrent caller (another thread or replica)
  // does not get it again until the lease ends; finish it with mark_sent or
  // mark_failed. now_ms 0 = now.
  virtual Result<std::vector<Outbound>> due_outbound(int64_t now_ms, int limit,
                                                     int64_t lease_ms = 30000) = 0;
  virtual Status mark_sent(int64_t outbound_id, int64_t now_ms = 0) = 0;
  // Counts a failed attempt and keeps the error. retry_at_ms > 0: stays
  // pending and is due again then. retry_at_ms == 0: given up, status failed
  // (kept, counted by count_failed, never dropped).
  virtual Status mark_failed(int64_t outbound_id, const std::string& error,
                             int64_t retry_at_ms) = 0;
  virtual Result<int64_t> count_failed() = 0;
  virtual Result<Outbound> get_outbound(int64_t outbound_id) = 0;

  // --- IM channels' read positions -------------------------------------------
  // Where a channel has read a platform's message stream up to (the 微信客服
  // sync_msg cursor of one OpenKfId), by a name of the channel's choosing
  // (non-empty, <= 256 bytes); "" when none is recorded. Shared by every
  // replica and kept across restarts. The last set wins.
  virtual Result<std::string> channel_cursor(const std::string& name) = 0;
  virtual Status set_channel_cursor(const std::string& name, const std::string& value) = 0;

  // --- live marks shared by replicas ---------------------------------------
  // "X happened at" marks that every replica must see though only one was
  // told: who is typing in a conversation, when an agent was last active.
  // By name (non-empty, <= 256 bytes, of the caller's choosing; no personal
  // data). set_live_mark records at_ms (the last set wins); live_mark is 0
  // when there is none; drop_live_marks removes the marks whose name starts
  // with `prefix` and whose time is before `before_ms` (returns how many).
  virtual Status set_live_mark(const std::string& name, int64_t at_ms) = 0;
  virtual Result<int64_t> live_mark(const std::string& name) = 0;
  virtual Status clear_live_mark(const std::string& name) = 0;
  virtual Result<int64_t> drop_live_marks(const std::string& prefix, int64_t before_ms) = 0;

  // --- server secrets and health ------------------------------------------
  // The secret stored under `name`; when there is none yet, `candidate` is
  // stored and returned. Every replica on one database gets the same value
  // (the first writer wins). Both non-empty.
  virtual Result<std::string> server_secret(const std::string& name,
                                            const std::string& candidate) = 0;
  // Commits a small write (one probe row) to prove the store can write now:
  // kInternal when the database is read-only, full, locked or unreachable.
  virtual Status check_writable() = 0;
};

// Options common to both implementations.
struct StoreOptions {
  // SQLite: false (default) = WAL + synchronous=NORMAL: a committed write
  // survives a crash or kill -9 of the process, not a power loss of the
  // machine. true = synchronous=FULL: every commit is fsynced (survives power
  // loss), at the cost of one fsync per transaction. Ignored by PostgreSQL
  // (the server's own settings decide).
  bool sync_every_commit = false;
  int sqlite_read_connections = 4;   // reader pool size (WAL readers)
  int sqlite_busy_timeout_ms = 5000; // another process holding the write lock
  int postgres_connections = 4;      // pool size
  // PostgreSQL: schema to use (created if missing); "" = the server default.
  std::string postgres_schema;
  // Steps appended after the backend's built-in migrations (versions must
  // continue the built-in numbering). For tests and for staged upgrades.
  std::vector<Migration> extra_migrations;
};

// "postgresql://…" or "postgres://…" (any libpq URI) opens PostgreSQL;
// anything else is a SQLite data directory (created if missing; the database
// file is <dir>/faqbot.db). Runs pending schema migrations before returning.
// A SQLite file that fails PRAGMA quick_check is refused with kDataLoss.
Result<std::unique_ptr<Store>> open_store(const std::string& url_or_path,
                                          const StoreOptions& options = {});

// Current wall-clock time in ms since the epoch.
int64_t now_ms();

}  // namespace faqbot::store
