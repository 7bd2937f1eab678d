// A short follow-up naming only a type its topic has no entry of, but that
// the answered entry's own questions ask with, asks that of the answer
// (bot/followup_readings.h read_as_type_of_the_answer).
#include <gtest/gtest.h>

#include <stdexcept>

#include "followup_fixture.h"

namespace faqbot::bot {
namespace {

using testing::result;

class FollowupTypeOfAnswerTest : public testing::FollowupFixture {
 protected:
  FollowupTypeOfAnswerTest() {
    add_typed_entries({{"account.close", "怎么注销账户"}, {"account.register", "怎么注册"}});
    kb_->followup.topic_cues["account"] = {"注销", "注册"};
    kb_->followup.type_cues["how_long"] = {"多久"};
  }
  knowledge::Entry& entry_of(const std::string& id) {
    for (knowledge::Entry& e : kb_->entries) {
      if (e.id == id) return e;
    }
    throw std::runtime_error(id);
  }
  void script(const std::string& said) {
    // Alone, the text is unsure and leans to withdrawals (no entry of the
    // account topic among its candidates); after the answer's title it reads
    // the closing first.
    retriever_.on(said, result({{"withdraw.arrival_time", 0.14}}));
    retriever_.on("怎么注销账户" + said, result({{"account.close", 0.8}, {"withdraw.arrival_time", 0.1}}));
  }
};

TEST_F(FollowupTypeOfAnswerTest, ATypeTheAnsweredEntryIsAskedWithAsksOfTheAnswer) {
  entry_of("account.close").questions.push_back("注销账号多久生效");
  answered("怎么注销账户", "account.close", "account", "close");
  script("要多久");
  Reading r = read("要多久");
  EXPECT_TRUE(r.in_context());
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "account.close");
}

TEST_F(FollowupTypeOfAnswerTest, ControlATypeTheAnsweredEntryIsNeverAskedWithIsNotTiedToIt) {
  answered("怎么注销账户", "account.close", "account", "close");
  script("要多久");
  EXPECT_FALSE(read("要多久").in_context());
}

}  // namespace
}  // namespace faqbot::bot
