#pragma once
// The store every caller gets from open_store(): a Store that masks personal
// data on the way in, then delegates to the backend. It is the one choke
// point that makes "nothing is stored unmasked" hold whatever the caller
// forgot:
//   - message texts of investors and agents, feedback comments, unanswered
//     questions, ticket resolutions, agents' ticket notes, rating comments:
//     bot::personal_text (bidi controls and
//     zero-width characters dropped, card / ID / phone numbers and secrets
//     masked);
//   - a session's customer name and user id: the same;
//   - a session's state (the serialised bot::Conversation, JSON): every
//     string value in it, so the remembered question holds no number;
//   - outbox error texts (a platform may echo the message it refused);
//   - a ticket's callback number: kept in clear only when it is exactly an
//     11-digit mainland mobile number (the one number an agent must dial,
//     given with the investor's consent), masked otherwise.
// Bot and system messages (the operator's own texts) and opaque routing data
// (channel_ref, outbox payloads, ids) are stored as given. Reads pass through,
// except that a conversation search's terms are masked like what they search.
//
// Thread-safety: as the wrapped store (the masking itself is pure).
#include <memory>
#include <string>

#include "bot/store/store.h"

namespace faqbot::store {

std::unique_ptr<Store> make_masking_store(std::unique_ptr<Store> backend);

// `state` with every JSON string value masked (bot::personal_text); `state`
// unchanged when nothing in it needed masking; a state that is not JSON is
// masked as plain text.
std::string mask_state(const std::string& state);

}  // namespace faqbot::store
