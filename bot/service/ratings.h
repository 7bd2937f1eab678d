#pragma once
// The investor's satisfaction rating (1-5) after human service: asked when a
// conversation an agent had taken is closed, stored once per ticket, averaged
// per agent for the console. Thread-safe (the store is).
#include <cstdint>
#include <string>
#include <vector>

#include "bot/store/store.h"

namespace faqbot::service {

struct RatingState {
  int64_t ticket_id = 0;
  bool askable = false;  // closed after an agent took it, and not rated yet
  int score = 0;         // the rating given, 0 = none
};

class Ratings {
 public:
  // Borrows `store`. Comments are at most max_chars characters.
  Ratings(store::Store& store, size_t max_chars) : store_(store), max_chars_(max_chars) {}

  // The investor of `session_id` (already authorised) rates its ticket.
  // kNotFound when the ticket is not one of the session's (whether or not it
  // exists), kFailedPrecondition when it is not closed, no agent had taken
  // it, or it is rated already; kInvalidArgument for a score outside 1..5 or
  // a bad comment.
  Status rate(const std::string& session_id, int64_t ticket_id, int score,
              const std::string& comment);
  // Whether the session's ticket can be rated, and its rating. kNotFound as rate().
  Result<RatingState> state(const std::string& session_id, int64_t ticket_id);
  Result<std::vector<store::AgentRating>> per_agent() { return store_.agent_ratings(); }

 private:
  Result<store::Ticket> ticket_of_session(const std::string& session_id, int64_t ticket_id);

  store::Store& store_;
  size_t max_chars_;
};

}  // namespace faqbot::service
