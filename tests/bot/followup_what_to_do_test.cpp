// A short follow-up asking what to do about a situation it tells, naming
// nothing, is that situation of the subject answered last
// (bot/followup_what_to_do.h).
#include <gtest/gtest.h>

#include "bot/followup_what_to_do.h"
#include "followup_fixture.h"

namespace faqbot::bot {
namespace {

using testing::FakeRetriever;
using testing::result;

TEST(FollowupWhatToDo, EndsWithWhatToDoAfterASituation) {
  EXPECT_TRUE(asks_what_to_do("想不起来了怎么办"));
  EXPECT_TRUE(asks_what_to_do("一直占线怎么办呢"));
  EXPECT_FALSE(asks_what_to_do("怎么办"));           // tells nothing
  EXPECT_FALSE(asks_what_to_do("怎么办理开户"));     // 办理, not 怎么办
  EXPECT_FALSE(asks_what_to_do("忘了还能找回吗"));
}

class FollowupWhatToDoTest : public testing::FollowupFixture {
 protected:
  FollowupWhatToDoTest() {
    add_typed_entries({{"account.trade_password", "交易密码怎么设置"},
                       {"account.password_reset", "登录密码忘了怎么找回"},
                       {"security.anti_fraud", "被骗了怎么办"}});
    kb_->followup.topic_cues["account"] = {"交易密码", "登录密码"};
    answered("交易密码怎么设置", "account.trade_password", "account", "trade_password");
  }
};

TEST_F(FollowupWhatToDoTest, TheSituationIsTheAnsweredSubjects) {
  const std::string said = "想不起来了怎么办";
  // Alone, forgetting reads as the login password's entry of the same topic.
  retriever_.on(said, result({{"account.password_reset", 0.9}, {"account.trade_password", 0.08}}));
  for (const char* q : {"交易密码想不起来了怎么办", "交易密码怎么设置想不起来了怎么办"}) {
    retriever_.on(q, result({{"account.trade_password", 0.9}, {"account.password_reset", 0.01}}));
  }
  Reading r = read(said);
  EXPECT_EQ(r.kind, ReadingKind::kEllipsis);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "account.trade_password");
}

TEST_F(FollowupWhatToDoTest, ControlASituationTheTextAloneIsSureOfElsewhereIsItsOwn) {
  const std::string said = "转了钱给假客服怎么办";
  retriever_.on(said, result({{"security.anti_fraud", 0.9}, {"account.password_reset", 0.02}}));
  retriever_.on("交易密码转了钱给假客服怎么办", result({{"account.trade_password", 0.9}}));
  Reading r = read(said);
  EXPECT_EQ(r.kind, ReadingKind::kAlone);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "security.anti_fraud");
}

}  // namespace
}  // namespace faqbot::bot
