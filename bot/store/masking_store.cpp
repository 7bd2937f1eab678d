#include "bot/store/masking_store.h"

#include <nlohmann/json.hpp>

#include "bot/pii.h"

namespace faqbot::store {
namespace {

bool written_by_a_person(Role role) { return role == Role::kInvestor || role == Role::kAgent; }

// Masks every string in `j`; true when one changed.
bool mask_strings(nlohmann::json& j) {
  bool changed = false;
  if (j.is_string()) {
    std::string masked = bot::personal_text(j.get_ref<const std::string&>());
    if (masked != j.get_ref<const std::string&>()) {
      j = std::move(masked);
      changed = true;
    }
  } else if (j.is_structured()) {
    for (auto& item : j) changed |= mask_strings(item);
  }
  return changed;
}

Session masked(Session s) {
  s.customer_name = bot::personal_text(s.customer_name);
  s.user_id = bot::personal_text(s.user_id);
  s.state = mask_state(s.state);
  return s;
}

NewMessage masked(NewMessage m) {
  if (written_by_a_person(m.role)) m.text = bot::personal_text(m.text);
  return m;
}

// A callback number is kept in clear only when it is exactly a mainland
// mobile number (the agent must dial it); anything else is masked like text.
std::string callback_number(const std::string& phone) {
  if (phone.empty()) return phone;
  bool mobile = phone.size() == 11 && phone[0] == '1' && phone[1] >= '3' && phone[1] <= '9';
  for (char c : phone) mobile = mobile && c >= '0' && c <= '9';
  return mobile ? phone : bot::personal_text(phone);
}

TicketUpdate masked(TicketUpdate u) {
  u.to.resolution = bot::personal_text(u.to.resolution);
  u.to.callback_phone = callback_number(u.to.callback_phone);
  return u;
}

class MaskingStore final : public Store {
 public:
  explicit MaskingStore(std::unique_ptr<Store> backend) : s_(std::move(backend)) {}

  const char* backend() const override { return s_->backend(); }

  Result<Session> get_session(const std::string& id) override { return s_->get_session(id); }
  Status put_session(const Session& session) override { return s_->put_session(masked(session)); }

  Result<TurnResult> record_turn(const Turn& turn) override {
    Turn t = turn;
    t.session = masked(std::move(t.session));
    for (NewMessage& m : t.messages) m = masked(std::move(m));
    if (t.unanswered) t.unanswered = bot::personal_text(*t.unanswered);
    if (t.ticket_update) t.ticket_update = masked(std::move(*t.ticket_update));
    return s_->record_turn(t);
  }

  Result<int64_t> append_message(const std::string& session_id, const NewMessage& message) override {
    return s_->append_message(session_id, masked(message));
  }
  Result<std::vector<Message>> messages_after(const std::string& session_id, int64_t after_id,
                                              int limit) override {
    return s_->messages_after(session_id, after_id, limit);
  }

  Result<Ticket> open_ticket(const std::string& session_id, const NewTicket& ticket) override {
    return s_->open_ticket(session_id, ticket);
  }
  Result<Ticket> get_ticket(int64_t ticket_id) override { return s_->get_ticket(ticket_id); }
  Result<std::optional<Ticket>> open_ticket_of(const std::string& session_id) override {
    return s_->open_ticket_of(session_id);
  }
  Result<std::vector<Ticket>> list_tickets(TicketStatus status, int limit) override {
    return s_->list_tickets(status, limit);
  }
  Result<int64_t> count_tickets(TicketStatus status) override { return s_->count_tickets(status); }
  Result<int64_t> queue_position(int64_t ticket_id) override { return s_->queue_position(ticket_id); }
  Result<Ticket> claim_ticket(int64_t ticket_id, const std::string& agent_id, int64_t now) override {
    return s_->claim_ticket(ticket_id, agent_id, now);
  }
  Result<Ticket> close_ticket(int64_t ticket_id, const std::string& resolution, int64_t now) override {
    return s_->close_ticket(ticket_id, bot::personal_text(resolution), now);
  }
  Status set_expected_reply(int64_t ticket_id, int64_t at_ms) override {
    return s_->set_expected_reply(ticket_id, at_ms);
  }

  Status add_feedback(const Feedback& feedback) override {
    Feedback f = feedback;
    f.comment = bot::personal_text(f.comment);
    return s_->add_feedback(f);
  }
  Status add_unanswered(const std::string& session_id, const std::string& text, int64_t now) override {
    return s_->add_unanswered(session_id, bot::personal_text(text), now);
  }
  Result<std::vector<Unanswered>> list_unanswered(int limit) override { return s_->list_unanswered(limit); }
  Result<Activity> activity(int64_t from_ms, int64_t to_ms, int limit) override {
    return s_->activity(from_ms, to_ms, limit);
  }

