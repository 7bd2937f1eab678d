#include "adapters/http/metrics.h"

#include <cstdio>
#include <sstream>

#include "bot/service/service.h"

namespace faqbot::http {
namespace {

std::string labels(const std::string& method, const std::string& path) {
  return "method=\"" + method + "\",route=\"" + path + "\"";
}

// A Prometheus label value: backslash, double quote and line feed escaped.
std::string label_value(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace

const std::array<double, HttpMetrics::kBuckets - 1>& HttpMetrics::bucket_bounds() {
  static const std::array<double, kBuckets - 1> b = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  return b;
}

HttpMetrics::HttpMetrics() { add_route("ANY", "unmatched"); }

size_t HttpMetrics::add_route(const std::string& method, const std::string& path) {
  auto slot = std::make_unique<Slot>();
  slot->method = method;
  slot->path = path;
  slots_.push_back(std::move(slot));
  return slots_.size() - 1;
}

void HttpMetrics::observe(size_t slot, int status, double seconds) {
  if (slot >= slots_.size()) slot = 0;
  Slot& s = *slots_[slot];
  const int cls = status / 100;
  s.by_class[(cls >= 1 && cls <= 5) ? cls - 1 : 5].fetch_add(1, std::memory_order_relaxed);
  size_t b = 0;
  const auto& bounds = bucket_bounds();
  while (b < bounds.size() && seconds > bounds[b]) ++b;
  s.buckets[b].fetch_add(1, std::memory_order_relaxed);
  s.sum_us.fetch_add(static_cast<int64_t>(seconds * 1e6), std::memory_order_relaxed);
  s.count.fetch_add(1, std::memory_order_relaxed);
}

std::string HttpMetrics::render(service::Service* service) const {
  std::ostringstream out;
  out << "# HELP faqbot_http_requests_total HTTP requests by route and status class.\n"
         "# TYPE faqbot_http_requests_total counter\n";
  static const char* classes[] = {"1xx", "2xx", "3xx", "4xx", "5xx", "other"};
  for (const auto& s : slots_) {
    for (size_t c = 0; c < s->by_class.size(); ++c) {
      const int64_t n = s->by_class[c].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out << "faqbot_http_requests_total{" << labels(s->method, s->path) << ",code=\""
          << classes[c] << "\"} " << n << "\n";
    }
  }
  out << "# HELP faqbot_http_request_duration_seconds Time from routing to the response, by route.\n"
         "# TYPE faqbot_http_request_duration_seconds histogram\n";
  const auto& bounds = bucket_bounds();
  for (const auto& s : slots_) {
    const int64_t count = s->count.load(std::memory_order_relaxed);
    if (count == 0) continue;
    const std::string l = labels(s->method, s->path);
    int64_t cumulative = 0;
    for (size_t b = 0; b < kBuckets; ++b) {
      cumulative += s->buckets[b].load(std::memory_order_relaxed);
      out << "faqbot_http_request_duration_seconds_bucket{" << l << ",le=\""
          << (b < bounds.size() ? fmt(bounds[b]) : "+Inf") << "\"} " << cumulative << "\n";
    }
    out << "faqbot_http_request_duration_seconds_sum{" << l << "} "
        << fmt(s->sum_us.load(std::memory_order_relaxed) / 1e6) << "\n";
    out << "faqbot_http_request_duration_seconds_count{" << l << "} " << count << "\n";
  }
  if (service) render_service(service, out);
  for (const auto& source : expositions_) out << source();
  return out.str();
}

void HttpMetrics::add_exposition(std::function<std::string()> source) {
  expositions_.push_back(std::move(source));
}

void HttpMetrics::render_service(service::Service* service_ptr, std::ostringstream& out) const {
  service::Service* service = service_ptr;
  const service::ServiceStats st = service->stats();
  out << "# HELP faqbot_answers_total Bot replies by action.\n# TYPE faqbot_answers_total counter\n";
  for (size_t i = 0; i < bot::kActionCount; ++i) {
    out << "faqbot_answers_total{action=\"" << bot::to_string(static_cast<bot::Action>(i)) << "\"} "
        << st.answers_by_action[i] << "\n";
  }
  out << "# HELP faqbot_handoffs_total Handoffs to a human by reason.\n# TYPE faqbot_handoffs_total counter\n";
  for (size_t i = 1; i < bot::kHandoffReasonCount; ++i) {
    out << "faqbot_handoffs_total{reason=\"" << bot::to_string(static_cast<bot::HandoffReason>(i)) << "\"} "
        << st.handoffs_by_reason[i] << "\n";
  }
  out << "# HELP faqbot_handoff_queue_length Tickets by status now.\n# TYPE faqbot_handoff_queue_length gauge\n";
  for (auto status : {store::TicketStatus::kWaiting, store::TicketStatus::kActive}) {
    auto n = service->store().count_tickets(status);
    out << "faqbot_handoff_queue_length{status=\"" << store::to_string(status) << "\"} "
        << (n.ok() ? n.value() : -1) << "\n";
  }
  out << "# HELP faqbot_investor_messages_to_agents_total Investor messages routed to an open ticket.\n"
         "# TYPE faqbot_investor_messages_to_agents_total counter\n"
      << "faqbot_investor_messages_to_agents_total " << st.messages_to_agents << "\n";
  out << "# HELP faqbot_agent_messages_total Agent replies.\n# TYPE faqbot_agent_messages_total counter\n"
      << "faqbot_agent_messages_total " << st.agent_messages << "\n";
  out << "# HELP faqbot_agent_replies_refused_total Agent replies the compliance guard refused, by agent.\n"
         "# TYPE faqbot_agent_replies_refused_total counter\n";
  for (const auto& [agent, n] : st.agent_replies_refused) {
    out << "faqbot_agent_replies_refused_total{agent=\"" << label_value(agent) << "\"} " << n << "\n";
  }
  out << "# HELP faqbot_feedback_total Feedback received.\n# TYPE faqbot_feedback_total counter\n"
      << "faqbot_feedback_total " << st.feedback << "\n";
  out << "# HELP faqbot_storage_errors_total Failed store operations.\n# TYPE faqbot_storage_errors_total counter\n"
      << "faqbot_storage_errors_total " << st.storage_errors << "\n";
  out << "# HELP faqbot_kb_reloads_total Successful knowledge-base reloads.\n# TYPE faqbot_kb_reloads_total counter\n"
      << "faqbot_kb_reloads_total " << service->engines().reload_count() << "\n";
  out << "# HELP faqbot_kb_version The knowledge-base version this replica serves (0 = not from the store).\n"
      << "# TYPE faqbot_kb_version gauge\nfaqbot_kb_version " << service->engines().serving().kb_version << "\n";
}

}  // namespace faqbot::http
