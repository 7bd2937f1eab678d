#pragma once
// A local httplib::Server that speaks the IM platforms' send and token APIs
// (WeCom, WeChat, WeChat Customer Service, Feishu, DingTalk sessionWebhook,
// Slack, Telegram, the generic callback) and records every request, for
// end-to-end tests.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace faqbot::testing {

struct Captured {
  std::string method, path, query_token, authorization, body;
  std::map<std::string, std::string> headers;
};

class PlatformMock {
 public:
  PlatformMock() {
    auto ok = [this](const char* answer) {
      return [this, answer](const httplib::Request& req, httplib::Response& res) {
        Captured c;
        c.method = req.method;
        c.path = req.path;
        c.query_token = req.get_param_value("access_token");
        c.authorization = req.get_header_value("Authorization");
        c.body = req.body;
        for (const auto& [k, v] : req.headers) c.headers[k] = v;
        std::lock_guard<std::mutex> lock(mu_);
        if (fail_sends_ > 0 && req.path.find("token") == std::string::npos) {
          --fail_sends_;
          res.status = 500;
          res.set_content("{\"ok\":false}", "application/json");
        } else {
          res.set_content(answer, "application/json");
        }
        captured_.push_back(std::move(c));
        cv_.notify_all();
      };
    };
    server_.Get("/cgi-bin/gettoken", ok("{\"errcode\":0,\"access_token\":\"WECOMTOK\",\"expires_in\":7200}"));
    server_.Get("/cgi-bin/token", ok("{\"access_token\":\"WECHATTOK\",\"expires_in\":7200}"));
    server_.Post("/cgi-bin/message/send", ok("{\"errcode\":0,\"errmsg\":\"ok\"}"));
    server_.Post("/cgi-bin/message/custom/send", ok("{\"errcode\":0,\"errmsg\":\"ok\"}"));
    server_.Post("/open-apis/auth/v3/tenant_access_token/internal",
                 ok("{\"code\":0,\"tenant_access_token\":\"FEISHUTOK\",\"expire\":7200}"));
    server_.Post("/open-apis/im/v1/messages", ok("{\"code\":0,\"msg\":\"success\"}"));
    server_.Post("/robot/sendBySession", ok("{\"errcode\":0,\"errmsg\":\"ok\"}"));
    server_.Post("/api/chat.postMessage", ok("{\"ok\":true}"));
    server_.Post(R"(/bot([^/]+)/sendMessage)", ok("{\"ok\":true}"));
    server_.Post("/generic-callback", ok("{}"));
    server_.Post("/cgi-bin/kf/send_msg", ok("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"sent\"}"));
    // 微信客服 sync_msg: the queued messages from the cursor on (the cursor is
    // an index), kf_page_size at a time, with has_more; the access token and
    // the callback token must be the issued ones (errcode 40014 / 95007).
    server_.Post("/cgi-bin/kf/sync_msg", [this, ok](const httplib::Request& req, httplib::Response& res) {
      ok("")(req, res);
      std::lock_guard<std::mutex> lock(mu_);
      const nlohmann::json in = nlohmann::json::parse(req.body, nullptr, false);
      nlohmann::json out = {{"errcode", 0}, {"errmsg", "ok"}};
      if (req.get_param_value("access_token") != "WECOMTOK" || kf_fail_syncs_ > 0) {
        if (kf_fail_syncs_ > 0) --kf_fail_syncs_;
        out = {{"errcode", 40014}, {"errmsg", "invalid access_token"}};
      } else if (!in.is_object() || in.value("token", "") != kf_token_) {
        out = {{"errcode", 95007}, {"errmsg", "invalid msg token"}};
      } else {
        const std::string cursor = in.value("cursor", "");
        size_t from = cursor.empty() ? 0 : std::stoul(cursor);
        size_t to = std::min(kf_messages_.size(), from + kf_page_size_);
        nlohmann::json list = nlohmann::json::array();
        for (size_t i = from; i < to; ++i) list.push_back(kf_messages_[i]);
        out["msg_list"] = list;
        out["next_cursor"] = std::to_string(to);
        out["has_more"] = to < kf_messages_.size() ? 1 : 0;
      }
      res.set_content(out.dump(), "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ~PlatformMock() {
    server_.stop();
    thread_.join();
  }

  std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }
  // 微信客服: the token the callbacks carry, messages waiting, page size.
  void kf_setup(const std::string& token, size_t page_size) {
    std::lock_guard<std::mutex> lock(mu_);
    kf_token_ = token;
    kf_page_size_ = page_size;
  }
  void kf_queue(const nlohmann::json& message) {
    std::lock_guard<std::mutex> lock(mu_);
    kf_messages_.push_back(message);
  }
  void kf_fail_next_syncs(int n) {
    std::lock_guard<std::mutex> lock(mu_);
    kf_fail_syncs_ = n;
  }
  void fail_next_sends(int n) {
    std::lock_guard<std::mutex> lock(mu_);
    fail_sends_ = n;
  }

  // Waits until `count` requests to `path` arrived; returns them all.
  std::vector<Captured> wait_for(const std::string& path, size_t count, int timeout_ms = 5000) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [&] { return matching(path).size() >= count; });
    return matching(path);
  }
  size_t count(const std::string& path) {
    std::lock_guard<std::mutex> lock(mu_);
    return matching(path).size();
  }

 private:
  std::vector<Captured> matching(const std::string& path) const {
    std::vector<Captured> out;
    for (const auto& c : captured_) {
      if (c.path == path) out.push_back(c);
    }
    return out;
  }
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Captured> captured_;
  int fail_sends_ = 0;
  std::string kf_token_;
  size_t kf_page_size_ = 1000;
  std::vector<nlohmann::json> kf_messages_;
  int kf_fail_syncs_ = 0;
};

}  // namespace faqbot::testing
