// A second message that is not about the kept topic is read as it stands:
// a word no entry speaks of while the text alone is near certain it is out
// of scope (MessageCues::unknown, kSureOutOfScope), a remark about the bot
// itself (about_the_bot), small talk naming a type by the way
// (bot/followup.h).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bot/followup_predicates.h"
#include "followup_fixture.h"

namespace faqbot::bot {
namespace {

using testing::result;

class FollowupSwitchTest : public testing::FollowupFixture {
 protected:
  FollowupSwitchTest() {
    kb_->followup.type_cues["safety"] = {"放心"};
    answered("提现多久到账", "withdraw.arrival_time", "withdraw", "how_long");
    // Whatever the context rewrites reads the kept entry: bending is possible.
    retriever_.otherwise = result({{"withdraw.arrival_time", 0.9}}, 0.0);
  }
};

TEST_F(FollowupSwitchTest, UnknownWordsAreRunsOfContentNoEntryHolds) {
  EXPECT_EQ(cues_.read("签证要几天").unknown, std::vector<std::string>{"签证"});
  EXPECT_EQ(cues_.read("你吃饭了吗").unknown, std::vector<std::string>{"吃饭"});  // 你, 了, 吗: grammar
  EXPECT_TRUE(cues_.read("提现要几天").unknown.empty());                        // all ours
  EXPECT_TRUE(cues_.read("周末提现要几天").unknown.empty());
  EXPECT_EQ(cues_.read("签要几天").unknown, std::vector<std::string>{});  // one character: no word
}

TEST_F(FollowupSwitchTest, AWordNoEntrySpeaksOfReadSurelyOutOfScopeIsNotBent) {
  retriever_.on("签证要几天", result({{"withdraw.arrival_time", 0.95}}, 0.97));
  Reading r = read("签证要几天");
  EXPECT_FALSE(r.in_context()) << to_string(r.kind) << " " << r.question;
  EXPECT_GE(r.result.out_of_scope, kSureOutOfScope);
  // Control: a follow-up marker ties it to the conversation all the same.
  retriever_.on("那签证要几天呢", result({{"withdraw.arrival_time", 0.95}}, 0.97));
  EXPECT_TRUE(read("那签证要几天呢").in_context());
  // Control: the text alone not near certain it is out of scope (a word of
  // ours no entry happens to use), the type of the kept topic is asked.
  retriever_.on("签证要几天", result({{"withdraw.arrival_time", 0.3}}, 0.4));
  r = read("签证要几天");
  EXPECT_TRUE(r.in_context()) << to_string(r.kind) << " " << r.question;
}

TEST_F(FollowupSwitchTest, ARemarkAboutTheBotIsNotBent) {
  answered("充值收手续费吗", "recharge.fee", "recharge", "fee");
  retriever_.on("你周末干嘛", result({{"withdraw.holiday", 0.2}}, 0.6));
  Reading r = read("你周末干嘛");
  EXPECT_FALSE(r.in_context()) << to_string(r.kind) << " " << r.question;
  const MessageCues none;
  const retrieval::SearchResult elsewhere = result({{"withdraw.holiday", 0.2}});
  auto about = [&](const std::string& text) {
    retrieval::SearchResult alone = elsewhere;
    alone.normalized = text;
    return about_the_bot(cues_, cues_.read(text), alone, *kb_, conversation_);
  };
  EXPECT_TRUE(about("你周末干嘛"));
  EXPECT_TRUE(about("那你几岁了"));        // a filler before
  EXPECT_FALSE(about("你们周末上班吗"));   // the platform
  EXPECT_FALSE(about("你说的这个呢"));     // points back
  EXPECT_FALSE(about("周末干嘛"));         // no one addressed
}

TEST_F(FollowupSwitchTest, ChitChatNamingATypeByTheWayIsNotBent) {
  // 周末 is the holiday cue; the rest of the message is not ours, and the
  // text alone leans out of scope.
  retriever_.on("周末你们去哪玩", result({{"withdraw.holiday", 0.2}}, 0.75));
  Reading r = read("周末你们去哪玩");
  EXPECT_FALSE(r.in_context()) << to_string(r.kind) << " " << r.question;
  // Control: a question of the holiday type, the text alone in scope, is
  // answered with the holiday entry.
  retriever_.on("周末能到账吗", result({{"withdraw.holiday", 0.95}}, 0.02));
  r = read("周末能到账吗");
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.holiday");
  // Control: a follow-up marker ties it to the conversation all the same.
  retriever_.on("那周末去哪呢", result({{"withdraw.holiday", 0.2}}, 0.75));
  EXPECT_TRUE(read("那周末去哪呢").in_context());
}

TEST_F(FollowupSwitchTest, ChatBesideACueNeedsATypeReadingAndTheTextAloneOutOfScope) {
  auto chats = [&](ReadingKind kind, const std::string& text, double out_of_scope) {
    retrieval::SearchResult alone = result({{"withdraw.holiday", 0.2}}, out_of_scope);
    alone.normalized = text;
    return chats_beside_a_cue(kind, cues_.read(text), alone, Thresholds{});
  };
  EXPECT_TRUE(chats(ReadingKind::kType, "周末你们去哪玩", 0.75));
  EXPECT_FALSE(chats(ReadingKind::kType, "周末你们去哪玩", 0.3));    // the text alone in scope
  EXPECT_FALSE(chats(ReadingKind::kType, "周末提现去哪看", 0.75));   // names a topic
  EXPECT_FALSE(chats(ReadingKind::kType, "那周末呢", 0.75));         // a follow-up marker
  EXPECT_FALSE(chats(ReadingKind::kEllipsis, "周末你们去哪玩", 0.75));  // not read as a type
  EXPECT_FALSE(chats(ReadingKind::kType, "周末能玩吗", 0.75));       // a yes-no question
}

TEST_F(FollowupSwitchTest, SmallTalkNamingATypeByTheWayIsSmallTalk) {
  retriever_.on("放心了谢谢", result({{"smalltalk.thanks", 1.0}}, 0.0));
  Reading r = read("放心了谢谢");
  EXPECT_FALSE(r.in_context()) << to_string(r.kind) << " " << r.question;
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "smalltalk.thanks");
}

}  // namespace
}  // namespace faqbot::bot
