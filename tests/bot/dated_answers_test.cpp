// Dates in answers through respond(): an entry outside its effective/expiry
// dates is never answered, and a timed entry gets the expected day computed
// from FAQBOT_NOW and the calendar.
#include "bot/dated_answers.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "bot/engine.h"
#include "bot/settings.h"
#include "fake_retriever.h"
#include "kb_fixture.h"

namespace faqbot::bot {
namespace {

using testing::FakeRetriever;
using testing::result;

class DatedAnswers : public ::testing::Test {
 protected:
  DatedAnswers() : retriever_(std::make_shared<FakeRetriever>()), kb_(testing::make_kb()) {
    retriever_->on("提现多久到账", result({{"withdraw.arrival_time", 0.9}, {"withdraw.fee", 0.2}}));
    retriever_->on("春节活动", result({{"withdraw.fee", 0.9}, {"recharge.fee", 0.3}}));
    kb_->calendar.loaded = true;
    kb_->calendar.covers_from = *knowledge::parse_date("2026-01-01");
    kb_->calendar.covers_to = *knowledge::parse_date("2026-12-31");
    kb_->calendar.timed_entries = {"withdraw.arrival_time"};
  }
  ~DatedAnswers() override { unsetenv("FAQBOT_NOW"); }
  Reply ask(const std::string& text, const char* now) {
    setenv("FAQBOT_NOW", now, 1);
    auto engine = Engine::create(kb_, retriever_, EngineSettings{});
    Conversation c;
    return engine->respond(c, text);
  }

  std::shared_ptr<FakeRetriever> retriever_;
  std::shared_ptr<knowledge::KnowledgeBase> kb_;
};

TEST_F(DatedAnswers, TimedEntryNamesTheExpectedDayFromTheClock) {
  Reply r = ask("提现多久到账", "2026-12-04T16:30:00+08:00");
  EXPECT_EQ(r.action, Action::kAnswer);
  EXPECT_NE(r.text.find("工作日15:00前提交的提现，预计当天到账。\n现在是12月4日（周五）16:30，今天15:00后提交，"
                        "预计下一个工作日（周一，12月7日）到账，具体以银行处理为准。"),
            std::string::npos)
      << r.text;
  r = ask("提现多久到账", "2026-12-07T09:10:00+08:00");
  EXPECT_NE(r.text.find("今天15:00前提交，预计今天到达大多数银行"), std::string::npos) << r.text;
  // Outside the calendar: the entry's own text only.
  r = ask("提现多久到账", "2027-03-01T09:10:00+08:00");
  EXPECT_EQ(r.text, "工作日15:00前提交的提现，预计当天到账。");
}

TEST_F(DatedAnswers, AnEntryIsAnsweredOnlyBetweenItsDates) {
  for (auto& e : kb_->entries) {
    if (e.id == "withdraw.fee") {
      e.effective = "2026-12-01";
      e.expires = "2026-12-31";
    }
  }
  EXPECT_EQ(ask("春节活动", "2026-12-31T23:59:00+08:00").faq_id, "withdraw.fee");
  EXPECT_EQ(ask("春节活动", "2026-12-01T00:00:00+08:00").faq_id, "withdraw.fee");
  for (const char* now : {"2027-01-01T00:00:00+08:00", "2026-11-30T23:59:00+08:00", "2026-12-31T16:00:00Z"}) {
    Reply r = ask("春节活动", now);
    EXPECT_NE(r.faq_id, "withdraw.fee") << now;
    EXPECT_EQ(r.text.find("每月前4次提现免费"), std::string::npos) << now;
    for (const Suggestion& s : r.candidates) EXPECT_NE(s.faq_id, "withdraw.fee") << now;
  }
}

}  // namespace
}  // namespace faqbot::bot
