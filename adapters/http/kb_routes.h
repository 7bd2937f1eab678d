#pragma once
// The knowledge-base release API (bot/ops/kb_releases.h), behind the admin
// tokens: candidates, their evaluation and diff, maker-checker approval,
// gated release, rollback, the audit log, and who the caller is.
//   GET  /v1/admin/whoami
//   POST /v1/admin/kb/candidates           {"note","changes":[…],"base"?}
//   GET  /v1/admin/kb/versions             {"live","versions":[…]}
//   GET  /v1/admin/kb/versions/{id}        version + "diff"
//   POST /v1/admin/kb/versions/{id}/approve
//   POST /v1/admin/kb/versions/{id}/release {"override_reason"?}
//   POST /v1/admin/kb/rollback             {"to"}
//   GET  /v1/admin/audit?limit=N
#include "adapters/http/routes.h"
#include "bot/ops/kb_releases.h"

namespace faqbot::http {

void register_kb_routes(HttpServer& server, ApiContext& ctx);

// The response to a refused release action: 422 validation_failed |
// 404 not_found | 403 forbidden | 409 conflict | 409 not_approved |
// 409 busy (another action is running) | 422 evaluation_regressed | 503 unavailable, details when there are any.
Response kb_refusal_response(const ops::KbOutcome& outcome);

}  // namespace faqbot::http
