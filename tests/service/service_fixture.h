#pragma once
// The Service over a real SQLite store in a temporary directory and the
// scripted engine (fake_engine.h), on a clock the test sets.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <memory>
#include <string>

#include "bot/service/service.h"
#include "fake_engine.h"
#include "temp_dir.h"

namespace faqbot::service {

constexpr int64_t kMidnightUtc = 1795392000000;  // 2026-11-23 08:00 China time
constexpr int64_t kHour = 3600 * 1000;

class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::open_store(dir_.path());
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(opened).value();
    engines_ = std::make_unique<EngineHolder>([this] { return testing::fake_load("v1", replies_); });
    ASSERT_TRUE(engines_->reload().ok);
    ServiceOptions o;
    o.hours = ServiceHours::parse("09:00-21:00", 480).value();
    o.no_claim_timeout_ms = 120000;
    o.clock = [this] { return now_.load(); };
    service_ = std::make_unique<Service>(*store_, *engines_, o);
  }

  // "转人工" from the Slack conversation of `channel` (e.g. "C1"): a ticket
  // whose agent messages go to the "slack" outbound callback.
  Result<ChatReply> slack_handoff(const std::string& channel) {
    ChatRequest r;
    r.session_id = service_->im_session_id("slack", channel + "/U1").value();
    r.channel = "slack";
    r.channel_ref = "{\"channel\":\"" + channel + "\"}";
    r.text = "转人工";
    return service_->chat(r);
  }

  // A web turn in the session known to the test as `label` ("" = a new
  // anonymous one): the first turn of a label creates the session, later ones
  // present its id and credential.
  ChatReply chat(const std::string& label, const std::string& text) {
    ChatRequest r;
    auto known = sessions_.find(label);
    if (!label.empty() && known != sessions_.end()) {
      r.session_id = known->second.session_id;
      r.session_token = known->second.session_token;
    }
    r.text = text;
    auto reply = service_->chat(r);
    EXPECT_TRUE(reply.ok()) << reply.status().message();
    if (!reply.ok()) return ChatReply{};
    if (!label.empty() && known == sessions_.end()) sessions_[label] = reply.value();
    return reply.value();
  }
  // The id the service issued for `label`.
  std::string id(const std::string& label) { return sessions_.at(label).session_id; }
  std::string token(const std::string& label) { return sessions_.at(label).session_token; }

  std::map<std::string, ChatReply> sessions_;  // label -> its first reply
  std::map<std::string, std::string> replies_;  // the engine's replies.json (before SetUp)

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<EngineHolder> engines_;
  std::unique_ptr<Service> service_;
  std::atomic<int64_t> now_{kMidnightUtc + 3 * kHour};  // 11:00 local: open
};

}  // namespace faqbot::service
