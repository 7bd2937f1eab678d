#pragma once
// Request counters and latency histograms per route, rendered with the
// service's own figures as Prometheus text exposition (format 0.0.4).
// Route slots are fixed at start-up; observe() is lock-free (atomics).
#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace faqbot::service {
class Service;
}

namespace faqbot::http {

class HttpMetrics {
 public:
  static constexpr size_t kBuckets = 13;  // upper bounds in seconds, +Inf last
  static const std::array<double, kBuckets - 1>& bucket_bounds();

  // Registers a route label ("POST /v1/chat") and returns its slot. Call
  // before serving. Slot 0 is "unmatched" (404s and early errors).
  size_t add_route(const std::string& method, const std::string& path);
  size_t unmatched() const { return 0; }

  void observe(size_t slot, int status, double seconds);

  // Adds a source of Prometheus text (e.g. an IM channel's counters) whose
  // output is appended to every render. Call before serving; `source` must be
  // thread-safe.
  void add_exposition(std::function<std::string()> source);

  // The whole exposition: HTTP figures, then the service's (answers by
  // action, handoffs by reason, queue lengths, reloads), then the added sources.
  std::string render(service::Service* service) const;

  HttpMetrics();

 private:
  struct Slot {
    std::string method, path;
    std::array<std::atomic<int64_t>, 6> by_class{};  // 1xx..5xx, other
    std::array<std::atomic<int64_t>, kBuckets> buckets{};
    std::atomic<int64_t> sum_us{0};
    std::atomic<int64_t> count{0};
  };
  void render_service(service::Service* service, std::ostringstream& out) const;

  std::vector<std::unique_ptr<Slot>> slots_;
  std::vector<std::function<std::string()>> expositions_;
};

}  // namespace faqbot::http
