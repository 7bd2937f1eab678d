#pragma once
// An investor's data on request, for the operator (admin token):
//   GET    /v1/admin/investors/{user_id}/export  every session of that user id
//          with its transcript, as JSON (what is stored: masked as stored)
//   DELETE /v1/admin/investors/{user_id}         erases those sessions, their
//          messages, tickets, feedback and unanswered questions
// The user id is the one given to POST /v1/chat (`user_id`) or the IM
// platform's user id. Retention (Settings::retention_days) runs in the App.
#include "adapters/http/routes.h"

namespace faqbot::http {

void register_privacy_routes(HttpServer& server, ApiContext& ctx);

}  // namespace faqbot::http
