#include "bot/service/ratings.h"

#include "bot/service/typed_text.h"

namespace faqbot::service {
namespace {

bool closed_after_an_agent(const store::Ticket& t) {
  return t.status == store::TicketStatus::kClosed && !t.claimed_by.empty();
}

}  // namespace

Result<store::Ticket> Ratings::ticket_of_session(const std::string& session_id, int64_t ticket_id) {
  auto ticket = store_.get_ticket(ticket_id);
  if (!ticket.ok() && ticket.status().code() != StatusCode::kNotFound) return ticket.status();
  // Another session's ticket is as unknown as a missing one.
  if (!ticket.ok() || ticket->session_id != session_id) {
    return Status(StatusCode::kNotFound, "no such ticket in this conversation");
  }
  return ticket;
}

Status Ratings::rate(const std::string& session_id, int64_t ticket_id, int score,
                     const std::string& comment) {
  if (score < 1 || score > 5) return Status(StatusCode::kInvalidArgument, "score must be 1 to 5");
  store::Rating rating;
  rating.ticket_id = ticket_id;
  rating.score = score;
  if (!comment.empty()) {
    auto clean = clean_typed_text(comment, max_chars_, "comment");
    if (!clean.ok()) return clean.status();
    rating.comment = std::move(clean).value();
  }
  auto ticket = ticket_of_session(session_id, ticket_id);
  if (!ticket.ok()) return ticket.status();
  if (!closed_after_an_agent(ticket.value())) {
    return Status(StatusCode::kFailedPrecondition,
                  "only a conversation with an agent can be rated, once it has ended");
  }
  return store_.add_rating(rating);
}

Result<RatingState> Ratings::state(const std::string& session_id, int64_t ticket_id) {
  auto ticket = ticket_of_session(session_id, ticket_id);
  if (!ticket.ok()) return ticket.status();
  auto given = store_.rating_of(ticket_id);
  if (!given.ok()) return given.status();
  RatingState s;
  s.ticket_id = ticket_id;
  s.score = given->has_value() ? given->value().score : 0;
  s.askable = closed_after_an_agent(ticket.value()) && s.score == 0;
  return s;
}

}  // namespace faqbot::service
