#pragma once
// Handlers of the agent console's routes beside the handoff desk (alerts and
// counts, notes, typing, search, ratings, the agents list) and of the
// investor's typing and rating routes. Registered in routes.cpp with all the
// others; they only parse, validate, call the service parts held by
// ApiContext and render JSON.
#include "adapters/http/http_types.h"
#include "adapters/http/routes.h"

namespace faqbot::http {

// agent token
Response get_handoffs_summary(ApiContext& ctx, const Request& req);
Response get_handoff_notes(ApiContext& ctx, const Request& req);
Response post_handoff_note(ApiContext& ctx, const Request& req);
Response get_handoff_typing(ApiContext& ctx, const Request& req);
Response post_handoff_typing(ApiContext& ctx, const Request& req);
Response get_agents(ApiContext& ctx, const Request& req);
// agent or admin token
Response get_conversations(ApiContext& ctx, const Request& req);
Response get_conversation_messages(ApiContext& ctx, const Request& req);
// the investor's session credential
Response get_session_typing(ApiContext& ctx, const Request& req);
Response post_session_typing(ApiContext& ctx, const Request& req);
Response get_session_rating(ApiContext& ctx, const Request& req);
Response post_session_rating(ApiContext& ctx, const Request& req);

}  // namespace faqbot::http
