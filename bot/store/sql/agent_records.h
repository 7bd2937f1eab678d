#pragma once
// The agent records of store.h (ticket notes, ratings, conversation search)
// written once in SQL over the Database interface; SqlStore forwards its
// Store methods here. Contracts as in store.h.
#include <optional>
#include <vector>

#include "bot/store/sql/database.h"
#include "bot/store/store.h"

namespace faqbot::store::sql {

Result<Note> add_note(Database& db, const NewNote& note);
Result<std::vector<Note>> notes_of(Database& db, int64_t ticket_id);
Status add_rating(Database& db, const Rating& rating);
Result<std::optional<Rating>> rating_of(Database& db, int64_t ticket_id);
Result<std::vector<AgentRating>> agent_ratings(Database& db);
Result<std::vector<ConversationHit>> search_conversations(Database& db, const ConversationQuery& query);

}  // namespace faqbot::store::sql
