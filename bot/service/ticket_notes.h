#pragma once
// Internal notes agents write on a ticket: stored beside the transcript,
// never shown or sent to the investor, visible to every agent on every later
// ticket of the same conversation. Thread-safe (the store is).
#include <cstdint>
#include <string>
#include <vector>

#include "bot/store/store.h"

namespace faqbot::service {

class TicketNotes {
 public:
  // Borrows `store` (outlives this). Notes are at most max_chars characters.
  TicketNotes(store::Store& store, size_t max_chars) : store_(store), max_chars_(max_chars) {}

  // Any agent may note any ticket, whatever its state. kInvalidArgument for
  // an empty or over-long text, kNotFound for an unknown ticket.
  Result<store::Note> add(int64_t ticket_id, const std::string& agent_id, const std::string& text);
  // The notes of the ticket's conversation, oldest first.
  Result<std::vector<store::Note>> of(int64_t ticket_id) { return store_.notes_of(ticket_id); }

 private:
  store::Store& store_;
  size_t max_chars_;
};

}  // namespace faqbot::service
