// The store open_store() returns masks what people typed before it is
// written, whatever the caller did (masking_store.h).
#include "bot/store/masking_store.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "../service/raw_store.h"
#include "store_backends.h"

namespace faqbot::store {
namespace {

constexpr char kCard[] = "6222020200112231";  // Luhn fails: masked by length

class MaskingStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = open_store(backend_.dir() + "/data");
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(opened).value();
  }
  testing::SqliteBackend backend_;
  std::unique_ptr<Store> store_;
};

TEST_F(MaskingStoreTest, SessionFieldsAndStateAreMasked) {
  Session s;
  s.id = "s1";
  s.user_id = "13800001234";
  s.customer_name = "王先生\u202e13800001234";
  s.channel_ref = "{\"user\":\"13800001234\"}";  // routing data: stored as given
  s.state = nlohmann::json({{"last_question", std::string("卡号") + kCard},
                            {"at_ms", 1764586625000},
                            {"asks_per_entry", {{"withdraw.fee", 2}}}})
                .dump();
  ASSERT_TRUE(store_->put_session(s).ok());
  Session got = store_->get_session("s1").value();
  EXPECT_EQ(got.user_id, "138****1234");
  EXPECT_EQ(got.customer_name, "王先生138****1234");
  EXPECT_EQ(got.channel_ref, s.channel_ref);
  nlohmann::json state = nlohmann::json::parse(got.state);
  EXPECT_EQ(state["last_question"], "卡号6222********2231");
  EXPECT_EQ(state["at_ms"], 1764586625000);  // numbers are no personal text
  EXPECT_EQ(state["asks_per_entry"]["withdraw.fee"], 2);
}

TEST_F(MaskingStoreTest, OnlyAMobileNumberIsKeptForACallback) {
  Turn open;
  open.session.id = "s3";
  open.ticket = NewTicket{};
  auto opened = store_->record_turn(open);
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  Ticket read = *opened->ticket;
  for (const auto& [given, kept] : std::vector<std::pair<std::string, std::string>>{
           {"13800138000", "13800138000"},           // the agent must dial it
           {kCard, "6222********2231"},               // anything else is masked
           {"138 0013 8000 ‮", "138 **** 8000"}}) {
    Ticket next = read;
    next.callback_phone = given;
    next.resolution = std::string("核对") + kCard;
    Turn change;
    change.session.id = "s3";
    change.ticket_update = TicketUpdate{read, next};
    auto done = store_->record_turn(change);
    ASSERT_TRUE(done.ok()) << done.status().message();
    EXPECT_EQ(done->ticket->callback_phone, kept);
    EXPECT_EQ(done->ticket->resolution, "核对6222********2231");
    read = *done->ticket;
  }
}

TEST_F(MaskingStoreTest, PeoplesTextsAreMaskedTheOperatorsAreNot) {
  Turn turn;
  turn.session.id = "s2";
  turn.messages.push_back({Role::kInvestor, std::string("\u202e卡号") + kCard, "", "", 0, "", 0});
  turn.messages.push_back({Role::kBot, std::string("对公账户") + kCard, "answer", "x", 0.9, "", 0});
  turn.unanswered = std::string("卡") + kCard;
  turn.ticket = NewTicket{};
  auto recorded = store_->record_turn(turn);
  ASSERT_TRUE(recorded.ok()) << recorded.status().message();
  ASSERT_TRUE(store_->append_message("s2", {Role::kAgent, std::string("您的卡") + kCard, "", "", 0, "a", 0}).ok());
  ASSERT_TRUE(store_->close_ticket(recorded->ticket->id, std::string("核对") + kCard, 0).ok());

  auto msgs = store_->messages_after("s2", 0, 10).value();
  ASSERT_EQ(msgs.size(), 3u);
  EXPECT_EQ(msgs[0].text, "卡号6222********2231");
  EXPECT_EQ(msgs[1].text, std::string("对公账户") + kCard);  // the operator's own text
  EXPECT_EQ(msgs[2].text, "您的卡6222********2231");
  EXPECT_EQ(store_->list_unanswered(10).value().at(0).text, "卡6222********2231");
  EXPECT_EQ(store_->get_ticket(recorded->ticket->id).value().resolution, "核对6222********2231");
  store_.reset();
  const std::string file = faqbot::testing::raw_store_bytes(backend_.dir() + "/data");
  size_t clear = 0;
  for (size_t at = file.find(kCard); at != std::string::npos; at = file.find(kCard, at + 1)) ++clear;
  EXPECT_EQ(clear, 1u);  // only the bot's message
}

TEST(MaskState, UnchangedWhenNothingToMask) {
  const std::string state = "{\"last_question\":\"提现多久到账\",\"n\":1}";
  EXPECT_EQ(mask_state(state), state);
  EXPECT_EQ(mask_state(""), "");
  EXPECT_EQ(mask_state(std::string("not json ") + kCard), "not json 6222********2231");
}

}  // namespace
}  // namespace faqbot::store
