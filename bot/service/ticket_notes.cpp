#include "bot/service/ticket_notes.h"

#include "bot/service/typed_text.h"

namespace faqbot::service {

Result<store::Note> TicketNotes::add(int64_t ticket_id, const std::string& agent_id,
                                     const std::string& text) {
  auto clean = clean_typed_text(text, max_chars_, "note");
  if (!clean.ok()) return clean.status();
  store::NewNote note;
  note.ticket_id = ticket_id;
  note.agent_id = agent_id;
  note.text = std::move(clean).value();
  return store_.add_note(note);
}

}  // namespace faqbot::service
