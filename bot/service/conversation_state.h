#pragma once
// bot::Conversation <-> the JSON text kept in store::Session::state.
// Pure functions; thread-safe.
#include <string>

#include "bot/conversation.h"

namespace faqbot::service {

std::string conversation_to_json(const bot::Conversation& conversation);

// An empty or unreadable state gives a fresh Conversation (a session whose
// state cannot be read starts over rather than failing the investor's turn).
bot::Conversation conversation_from_json(const std::string& json_text);

}  // namespace faqbot::service
