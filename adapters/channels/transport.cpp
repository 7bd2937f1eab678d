#include "adapters/channels/transport.h"

#include <httplib.h>

namespace faqbot::channels {

SendResult HttplibTransport::send(const std::string& method, const std::string& url,
                                  const std::map<std::string, std::string>& headers,
                                  const std::string& body, const std::string& content_type) {
  SendResult out;
  std::string origin, path;
  if (!split_url(url, &origin, &path)) {
    out.error = "bad url";
    return out;
  }
  try {
    httplib::Client client(origin);
    client.set_connection_timeout(timeout_s_, 0);
    client.set_read_timeout(timeout_s_, 0);
    client.set_write_timeout(timeout_s_, 0);
    httplib::Headers h(headers.begin(), headers.end());
    httplib::Result res = method == "GET" ? client.Get(path.c_str(), h)
                                          : client.Post(path.c_str(), h, body, content_type.c_str());
    if (!res) {
      out.error = httplib::to_string(res.error());
      return out;
    }
    out.status = res->status;
    out.body = res->body;
  } catch (const std::exception& e) {
    out.error = e.what();
  }
  return out;
}

}  // namespace faqbot::channels
