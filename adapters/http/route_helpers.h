#pragma once
// Helpers the route handlers share (routes.cpp, console_routes.cpp, admin_routes.cpp): JSON
// bodies, ids, token checks and the JSON shapes of stored records. Each one
// that can fail fills `error` with the response to send and returns false.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "adapters/http/http_types.h"
#include "adapters/http/routes.h"

namespace faqbot::http {

using nlohmann::json;

std::string dump(const json& j);  // compact, invalid UTF-8 replaced
int64_t wall_ms();

// A JSON object body (else 400 malformed_json / invalid_utf8).
bool parse_object(const Request& req, json* out, Response* error);
// An optional string field: absent/null -> "", another type -> 422.
bool optional_string(const json& body, const char* name, std::string* out, Response* error);
bool parse_id(const std::string& text, int64_t* out);  // 1-18 ASCII digits
json nullable(const std::string& s);                    // "" -> null
json message_json(const store::Message& m);

std::string bearer_token(const Request& req);
// The agent id for a valid agent token; 401/403/429 otherwise.
bool authenticate_agent(ApiContext& ctx, const Request& req, std::string* agent, Response* error);
// An admin token: FAQBOT_ADMINS' named ones, or FAQBOT_ADMIN_TOKEN as
// "admin". Sets *name (when non-null) to the admin's name; 401/403/429 otherwise.
bool authenticate_admin(ApiContext& ctx, const Request& req, Response* error, std::string* name = nullptr);
// The admin named by `token`, "" when it is none (constant-time comparisons).
std::string admin_for_token(const Settings& settings, const std::string& token);
// The investor's own session (credential as Bearer, or ?session_token=
// where `query_allowed`); any failure is the same 401.
Result<store::Session> authorize_session(ApiContext& ctx, const Request& req,
                                         const std::string& session_id, bool query_allowed);
// The {id} path parameter as a ticket id (else 404).
bool ticket_id_of(const Request& req, int64_t* id, Response* error);
// A page, script or style built into the server (adapters/web/assets.h),
// sent with Cache-Control: no-cache; 404 when this build has no such asset.
Response get_asset(const std::string& path);

}  // namespace faqbot::http
