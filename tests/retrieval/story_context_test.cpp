#include "retrieval/story_context.h"

#include <gtest/gtest.h>

#include <set>

namespace faqbot::retrieval {
namespace {

TEST(StoryContext, StoriesAreFixedVariedAndNameNoTopicOfOurs) {
  const std::vector<std::string> a = investor_stories(64), b = investor_stories(64);
  ASSERT_EQ(a.size(), 64u);
  EXPECT_EQ(a, b);  // the same list on every build
  EXPECT_GT(std::set<std::string>(a.begin(), a.end()).size(), 40u);
  for (const std::string& s : a) {
    EXPECT_FALSE(s.empty());
    for (const char* topic : {"充值", "提现", "借款", "出借", "还款", "注册"}) {
      EXPECT_EQ(s.find(topic), std::string::npos) << s;
    }
  }
}

TEST(StoryContext, ATextIsToldInsideOneStoryChosenByTheText) {
  const std::vector<std::string> stories = {"我今年58岁了", "手里有20万"};
  const std::string told = with_story("提现多久到账", stories);
  EXPECT_NE(told.find("提现多久到账"), std::string::npos);
  EXPECT_TRUE(told == "我今年58岁了提现多久到账" || told == "提现多久到账我今年58岁了" ||
              told == "手里有20万提现多久到账" || told == "提现多久到账手里有20万")
      << told;
  EXPECT_EQ(with_story("提现多久到账", stories), told);
  EXPECT_EQ(with_story("提现多久到账", {}), "提现多久到账");
}

}  // namespace
}  // namespace faqbot::retrieval