  Result<Note> add_note(const NewNote& note) override {
    NewNote n = note;
    n.text = bot::personal_text(n.text);
    return s_->add_note(n);
  }
  Result<std::vector<Note>> notes_of(int64_t ticket_id) override { return s_->notes_of(ticket_id); }
  Status add_rating(const Rating& rating) override {
    Rating r = rating;
    r.comment = bot::personal_text(r.comment);
    return s_->add_rating(r);
  }
  Result<std::optional<Rating>> rating_of(int64_t ticket_id) override { return s_->rating_of(ticket_id); }
  Result<std::vector<AgentRating>> agent_ratings() override { return s_->agent_ratings(); }
  // What is stored is masked, so a number searched for is masked the same way.
  Result<std::vector<ConversationHit>> search_conversations(const ConversationQuery& query) override {
    ConversationQuery q = query;
    q.text = bot::personal_text(q.text);
    q.customer = bot::personal_text(q.customer);
    return s_->search_conversations(q);
  }

  Result<bool> mark_event_processed(const std::string& channel, const std::string& event_id,
                                    int64_t now) override {
    return s_->mark_event_processed(channel, event_id, now);
  }
  Result<bool> event_processed(const std::string& channel, const std::string& event_id) override {
    return s_->event_processed(channel, event_id);
  }

  Result<std::vector<MessageNotice>> wait_message_notices(int timeout_ms) override {
    return s_->wait_message_notices(timeout_ms);
  }

  Result<int64_t> enqueue_outbound(const NewOutbound& message) override {
    return s_->enqueue_outbound(message);
  }
  Result<std::vector<Outbound>> due_outbound(int64_t now_ms, int limit, int64_t lease_ms) override {
    return s_->due_outbound(now_ms, limit, lease_ms);
  }
  Status mark_sent(int64_t outbound_id, int64_t now_ms) override { return s_->mark_sent(outbound_id, now_ms); }
  Status mark_failed(int64_t outbound_id, const std::string& error, int64_t retry_at_ms) override {
    return s_->mark_failed(outbound_id, bot::mask_pii(error).masked, retry_at_ms);
  }
  Result<int64_t> count_failed() override { return s_->count_failed(); }
  Result<Outbound> get_outbound(int64_t outbound_id) override { return s_->get_outbound(outbound_id); }
  // Secrets and the write probe hold no personal text.
  // A platform's opaque position, no personal data.
  Result<std::string> channel_cursor(const std::string& name) override { return s_->channel_cursor(name); }
  Status set_channel_cursor(const std::string& name, const std::string& value) override {
    return s_->set_channel_cursor(name, value);
  }
  // Marks are named by session and agent ids and hold a time: no personal text.
  Status set_live_mark(const std::string& name, int64_t at_ms) override { return s_->set_live_mark(name, at_ms); }
  Result<int64_t> live_mark(const std::string& name) override { return s_->live_mark(name); }
  Status clear_live_mark(const std::string& name) override { return s_->clear_live_mark(name); }
  Result<int64_t> drop_live_marks(const std::string& prefix, int64_t before_ms) override {
    return s_->drop_live_marks(prefix, before_ms);
  }
  Result<std::string> server_secret(const std::string& name, const std::string& candidate) override {
    return s_->server_secret(name, candidate);
  }
  Status check_writable() override { return s_->check_writable(); }

  // Knowledge-base versions hold the operators' own texts (entries, notes)
  // and admin names; the questions a change adds come from the console's
  // clusters, which were masked when stored. Passed through as given, except
  // the free-text reasons an admin writes about a case (an override, a
  // refusal, the audit detail), which may quote a customer's number.
  Result<KbVersion> create_kb_version(const NewKbVersion& v) override { return s_->create_kb_version(v); }
  Result<KbVersion> change_kb_version(const KbVersionChange& c) override {
    KbVersionChange m = c;
    m.detail = bot::personal_text(m.detail);
    m.override_reason = bot::personal_text(m.override_reason);
    m.refusal_reason = bot::personal_text(m.refusal_reason);
    return s_->change_kb_version(m);
  }
  Result<KbVersion> kb_version(int64_t id) override { return s_->kb_version(id); }
  Result<std::vector<KbVersion>> kb_versions(int limit) override { return s_->kb_versions(limit); }
  Result<int64_t> live_kb_version() override { return s_->live_kb_version(); }
  Result<std::vector<KbAudit>> kb_audit(int limit) override { return s_->kb_audit(limit); }
  Result<int64_t> erase_older_than(int64_t cutoff_ms) override { return s_->erase_older_than(cutoff_ms); }
  // User ids are stored masked: look them up the same way.
  Result<std::vector<std::string>> sessions_of_user(const std::string& user_id) override {
    return s_->sessions_of_user(bot::personal_text(user_id));
  }
  Result<int64_t> erase_user(const std::string& user_id) override {
    return s_->erase_user(bot::personal_text(user_id));
  }

 private:
  std::unique_ptr<Store> s_;
};

}  // namespace

std::string mask_state(const std::string& state) {
  if (state.empty()) return state;
  nlohmann::json j = nlohmann::json::parse(state, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return bot::personal_text(state);
  if (!mask_strings(j)) return state;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::unique_ptr<Store> make_masking_store(std::unique_ptr<Store> backend) {
  return std::make_unique<MaskingStore>(std::move(backend));
}

}  // namespace faqbot::store
