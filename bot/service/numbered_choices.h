#pragma once
// Numbered choices of a conversation: a reply's suggestions (and the offer
// of a human) become "1. … 2. …" or buttons (IM platforms, the widget); what the
// investor answers ("2", or the button's payload) must mean that choice on
// whichever replica gets it, so the payloads are stored with the session
// (store::Session::choices). Pure functions; thread-safe.
#include <string>
#include <vector>

#include "bot/engine.h"
#include "bot/service/service.h"

namespace faqbot::service {

// The payload of a suggested entry: "faq:<entry id>".
constexpr const char* kEntryPayloadPrefix = "faq:";
// Title and payload of the offer of a human.
constexpr const char* kHumanChoice = "转人工";

// What a reply offers the investor to ask next: an answer's related entries
// (Reply::related), a fallback's plausible candidates (Reply::fallback_offers),
// else the engine's candidates (clarify buttons).
const std::vector<bot::Suggestion>& offered_suggestions(const bot::Reply& reply);

// offered_suggestions, then 转人工 when a human is offered and no handoff
// happened.
std::vector<ChatChoice> choices_of(const bot::Reply& reply);

// Payloads as stored in Session::choices ("" for none).
std::string choices_to_store(const std::vector<ChatChoice>& choices);

// What the investor's `text` chooses: a number 1..n of the stored choices
// gives that payload; anything else (also a number out of range or a
// malformed store value) is `text` itself.
std::string chosen_payload(const std::string& stored_choices, const std::string& text);

// The entry id of a payload "faq:<id>", "" for any other text.
std::string entry_of_payload(const std::string& payload);

}  // namespace faqbot::service
