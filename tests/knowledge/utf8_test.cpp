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

TEST(Utf8, SanitizeDropsBidiControlsAndZeroWidthCharacters) {
  // A right-to-left override would show "\u202e" + "moc.live" as "evil.com".
  EXPECT_EQ(sanitize("\u202emoc.live"), "moc.live");
  for (const char* invisible : {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a",
                                "\u202b", "\u202c", "\u202d", "\u2060", "\u2066", "\u2067",
                                "\u2068", "\u2069", "\u061c", "\ufeff", "\u00ad", "\u3164",
                                "\U000e0041"}) {
    EXPECT_EQ(sanitize(std::string("提") + invisible + "现"), "提现") << invisible;
  }
  EXPECT_EQ(sanitize("\u200b\u202e\ufeff"), "");
  EXPECT_EQ(sanitize("é 提现 ¥"), "é 提现 ¥");  // visible text untouched
}

TEST(Utf8, TrimRemovesEveryKindOfSpace) {
  EXPECT_EQ(trim("\u2003\u00a0\u205f\u2800提现\u3000\u202f"), "提现");
  EXPECT_EQ(trim("\u2002 \u3000"), "");
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
