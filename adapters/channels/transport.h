#pragma once
// Outbound HTTP for the channels: one request to an absolute URL. An
// interface so the sender can be tested without a network; the real one
// (HttplibTransport) uses cpp-httplib with TLS. Thread-safe.
#include <map>
#include <string>

#include "adapters/channels/channel.h"

namespace faqbot::channels {

class Transport {
 public:
  virtual ~Transport() = default;
  // method "GET" or "POST". Never throws; transport failures give status 0.
  virtual SendResult send(const std::string& method, const std::string& url,
                          const std::map<std::string, std::string>& headers,
                          const std::string& body, const std::string& content_type) = 0;
};

class HttplibTransport : public Transport {
 public:
  explicit HttplibTransport(int timeout_s) : timeout_s_(timeout_s) {}
  SendResult send(const std::string& method, const std::string& url,
                  const std::map<std::string, std::string>& headers, const std::string& body,
                  const std::string& content_type) override;

 private:
  int timeout_s_;
};

}  // namespace faqbot::channels
