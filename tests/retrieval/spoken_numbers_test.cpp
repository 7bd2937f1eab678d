#include "retrieval/spoken_numbers.h"

#include <gtest/gtest.h>

#include "knowledge/utf8.h"
#include "retrieval/normalizer.h"

namespace faqbot::retrieval {
namespace {

std::string rewrite(const std::string& text) {
  return utf8::encode(spoken_numbers_to_digits(utf8::decode(text)));
}

TEST(SpokenNumbers, PercentagesWithDecimals) {
  EXPECT_EQ(rewrite("年化百分之八"), "年化8%");
  EXPECT_EQ(rewrite("降到百分之六点五了"), "降到6.5%了");
  EXPECT_EQ(rewrite("百分之十二点二五"), "12.25%");
  EXPECT_EQ(rewrite("百分之零点五的费用"), "0.5%的费用");
  EXPECT_EQ(rewrite("百分之一"), "1%");
  EXPECT_EQ(rewrite("百分之二十"), "20%");
}

// Only percentages: amounts, durations and words holding number characters
// stay as they are.
TEST(SpokenNumbers, EverythingElseStays) {
  for (const char* w :
       {"提两千块", "等了三天", "借十二个月", "一万五", "等一下", "一直没到", "万一亏了", "十分着急",
        "三思而后行", "一定要", "百分百保本", "百分之百", "百分之几", "一起绑", "二维码", "千万别",
        "一般多久", "第一次提现", "第三方存管", "十几天", "几千块", "四五天", "五一放假", "零钱",
        "百分之", "分之八"}) {
    EXPECT_EQ(rewrite(w), w);
  }
}

// The normaliser applies it: the spoken and the typed form read alike.
TEST(SpokenNumbers, NormalizerReadsBothFormsAlike) {
  auto created = Normalizer::create({});
  ASSERT_TRUE(created.ok());
  const std::unique_ptr<Normalizer> n = std::move(created).value();
  EXPECT_EQ(n->normalize("利率从百分之八降到百分之六点五了吗"),
            n->normalize("利率从8%降到6.5%了吗"));
  EXPECT_EQ(n->normalize("等一下"), "等一下");
}

}  // namespace
}  // namespace faqbot::retrieval
