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

TEST(MaskPii, NumberFailingLuhnIsNotACard) {
  PiiScan s = mask_pii(std::string("订单号") + kCard16Bad);
  EXPECT_FALSE(s.found());
  EXPECT_EQ(s.masked, std::string("订单号") + kCard16Bad);
}

TEST(MaskPii, IdNumber) {
  PiiScan s = mask_pii(std::string("身份证") + kIdX + "认证失败");
  ASSERT_EQ(s.kinds, std::vector<PiiKind>{PiiKind::kIdNumber});
  EXPECT_EQ(s.masked, "身份证1101**********002X认证失败");
  // Wrong check digit and failing Luhn too: no personal number.
  EXPECT_FALSE(mask_pii("身份证320102198511150619").found());
  // Wrong check digit but Luhn-valid: masked as a possible 18-digit card.
  PiiScan card = mask_pii("320102198511150618");
  ASSERT_EQ(card.kinds, std::vector<PiiKind>{PiiKind::kBankCard});
}

TEST(MaskPii, MobileNumbers) {
  EXPECT_EQ(mask_pii("手机13800001234收不到验证码").masked, "手机138****1234收不到验证码");
  EXPECT_EQ(mask_pii("电话 138 0000 1234").masked, "电话 138 **** 1234");
  EXPECT_EQ(mask_pii("+86 13912345678").masked, "+86 139****5678");
  EXPECT_EQ(mask_pii("+8613912345678").masked, "+86139****5678");
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

}  // namespace
}  // namespace faqbot::bot
