#include "adapters/http/admin_routes.h"

#include "adapters/http/api_error.h"
#include "bot/ops/insights.h"
#include "knowledge/calendar.h"
#ifdef FAQBOT_HAVE_WEB
#include "adapters/web/assets.h"
#endif

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
  auto activity = ctx.service.store().activity(opt.from_ms, opt.to_ms, kMaxActivityRows);
  if (!activity.ok()) return error_response(activity.status());
  return json_response(ops::to_json(ops::compute_insights(activity.value(), *engine, opt)).dump());
}

Response asset(const std::string& path) {
#ifdef FAQBOT_HAVE_WEB
  if (const web::Asset* a = web::find_asset(path)) {
    Response r;
    r.content_type = std::string(a->content_type);
    r.body = std::string(a->body);
    r.headers.emplace_back("Cache-Control", "no-cache");
    return r;
  }
#endif
  return error_response(ApiError::kNotFound, "the web asset " + path + " is not built into this server");
}

}  // namespace

void register_admin_routes(HttpServer& server, ApiContext& ctx) {
  server.add_route(Route{"GET", "/v1/admin/insights",
                         admin_only(ctx, [&ctx](const Request& r) { return get_admin_insights(ctx, r); }),
                         "Operators' insights over a period (?since=7d)"},
                   false);
  for (const char* path : {"/admin", "/admin.js", "/admin.css"}) {
    const std::string p = path;
    server.add_route(Route{"GET", p, [p](const Request&) { return asset(p); }, "Operators' console"}, false);
  }
}

}  // namespace faqbot::http
