// Two replicas of the conversation service (two Services, each over its own
// Store on one database, as two `faqbot serve` processes would run) on
// PostgreSQL, and on one SQLite file: a web choice offered by A is answered
// through B; a ticket claimed at once through A and B is taken once; turns
// of one session racing on A and B all count in its conversation state.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "../service/fake_engine.h"
#include "bot/service/conversation_state.h"
#include "bot/service/service.h"
#include "store_backends.h"

namespace faqbot::service {
namespace {

// Releases every waiting thread at once, so their calls really overlap.
class StartGate {
 public:
  void wait() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return open_; });
  }
  void open() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      open_ = true;
    }
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool open_ = false;
};

// One replica: its own store connection(s), engine and service.
struct Replica {
  explicit Replica(std::unique_ptr<store::Store> s)
      : store(std::move(s)),
        engines([] { return testing::fake_load("v1"); }, testing::fake_load("v1").engine),
        service(*store, engines, options()) {}
  static ServiceOptions options() {
    ServiceOptions o;
    o.hours = ServiceHours::parse("00:00-24:00", 480).value();  // agents on duty: no out-of-hours notices
    return o;
  }
  std::unique_ptr<store::Store> store;
  EngineHolder engines;
  Service service;
};

template <typename Backend>
class ReplicaServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string why = backend_.skip_reason();
    if (!why.empty()) GTEST_SKIP() << why;
    for (auto* r : {&a_, &b_}) {
      auto opened = backend_.open();
      ASSERT_TRUE(opened.ok()) << opened.status().message();
      *r = std::make_unique<Replica>(std::move(opened).value());
    }
  }

  // A web turn through `replica`; `reply` names the session ("" id = new).
  static Result<ChatReply> chat(Replica& replica, const ChatReply& session, const std::string& text) {
    ChatRequest r;
    r.session_id = session.session_id;
    r.session_token = session.session_token;
    r.text = text;
    return replica.service.chat(r);
  }

  // Runs `work(i)` for i in [0, n) on n threads released together.
  static void race(int n, const std::function<void(int)>& work) {
    StartGate gate;
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i) {
      threads.emplace_back([&, i] {
        gate.wait();
        work(i);
      });
    }
    gate.open();
    for (std::thread& t : threads) t.join();
  }

  Backend backend_;
  std::unique_ptr<Replica> a_, b_;
};

using Backends = ::testing::Types<store::testing::SqliteBackend, store::testing::PostgresBackend>;
TYPED_TEST_SUITE(ReplicaServiceTest, Backends);

// The numbered choices of a web reply live with the conversation: "2" on B
// is A's second choice, answered from that entry.
TYPED_TEST(ReplicaServiceTest, AWebChoiceOfferedByAIsAnsweredThroughB) {
  auto offered = this->chat(*this->a_, ChatReply{}, "那个钱的问题");
  ASSERT_TRUE(offered.ok()) << offered.status().message();
  ASSERT_EQ(offered->action, "clarify");
  ASSERT_GE(offered->choices.size(), 2u);
  ChatReply session = offered.value();
  auto chosen = this->chat(*this->b_, session, "2");
  ASSERT_TRUE(chosen.ok()) << chosen.status().message();
  EXPECT_EQ(chosen->faq_id, "account.password");
  EXPECT_EQ(chosen->action, "answer");
  EXPECT_NE(chosen->text.find("chosen:"), std::string::npos) << chosen->text;
  // The follow-up context moved with it: A sees the entry B answered.
  auto state = this->a_->store->get_session(session.session_id);
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(conversation_from_json(state->state).last_faq_id, "account.password");
}

// Claims of one waiting ticket through both replicas at once, four agents,
// twenty tickets: each is taken by exactly one agent, and the investor is
// told once who joined.
TYPED_TEST(ReplicaServiceTest, ATicketClaimedAtOnceThroughBothReplicasIsTakenOnce) {
  const std::vector<std::string> agents = {"alice", "bob", "carol", "dave"};
  for (int round = 0; round < 20; ++round) {
    auto opened = this->chat(*this->a_, ChatReply{}, "转人工");
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    ASSERT_TRUE(opened->handoff.has_value());
    const int64_t ticket = opened->handoff->ticket_id;
    std::atomic<int> won{0};
    std::vector<std::string> winner(agents.size());
    this->race(static_cast<int>(agents.size()), [&](int i) {
      Replica& through = i % 2 == 0 ? *this->a_ : *this->b_;
      auto claimed = through.service.claim(ticket, agents[i]);
      if (claimed.ok()) {
        won.fetch_add(1);
        winner[i] = agents[i];
      } else {
        EXPECT_EQ(claimed.status().code(), StatusCode::kFailedPrecondition) << claimed.status().message();
      }
    });
    ASSERT_EQ(won.load(), 1) << "round " << round;
    auto stored = this->b_->store->get_ticket(ticket);
    ASSERT_TRUE(stored.ok());
    std::string who;
    for (const std::string& w : winner) who += w;
    EXPECT_EQ(stored->claimed_by, who);
    auto transcript = this->b_->service.messages(opened->session_id, 0);
    ASSERT_TRUE(transcript.ok());
    int notices = 0;
    for (const store::Message& m : transcript.value()) notices += m.role == store::Role::kSystem ? 1 : 0;
    EXPECT_EQ(notices, 1) << "round " << round;
  }
}

// Turns of one session sent at once through A and B, round after round:
// every turn is answered and counted in the conversation (none computed
// from a state the other replica had already replaced). The fake engine
// counts each 提现 answer in asks_per_entry.
TYPED_TEST(ReplicaServiceTest, TurnsOfOneSessionRacingOnTwoReplicasLoseNoContext) {
  auto first = this->chat(*this->a_, ChatReply{}, "提现");
  ASSERT_TRUE(first.ok()) << first.status().message();
  const ChatReply session = first.value();
  constexpr int kRounds = 16;
  std::atomic<int> answered{0};
  for (int round = 0; round < kRounds; ++round) {
    this->race(2, [&](int i) {
      auto r = this->chat(i == 0 ? *this->a_ : *this->b_, session, "提现");
      if (r.ok()) answered.fetch_add(1);
      else ADD_FAILURE() << r.status().message();
    });
  }
  EXPECT_EQ(answered.load(), 2 * kRounds);
  auto stored = this->a_->store->get_session(session.session_id);
  ASSERT_TRUE(stored.ok());
  const bot::Conversation c = conversation_from_json(stored->state);
  EXPECT_EQ(c.asks_per_entry.at("withdraw.arrival_time"), 1 + 2 * kRounds);
  auto transcript = this->a_->service.messages(session.session_id, 0);
  ASSERT_TRUE(transcript.ok());
  EXPECT_EQ(transcript->size(), 2u * (1 + 2 * kRounds));
}

}  // namespace
}  // namespace faqbot::service
