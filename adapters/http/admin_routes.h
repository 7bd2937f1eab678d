#pragma once
// The operators' console: GET /admin (+ admin.js, admin.css) and its admin
// API, GET /v1/admin/insights?since=7d (bot/ops/insights.h) and
// GET /v1/admin/kb/entries (the entry picker), behind the admin token.
#include "adapters/http/routes.h"

namespace faqbot::http {

void register_admin_routes(HttpServer& server, ApiContext& ctx);

}  // namespace faqbot::http
