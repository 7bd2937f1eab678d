#pragma once
// Every route of the faqbot HTTP API, registered in one place (routes.cpp).
// Handlers are named verb_action and only parse, validate, call the
// service::Service and render JSON.
#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "adapters/http/agent_presence.h"
#include "adapters/http/http_types.h"
#include "adapters/http/metrics.h"
#include "adapters/http/rate_limiter.h"
#include "adapters/http/server.h"
#include "adapters/http/settings.h"
#include "bot/service/agent_assist.h"
#include "bot/service/ratings.h"
#include "bot/service/service.h"
#include "bot/service/ticket_notes.h"
#include "bot/service/typing_board.h"

namespace faqbot::ops {
class KbReleases;
}

namespace faqbot::http {

// What the handlers share. Owned by the App; outlives the server.
struct ApiContext {
  ApiContext(service::Service& svc, const Settings& s, HttpMetrics& m)
      : service(svc), settings(s), metrics(m), session_limiter(s.rate_session),
        auth_failures(s.rate_auth_failures),
        notes(svc.store(), svc.options().max_text_chars),
        ratings(svc.store(), svc.options().max_text_chars),
        assist(svc.engines(), svc.options().quick_replies),
        typing(svc.store()),
        presence(svc.store()) {}
  service::Service& service;
  const Settings& settings;
  HttpMetrics& metrics;
  RateLimiter session_limiter;
  // Failed agent/admin token checks per client address: once exhausted, every
  // token check from that address answers 429 until it refills.
  RateLimiter auth_failures;
  const HttpServer* server = nullptr;  // for /openapi.json (extension routes)
  // Open Server-Sent Events streams. Each pins a worker thread, so at most
  // half the workers may stream; more answer 503 (the widget then polls).
  std::atomic<int> event_streams{0};
  // The agent console's parts beside the handoff desk (console_routes.cpp).
  service::TicketNotes notes;
  service::Ratings ratings;
  service::AgentAssist assist;
  service::TypingBoard typing;
  AgentPresence presence;
  // Knowledge-base versions and releases; null when the engine does not come
  // from the store (AppOptions::loader given: tests with a scripted engine).
  ops::KbReleases* releases = nullptr;
};

// Extension point for IM webhook channels (adapters/channels/): a provider
// returns the routes to mount, built over the shared Service. Its routes are
// mounted after the core ones and listed in /openapi.json from their summary.
// To send agent replies back to the IM platform, call
// Service::set_outbound(channel, fn) in the provider. A provider's
// `GET …/metrics` route serves Prometheus text; its body is also appended to
// the service's own /metrics (see is_metrics_route).
using RouteProvider = std::function<std::vector<Route>(service::Service& service)>;

// True for an extension route whose body is Prometheus text to merge into
// /metrics: method GET, path ending in "/metrics".
bool is_metrics_route(const Route& route);

// `handler` behind the admin token (401/403/429 otherwise), as /metrics is:
// for extension metrics routes.
Handler admin_only(ApiContext& ctx, Handler handler);

// Registers the core API (the routes of issue 3) on `server`.
void register_api_routes(HttpServer& server, ApiContext& ctx);

}  // namespace faqbot::http
