#include "bot/pii.h"

#include <gtest/gtest.h>

namespace faqbot::bot {
namespace {

// Numbers below were computed by hand (Luhn / ISO 7064 MOD 11-2), not by the
// code under test.
constexpr char kCard16[] = "6222020200112230";      // Luhn valid
constexpr char kCard16Bad[] = "6222020200112231";   // last digit off
constexpr char kCard19[] = "6228480012345678903";   // Luhn valid
constexpr char kId[] = "320102198511150617";        // check digit 7
constexpr char kIdX[] = "11010519491231002X";       // check character X
constexpr char kIdLeap[] = "110101200002290018";    // 2000-02-29 exists

// The ASCII digits left in a text (what a masked text still shows).
std::string utf8_digits(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

TEST(Luhn, AcceptsValidAndRejectsInvalid) {
  EXPECT_TRUE(luhn_valid(kCard16));
  EXPECT_TRUE(luhn_valid(kCard19));
  EXPECT_TRUE(luhn_valid("4111111111111111"));
  EXPECT_FALSE(luhn_valid(kCard16Bad));
  EXPECT_FALSE(luhn_valid("6228480012345678904"));
  EXPECT_FALSE(luhn_valid("12a4"));
  EXPECT_FALSE(luhn_valid("0"));
}

TEST(IdNumber, CheckCharacter) {
  EXPECT_EQ(id_check_char("32010219851115061"), '7');
  EXPECT_EQ(id_check_char("11010519491231002"), 'X');
  EXPECT_EQ(id_check_char("1101051949123100"), '\0');  // 16 digits
}

TEST(IdNumber, ValidatesCheckDigitAndDate) {
  EXPECT_TRUE(id_number_valid(kId));
  EXPECT_TRUE(id_number_valid(kIdX));
  EXPECT_TRUE(id_number_valid("11010519491231002x"));
  EXPECT_TRUE(id_number_valid(kIdLeap));
  EXPECT_FALSE(id_number_valid("320102198511150618"));  // wrong check digit
  EXPECT_FALSE(id_number_valid("110101199002301236"));  // 1990-02-30, check digit right
  EXPECT_FALSE(id_number_valid("110101190102291230"));  // 1901-02-29, check digit right
  EXPECT_FALSE(id_number_valid("32010219851115061"));   // 17 characters
}

TEST(MaskPii, CardKeepsFirstAndLastFourDigits) {
  PiiScan s = mask_pii(std::string("我的卡号是") + kCard16 + "，怎么解绑");
  ASSERT_EQ(s.kinds, std::vector<PiiKind>{PiiKind::kBankCard});
  EXPECT_EQ(s.masked, "我的卡号是6222********2230，怎么解绑");
}

TEST(MaskPii, GroupedCardKeepsSeparators) {
  PiiScan s = mask_pii("卡号 6222 0202 0011 2230 绑不上");
  ASSERT_EQ(s.kinds, std::vector<PiiKind>{PiiKind::kBankCard});
  EXPECT_EQ(s.masked, "卡号 6222 **** **** 2230 绑不上");
  PiiScan dashed = mask_pii("6228-4800-1234-5678-903");
  EXPECT_EQ(dashed.masked, "6228-****-****-***8-903");
}

TEST(MaskPii, NumberFailingLuhnIsMaskedAllTheSame) {
  // Luhn decides only the kind (and so the warning), never whether to mask.
  PiiScan s = mask_pii(std::string("卡号") + kCard16Bad);
  ASSERT_EQ(s.kinds, std::vector<PiiKind>{PiiKind::kLongNumber});
  EXPECT_EQ(s.masked, "卡号6222********2231");
  EXPECT_FALSE(s.sensitive());
  EXPECT_TRUE(mask_pii(kCard16).sensitive());
  // 12-15 digits: only the last four shown.
  EXPECT_EQ(mask_pii("123456789012").masked, "********9012");
  EXPECT_EQ(mask_pii("622202020011223").masked, "***********1223");
  EXPECT_EQ(mask_pii("订单DD20240115123456已付").masked, "订单DD**********3456已付");
}

TEST(MaskPii, NumbersSplitAnyWayAreMasked) {
  const std::string want_spaced = "6222 **** **** 2231";
  EXPECT_EQ(mask_pii("6222 0202 0011 2231").masked, want_spaced);
  EXPECT_EQ(mask_pii("6222.0202.0011.2231").masked, "6222.****.****.2231");
  EXPECT_EQ(mask_pii("6222/0202/0011/2231").masked, "6222/****/****/2231");
  EXPECT_EQ(mask_pii("6222 - 0202 - 0011 - 2231").masked, "6222 - **** - **** - 2231");
  EXPECT_EQ(mask_pii("6222_0202，0011、2231").masked, "6222_****，****、2231");
  // Zero-width and bidi characters between every digit.
  std::string zw;
  for (char c : std::string(kCard16Bad)) zw += std::string(1, c) + "\u200b\u2060\u202e";
  PiiScan z = mask_pii(zw);
  ASSERT_EQ(z.kinds.size(), 1u);
  EXPECT_EQ(utf8_digits(z.masked), "62222231");
  // Full-width, Arabic-Indic and mathematical digits, also mixed.
  EXPECT_EQ(mask_pii("６２２２０２０２００１１２２３１").masked, "６２２２********２２３１");
  EXPECT_EQ(mask_pii("6222０２０２0011٢٢٣١").kinds.size(), 1u);
  EXPECT_EQ(utf8_digits(mask_pii("6222０２０２0011٢٢٣١").masked), "6222");
  EXPECT_EQ(mask_pii("\U0001D7D4\U0001D7D4\U0001D7D4\U0001D7D4 0202 0011 2231").kinds.size(), 1u);
  // Too many separators between groups: two numbers, each too short.
  EXPECT_FALSE(mask_pii("620202 , , , 020011").found());
}

TEST(MaskPii, OrdinaryNumbersAreNotMasked) {
  for (const char* q : {"提现100元要多久", "2024-01-15充值的", "2024.01.15 2024.02.15 两笔",
                        "2024-01-15 - 2024-02-15 之间", "订单号12345678901", "订单号 1234 5678 901",
                        "金额1,000,000,000,000.00元", "年化4.5%，期限12个月", "10:30 到 11:45",
                        "客服电话400-820-8888", "020-12345678"}) {
    PiiScan s = mask_pii(q);
    EXPECT_FALSE(s.found()) << q << " -> " << s.masked;
    EXPECT_EQ(s.masked, q);
  }
}

TEST(MaskPii, MaskingIsIdempotent) {
  for (const std::string& q : {std::string("卡 ") + kCard19 + " 手机 +86 138 0000 1234 身份证" + kIdX,
                               std::string("6222 0202 0011 2231 / 123456789012")}) {
    const std::string once = mask_pii(q).masked;
    EXPECT_EQ(mask_pii(once).masked, once);
    EXPECT_FALSE(mask_pii(once).found()) << once;
  }
}

TEST(MaskPii, IdNumber) {
  PiiScan s = mask_pii(std::string("身份证") + kIdX + "认证失败");
  ASSERT_EQ(s.kinds, std::vector<PiiKind>{PiiKind::kIdNumber});
  EXPECT_EQ(s.masked, "身份证1101**********002X认证失败");
  // Wrong check digit: still 18 digits, masked as a long number.
  EXPECT_EQ(mask_pii("身份证320102198511150619").masked, "身份证3201**********0619");
  // Wrong check digit but Luhn-valid: masked as a possible 18-digit card.
  PiiScan card = mask_pii("320102198511150618");
  ASSERT_EQ(card.kinds, std::vector<PiiKind>{PiiKind::kBankCard});
  // Separated, full-width, lower-case x.
  EXPECT_EQ(mask_pii("110105 19491231 002X").masked, "1101** ******** 002X");
  EXPECT_EQ(mask_pii("１１０１０５１９４９１２３１００２ｘ").kinds,
            std::vector<PiiKind>{PiiKind::kIdNumber});
  EXPECT_EQ(mask_pii("11010519491231002x").masked, "1101**********002x");
}

TEST(MaskPii, MobileNumbers) {
  EXPECT_EQ(mask_pii("手机13800001234收不到验证码").masked, "手机138****1234收不到验证码");
  EXPECT_EQ(mask_pii("电话 138 0000 1234").masked, "电话 138 **** 1234");
  EXPECT_EQ(mask_pii("+86 13912345678").masked, "+86 139****5678");
  EXPECT_EQ(mask_pii("+8613912345678").masked, "+86139****5678");
  EXPECT_EQ(mask_pii("0086 139 1234 5678").masked, "0086 139 **** 5678");
  EXPECT_EQ(mask_pii("+86-139-1234-5678").masked, "+86-139-****-5678");
  EXPECT_EQ(mask_pii("138.0000.1234").masked, "138.****.1234");
  EXPECT_EQ(mask_pii("1\u200b3\u200b8\u200b0\u200b0\u200b0\u200b0\u200b1\u200b2\u200b3\u200b4").kinds,
            std::vector<PiiKind>{PiiKind::kMobile});
  EXPECT_EQ(mask_pii("13800001234 100元").masked, "138****1234 100元");
  EXPECT_FALSE(mask_pii("12800001234").found());  // 12x is no mobile prefix
  EXPECT_FALSE(mask_pii("提现100元要多久").found());
}

TEST(MaskPii, FullWidthDigits) {
  PiiScan s = mask_pii("手机１３８００００１２３４");
  ASSERT_EQ(s.kinds, std::vector<PiiKind>{PiiKind::kMobile});
  EXPECT_EQ(s.masked, "手机１３８****１２３４");
}

TEST(MaskPii, SecretsAfterCueWordsFullyMasked) {
  EXPECT_EQ(mask_pii("验证码是123456").masked, "验证码是******");
  EXPECT_EQ(mask_pii("验证码:8842,怎么还登录不了").masked, "验证码:******,怎么还登录不了");
  EXPECT_EQ(mask_pii("我的密码是abc123").masked, "我的密码是******");
  EXPECT_EQ(mask_pii("交易密码：Qwerty!").masked, "交易密码：******!");
  EXPECT_EQ(mask_pii("验证码是 123 456").masked, "验证码是 ******");
  EXPECT_EQ(mask_pii("验证码:12\u200b34\u200b56").masked, "验证码:******");
  PiiScan s = mask_pii("短信验证码 665544 收到了");
  ASSERT_EQ(s.kinds, std::vector<PiiKind>{PiiKind::kSecret});
  EXPECT_EQ(s.masked.find("665544"), std::string::npos);
}

TEST(MaskPii, QuestionsAboutPasswordsAreNotSecrets) {
  for (const char* q : {"忘记密码怎么办", "密码是多少位", "交易密码6位数字吗", "收不到验证码",
                        "验证码 60秒后重发", "登录密码和交易密码有什么区别"}) {
    PiiScan s = mask_pii(q);
    EXPECT_FALSE(s.found()) << q;
    EXPECT_EQ(s.masked, q);
  }
}

TEST(MaskPii, SeveralItemsNoDigitsLeak) {
  const std::string text = std::string("卡") + kCard19 + " 手机13800001234 身份证" + kId +
                           " 验证码是908172";
  PiiScan s = mask_pii(text);
  EXPECT_EQ(s.kinds.size(), 4u);
  for (const char* secret : {"0012345678", "0000", "19851115", "908172"}) {
    EXPECT_EQ(s.masked.find(secret), std::string::npos) << secret << " in " << s.masked;
  }
}

TEST(MaskPii, CardAndPhoneSeparatedBySpace) {
  PiiScan s = mask_pii(std::string(kCard16) + " 13800001234");
  EXPECT_EQ(s.kinds.size(), 2u);
  EXPECT_EQ(s.masked, "6222********2230 138****1234");
}

TEST(MaskPii, DisplayNameWithPhone) {
  EXPECT_EQ(mask_pii("王先生13800001234").masked, "王先生138****1234");
  EXPECT_EQ(mask_pii("李女士 138-0000-1234").masked, "李女士 138-****-1234");
}

TEST(PersonalText, StripsInvisibleTrimsAndMasks) {
  EXPECT_EQ(personal_text("\u202emoc.live"), "moc.live");
  EXPECT_EQ(personal_text("  \u200b卡号6222\u200b0202\u200b0011\u200b2231\u3000"), "卡号6222********2231");
  EXPECT_EQ(personal_text("\u200b\u200d\ufeff \u2003"), "");
  EXPECT_EQ(personal_text("提\xff现"), "提现");
}

}  // namespace
}  // namespace faqbot::bot
