// Details typed beside a question read as one placeholder (details.h).
#include "retrieval/details.h"

#include <gtest/gtest.h>

#include "knowledge/utf8.h"
#include "retrieval/tokenizer.h"

namespace faqbot::retrieval {
namespace {

std::string collapsed(const std::string& normalized) {
  return utf8::encode(collapse_details(utf8::decode(normalized)));
}

TEST(DetailsTest, NumbersAndIdentifiersBecomeOnePlaceholder) {
  EXPECT_EQ(collapsed("订单号ab20241103778充了8000"), "订单号0充了0");
  EXPECT_EQ(collapsed("账号1391234提示已锁定"), "账号0提示已锁定") << "139****1234 normalised";
  EXPECT_EQ(collapsed("上午940提交的"), "上午0提交的") << "9:40 normalised";
  EXPECT_EQ(collapsed("尾号1234的卡"), "尾号0的卡");
  EXPECT_EQ(collapsed("转了15万"), "转了0万");
  EXPECT_EQ(collapsed("最多5w还是3k"), "最多0万还是0千");
  EXPECT_EQ(collapsed("p2p平台"), "p0p平台") << "few digits: the letters stay";
  EXPECT_EQ(collapsed("vip会员提现多久"), "vip会员提现多久");
  EXPECT_EQ(collapsed(""), "");
}

TEST(DetailsTest, StatedAgesBecomeAnAge) {
  EXPECT_EQ(collapsed("我今年58了还能借吗"), "我0岁了还能借吗");
  EXPECT_EQ(collapsed("我今年五十八了还能借吗"), "我0岁了还能借吗");
  EXPECT_EQ(collapsed("60岁能借款吗"), "0岁能借款吗");
  EXPECT_EQ(collapsed("今年利率多少"), "今年利率多少");
  EXPECT_EQ(collapsed("今年十一放假吗"), "今年十一放假吗");
  EXPECT_EQ(collapsed("一万多少"), "一万多少");
}

TEST(DetailsTest, FeaturesDoNotSeeWhichNumber) {
  auto t = Tokenizer::load("");
  ASSERT_TRUE(t.ok());
  const auto a = t.value()->features("充了8000没到账");
  const auto b = t.value()->features("充了35没到账");
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].key, b[i].key);
  EXPECT_EQ(Tokenizer::bigram_keys("尾号1234"), Tokenizer::bigram_keys("尾号98"));
}

}  // namespace
}  // namespace faqbot::retrieval
