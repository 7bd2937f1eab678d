// Query forms read plainly at query time (retrieval/query_forms.h).
#include "retrieval/query_forms.h"

#include <gtest/gtest.h>

namespace faqbot::retrieval {
namespace {

TEST(QueryForms, AMonthlyRepaymentIsReadPlainly) {
  EXPECT_EQ(with_query_forms("我借了五万 分十二期 月供怎么算啊"), "我借了五万 分十二期 每月还款怎么算啊");
  EXPECT_EQ(with_query_forms("月供月供"), "每月还款每月还款");
}

TEST(QueryForms, RepayingALoanEarlyInEnglish) {
  EXPECT_EQ(with_query_forms("How do I repay my loan early"), "How do I 提前还款");
  EXPECT_EQ(with_query_forms("can i PAY OFF MY LOAN EARLY?"), "can i 提前还款?");
}

TEST(QueryForms, TextWithoutFormsStays) {
  EXPECT_EQ(with_query_forms("每月还款怎么算"), "每月还款怎么算");
  EXPECT_EQ(with_query_forms(""), "");
  EXPECT_EQ(with_query_forms("供应链金融"), "供应链金融");
}

}  // namespace
}  // namespace faqbot::retrieval
