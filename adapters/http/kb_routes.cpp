#include "adapters/http/kb_routes.h"

#include <iostream>

#include "adapters/http/api_error.h"
#include "adapters/http/route_helpers.h"
#include "bot/ops/kb_releases.h"
#include "bot/ops/kb_views.h"

namespace faqbot::http {
namespace {

constexpr int kMaxVersionsListed = 200;
constexpr int kMaxAuditLines = 1000;

using KbHandler = Response (*)(ApiContext&, const Request&, const std::string& admin);

// `handler` for an authenticated admin; 503 when it needs versions and they are off.
Handler kb_route(ApiContext& ctx, KbHandler handler, bool needs_versions) {
  return [&ctx, handler, needs_versions](const Request& req) {
    Response error;
    std::string admin;
    if (!authenticate_admin(ctx, req, &error, &admin)) return error;
    if (needs_versions && ctx.releases == nullptr) {
      return error_response(ApiError::kUnavailable,
                            "knowledge-base versions are off: this server's engine is not loaded from the store");
    }
    return handler(ctx, req, admin);
  };
}

Response outcome_response(const ops::KbOutcome& out, int status = 200) {
  if (!out.ok()) return kb_refusal_response(out);
  return json_response(dump(ops::version_json(out.version)), status);
}

bool version_id_of(const Request& req, int64_t* id, Response* error) {
  if (parse_id(req.path_param("id"), id)) return true;
  *error = error_response(ApiError::kNotFound, "no such knowledge-base version");
  return false;
}

// ?limit=N in [1, max], default `fallback`; false with a 400 otherwise.
bool limit_of(const Request& req, int fallback, int max, int* out, Response* error) {
  const std::string text = req.param("limit");
  int64_t n = fallback;
  if (!text.empty() && (!parse_id(text, &n) || n < 1 || n > max)) {
    *error = error_response(ApiError::kBadRequest, "limit must be 1-" + std::to_string(max));
    return false;
  }
  *out = static_cast<int>(n);
  return true;
}

Response get_whoami(ApiContext&, const Request&, const std::string& admin) {
  return json_response(dump({{"name", admin}}));
}

Response post_candidate(ApiContext& ctx, const Request& req, const std::string& admin) {
  json body;
  Response error;
  std::string note;
  if (!parse_object(req, &body, &error) || !optional_string(body, "note", &note, &error)) return error;
  auto changes = body.find("changes");
  if (changes == body.end() || !changes->is_array() || changes->empty()) {
    return error_response(ApiError::kValidation, "changes must be a non-empty array");
  }
  int64_t base = 0;
  if (auto b = body.find("base"); b != body.end() && !b->is_null()) {
    if (!b->is_number_integer() || b->get<int64_t>() < 1) return error_response(ApiError::kValidation, "base must be a version id");
    base = b->get<int64_t>();
  }
  return outcome_response(ctx.releases->create_candidate(admin, note, *changes, base), 201);
}

Response get_versions(ApiContext& ctx, const Request& req, const std::string&) {
  Response error;
  int limit = 0;
  if (!limit_of(req, kMaxVersionsListed, kMaxVersionsListed, &limit, &error)) return error;
  auto live = ctx.service.store().live_kb_version();
  if (!live.ok()) return error_response(live.status());
  auto versions = ctx.service.store().kb_versions(limit);
  if (!versions.ok()) return error_response(versions.status());
  json list = json::array();
  for (const store::KbVersion& v : versions.value()) list.push_back(ops::version_json(v));
  return json_response(dump({{"live", live.value()}, {"serving", ctx.releases->serving_version()}, {"versions", std::move(list)}}));
}

Response get_version(ApiContext& ctx, const Request& req, const std::string&) {
  Response error;
  int64_t id = 0;
  if (!version_id_of(req, &id, &error)) return error;
  auto described = ctx.releases->describe(id);
  if (!described.ok()) return error_response(described.status());
  return json_response(dump(described.value()));
}

Response post_approve(ApiContext& ctx, const Request& req, const std::string& admin) {
  Response error;
  int64_t id = 0;
  if (!version_id_of(req, &id, &error)) return error;
  return outcome_response(ctx.releases->approve(id, admin));
}

Response post_refuse(ApiContext& ctx, const Request& req, const std::string& admin) {
  Response error;
  int64_t id = 0;
  if (!version_id_of(req, &id, &error)) return error;
  json body;
  std::string reason;
  if (!parse_object(req, &body, &error) || !optional_string(body, "reason", &reason, &error)) return error;
  return outcome_response(ctx.releases->refuse(id, admin, reason));
}

Response post_release(ApiContext& ctx, const Request& req, const std::string& admin) {
  Response error;
  int64_t id = 0;
  if (!version_id_of(req, &id, &error)) return error;
  std::string reason;
  if (!req.body.empty()) {
    json body;
    if (!parse_object(req, &body, &error) || !optional_string(body, "override_reason", &reason, &error)) return error;
  }
  return outcome_response(ctx.releases->release(id, admin, reason));
}

Response post_rollback(ApiContext& ctx, const Request& req, const std::string& admin) {
  json body;
  Response error;
  if (!parse_object(req, &body, &error)) return error;
  auto to = body.find("to");
  if (to == body.end() || !to->is_number_integer() || to->get<int64_t>() < 1) {
    return error_response(ApiError::kValidation, "to must be the id of an earlier version");
  }
  return outcome_response(ctx.releases->rollback(to->get<int64_t>(), admin));
}

Response get_audit(ApiContext& ctx, const Request& req, const std::string&) {
  Response error;
  int limit = 0;
  if (!limit_of(req, 100, kMaxAuditLines, &limit, &error)) return error;
  auto lines = ctx.service.store().kb_audit(limit);
  if (!lines.ok()) return error_response(lines.status());
  json out = json::array();
  for (const store::KbAudit& a : lines.value()) {
    out.push_back({{"at", a.at_ms}, {"actor", a.actor}, {"action", a.action},
                   {"version_id", a.version_id == 0 ? json(nullptr) : json(a.version_id)}, {"detail", a.detail}});
  }
  return json_response(dump(out));
}

}  // namespace

Response kb_refusal_response(const ops::KbOutcome& out) {
  using R = ops::KbRefusal;
  const char* code = "validation_failed";
  int status = 422;
  switch (out.refusal) {
    case R::kNone:
    case R::kInvalid: break;
    case R::kNotFound: code = "not_found", status = 404; break;
    case R::kForbidden: code = "forbidden", status = 403; break;
    case R::kConflict: code = "conflict", status = 409; break;
    case R::kNotApproved: code = "not_approved", status = 409; break;
    case R::kBusy: code = "busy", status = 409; break;
    case R::kRegressed: code = "evaluation_regressed"; break;
    case R::kUnavailable:
      std::cerr << "faqbot serve: knowledge-base action failed: " << out.message << "\n";
      return error_response(ApiError::kUnavailable, "the knowledge-base action could not be completed, try again");
  }
  json e = {{"code", code}, {"message", out.message}};
  if (!out.details.empty()) e["details"] = out.details;
  return json_response(dump({{"error", std::move(e)}}), status);
}

void register_kb_routes(HttpServer& server, ApiContext& ctx) {
  auto add = [&](const char* method, const char* path, KbHandler handler, const char* summary) {
    server.add_route(Route{method, path, kb_route(ctx, handler, handler != get_whoami), summary}, false);
  };
  add("GET", "/v1/admin/whoami", get_whoami, "The admin this token names");
  add("POST", "/v1/admin/kb/candidates", post_candidate, "Propose a knowledge-base change (evaluated candidate)");
  add("GET", "/v1/admin/kb/versions", get_versions, "Knowledge-base versions, newest first, and the live one");
  add("GET", "/v1/admin/kb/versions/{id}", get_version, "One version with its evaluation and diff");
  add("POST", "/v1/admin/kb/versions/{id}/approve", post_approve, "Approve a candidate (not its author)");
  add("POST", "/v1/admin/kb/versions/{id}/refuse", post_refuse, "Refuse a candidate or approved version, with a reason");
  add("POST", "/v1/admin/kb/versions/{id}/release", post_release, "Release an approved version, gated by evaluation");
  add("POST", "/v1/admin/kb/rollback", post_rollback, "Make an earlier version live again");
  add("GET", "/v1/admin/audit", get_audit, "Audit log of knowledge-base changes, newest first");
}

}  // namespace faqbot::http
