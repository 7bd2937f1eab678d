#include "bot/store/sql/agent_records.h"

#include "bot/store/sql/rows.h"

namespace faqbot::store::sql {
namespace {

const std::string kNoteColumns = "n.id, n.ticket_id, n.agent_id, n.text, n.created_at";

Status invalid(const std::string& message) { return {StatusCode::kInvalidArgument, message}; }

Result<Note> note_from(const Query& q) {
  return Note{q.int_at(0), q.int_at(1), q.text_at(2), q.text_at(3), q.int_at(4)};
}

Result<Rating> rating_from(const Query& q) {
  return Rating{q.int_at(0), static_cast<int>(q.int_at(1)), q.text_at(2), q.text_at(3), q.int_at(4)};
}

Result<AgentRating> agent_rating_from(const Query& q) {
  return AgentRating{q.text_at(0), q.int_at(1), q.double_at(2)};
}

// kMessageColumns of m, then the session's customer and its latest ticket.
Result<ConversationHit> hit_from(const Query& q) {
  Result<Message> m = message_from(q);
  if (!m.ok()) return m.status();
  ConversationHit h;
  h.message = std::move(m).value();
  const int n = kMessageColumnCount;
  h.user_id = q.text_at(n);
  h.customer_name = q.text_at(n + 1);
  h.channel = q.text_at(n + 2);
  h.ticket_id = q.int_at(n + 3);
  return h;
}

Status ticket_exists(Connection& c, int64_t ticket_id) {
  auto found = query_maybe<int64_t>(c, "SELECT 1 FROM tickets WHERE id = ?1", int_from, ticket_id);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return {StatusCode::kNotFound, "no ticket " + std::to_string(ticket_id)};
  return Status::Ok();
}

// A LIKE pattern matching any text that contains `text` literally (% _ and
// \ escaped with \, for ESCAPE '\').
std::string like_contains(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// "m." prefixed kMessageColumns.
std::string message_columns_of_m() {
  std::string out = "m.";
  for (char c : kMessageColumns) {
    out += c;
    if (c == ' ') out += "m.";
  }
  return out;
}

}  // namespace

Result<Note> add_note(Database& db, const NewNote& note) {
  if (note.text.empty()) return invalid("a note needs a text");
  if (!storable(note.text)) return invalid("note text is not valid UTF-8 text");
  if (note.agent_id.empty()) return invalid("agent id is empty");
  return produce<Note>(db, true, [&](Connection& c) -> Result<Note> {
    if (Status s = ticket_exists(c, note.ticket_id); !s.ok()) return s;
    return query_one<Note>(c,
                           "INSERT INTO ticket_notes (ticket_id, agent_id, text, created_at) "
                           "VALUES (?1, ?2, ?3, ?4) RETURNING id, ticket_id, agent_id, text, created_at",
                           note_from, "insert returned no note", note.ticket_id, note.agent_id,
                           note.text, or_now(note.created_at_ms));
  });
}

Result<std::vector<Note>> notes_of(Database& db, int64_t ticket_id) {
  return produce<std::vector<Note>>(db, false, [&](Connection& c) -> Result<std::vector<Note>> {
    if (Status s = ticket_exists(c, ticket_id); !s.ok()) return s;
    return query_all<Note>(
        c,
        "SELECT " + kNoteColumns + " FROM ticket_notes n JOIN tickets t ON t.id = n.ticket_id "
        "WHERE t.session_id = (SELECT session_id FROM tickets WHERE id = ?1) ORDER BY n.id",
        note_from, ticket_id);
  });
}

Status add_rating(Database& db, const Rating& rating) {
  if (rating.score < 1 || rating.score > 5) return invalid("a rating is a score from 1 to 5");
  if (!storable(rating.comment)) return invalid("rating comment is not valid UTF-8 text");
  return db.write([&](Connection& c) -> Status {
    // The agent is whoever holds the ticket now; one rating a ticket.
    auto n = execute(c,
                     "INSERT INTO ratings (ticket_id, score, comment, agent_id, created_at) "
                     "SELECT id, CAST(?2 AS INTEGER), CAST(?3 AS TEXT), claimed_by, CAST(?4 AS BIGINT) "
                     "FROM tickets WHERE id = ?1 ON CONFLICT (ticket_id) DO NOTHING",
                     rating.ticket_id, rating.score, rating.comment, or_now(rating.created_at_ms));
    if (!n.ok()) return n.status();
    if (n.value() == 1) return Status::Ok();
    if (Status s = ticket_exists(c, rating.ticket_id); !s.ok()) return s;
    return {StatusCode::kFailedPrecondition,
            "ticket " + std::to_string(rating.ticket_id) + " is already rated"};
  });
}

Result<std::optional<Rating>> rating_of(Database& db, int64_t ticket_id) {
  return produce<std::optional<Rating>>(db, false, [&](Connection& c) {
    return query_maybe<Rating>(
        c, "SELECT ticket_id, score, comment, agent_id, created_at FROM ratings WHERE ticket_id = ?1",
        rating_from, ticket_id);
  });
}

Result<std::vector<AgentRating>> agent_ratings(Database& db) {
  return produce<std::vector<AgentRating>>(db, false, [&](Connection& c) {
    return query_all<AgentRating>(c,
                                  "SELECT agent_id, COUNT(*), AVG(CAST(score AS DOUBLE PRECISION)) "
                                  "FROM ratings WHERE agent_id <> '' GROUP BY agent_id ORDER BY agent_id",
                                  agent_rating_from);
  });
}

Result<std::vector<ConversationHit>> search_conversations(Database& db,
                                                          const ConversationQuery& query) {
  if (query.text.empty() && query.customer.empty()) return invalid("search needs a text or a customer");
  if (!storable(query.text) || !storable(query.customer)) return invalid("search terms are not valid UTF-8 text");
  if (query.limit < 1) return invalid("limit must be >= 1");
  // A scan of the messages (LIKE '%…%' uses no index), newest first, cut at
  // the limit: an agent's occasional search, not a hot path.
  return produce<std::vector<ConversationHit>>(db, false, [&](Connection& c) {
    return query_all<ConversationHit>(
        c,
        "SELECT " + message_columns_of_m() + ", s.user_id, s.customer_name, s.channel, "
        "COALESCE((SELECT MAX(t.id) FROM tickets t WHERE t.session_id = m.session_id), 0) "
        "FROM messages m JOIN sessions s ON s.id = m.session_id "
        "WHERE (?1 = '' OR LOWER(m.text) LIKE LOWER(?2) ESCAPE '\\') "
        "AND (?3 = '' OR s.id = ?3 OR LOWER(s.user_id) LIKE LOWER(?4) ESCAPE '\\' "
        "OR LOWER(s.customer_name) LIKE LOWER(?4) ESCAPE '\\') "
        "ORDER BY m.id DESC LIMIT ?5",
        hit_from, query.text, like_contains(query.text), query.customer,
        like_contains(query.customer), query.limit);
  });
}

}  // namespace faqbot::store::sql
