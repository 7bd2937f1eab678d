#include "adapters/http/admin_routes.h"

#include "adapters/http/api_error.h"
#include "adapters/http/route_helpers.h"
#include "bot/ops/insights.h"
#include "knowledge/calendar.h"

namespace faqbot::http {
namespace {

constexpr int kMaxActivityRows = 200000;  // per kind, per report

Response get_admin_insights(ApiContext& ctx, const Request& req) {
  const std::string since = req.param("since").empty() ? "7d" : req.param("since");
  const int64_t period = ops::parse_period(since);
  if (period <= 0 || period > int64_t{400} * 86400000) {
    return error_response(ApiError::kBadRequest, "since must be a period such as 7d, 24h or 90m (at most 400d)");
  }
  auto engine = ctx.service.engines().current();
  if (!engine) return error_response(ApiError::kUnavailable, "no knowledge base is loaded");
  ops::InsightsOptions opt;
  opt.to_ms = knowledge::now_epoch_ms() + 1;  // include this millisecond
  opt.from_ms = opt.to_ms - period;
  opt.utc_offset_minutes = engine->kb().calendar.utc_offset_minutes;
  auto insights = ops::insights_from_store(ctx.service.store(), *engine, opt, kMaxActivityRows);
  if (!insights.ok()) return error_response(insights.status());
  return json_response(ops::to_json(insights.value()).dump());
}

// The live knowledge base's entries, for the console's entry picker.
Response get_admin_kb_entries(ApiContext& ctx, const Request&) {
  auto engine = ctx.service.engines().current();
  if (!engine) return error_response(ApiError::kUnavailable, "no knowledge base is loaded");
  json entries = json::array();
  for (const knowledge::Entry& e : engine->kb().entries) {
    entries.push_back({{"id", e.id}, {"title", e.title}, {"category", e.category}, {"questions", e.questions.size()}});
  }
  return json_response(dump({{"kb_hash", engine->kb().content_hash}, {"entries", std::move(entries)}}));
}

}  // namespace

void register_admin_routes(HttpServer& server, ApiContext& ctx) {
  server.add_route(Route{"GET", "/v1/admin/insights",
                         admin_only(ctx, [&ctx](const Request& r) { return get_admin_insights(ctx, r); }),
                         "Operators' insights over a period (?since=7d)"},
                   false);
  server.add_route(Route{"GET", "/v1/admin/kb/entries",
                         admin_only(ctx, [&ctx](const Request& r) { return get_admin_kb_entries(ctx, r); }),
                         "The live knowledge base's entries (id, title, category, number of questions)"},
                   false);
  for (const char* path : {"/admin", "/admin.js", "/admin_fix.js", "/admin_releases.js", "/admin.css"}) {
    const std::string p = path;
    server.add_route(Route{"GET", p, [p](const Request&) { return get_asset(p); }, "Operators' console"}, false);
  }
}

}  // namespace faqbot::http
