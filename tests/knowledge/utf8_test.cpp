#include "knowledge/utf8.h"

#include <gtest/gtest.h>

namespace faqbot::utf8 {
namespace {

TEST(Utf8, Validity) {
  EXPECT_TRUE(valid("提现abc"));
  EXPECT_FALSE(valid("\xff"));
  EXPECT_FALSE(valid("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(valid("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(valid("\xe6\x8f"));          // truncated
}

TEST(Utf8, SanitizeDropsBadBytesAndControls) {
  EXPECT_EQ(sanitize("提\xff现\x01\n"), "提现\n");
  EXPECT_EQ(sanitize("ok"), "ok");
}

TEST(Utf8, LengthTruncateTrim) {
  EXPECT_EQ(length("提现ab"), 4u);
  EXPECT_EQ(truncate("提现到账", 2), "提现");
  EXPECT_EQ(truncate("ab", 5), "ab");
  EXPECT_EQ(trim("\u3000 提现 \n"), "提现");
  EXPECT_EQ(encode(decode("您好!")), "您好!");
}

}  // namespace
}  // namespace faqbot::utf8
