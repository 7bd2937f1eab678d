// An accusation of absconding with a demand for one's own money
// (bot/flight_charge.h), read as anger by detect_signals.
#include "bot/flight_charge.h"

#include <gtest/gtest.h>

#include "bot/signals.h"

namespace faqbot::bot {
namespace {

TEST(FlightCharge, AccusationWithDemandForOwnMoney) {
  EXPECT_TRUE(charges_flight_and_demands_money("你们是不是想卷款跑路 我的钱到底还能不能拿回来"));
  EXPECT_TRUE(charges_flight_and_demands_money("你们要跑路了吧，把我的本金退给我"));
  EXPECT_TRUE(charges_flight_and_demands_money("你们是打算卷钱走人吗我的资金什么时候还给我"));
}

TEST(FlightCharge, WorriesOthersAndPlainDemandsAreNot) {
  EXPECT_FALSE(charges_flight_and_demands_money("平台会不会卷款跑路"));
  EXPECT_FALSE(charges_flight_and_demands_money("你们会跑路吗"));
  EXPECT_FALSE(charges_flight_and_demands_money("平台要是跑路了我的钱还能拿回来吗"));
  EXPECT_FALSE(charges_flight_and_demands_money("别的平台跑路了我的钱能追回吗"));
  EXPECT_FALSE(charges_flight_and_demands_money("我的钱什么时候能拿回来"));
  EXPECT_FALSE(charges_flight_and_demands_money("你们不要卷款跑路啊 我的钱还能拿回来吗"));
}

TEST(FlightCharge, ReadAsAnger) {
  const SignalRules rules = SignalRules::defaults();
  EXPECT_TRUE(detect_signals("你们是不是想卷款跑路 我的钱到底还能不能拿回来", "", rules).anger);
  EXPECT_FALSE(detect_signals("平台会不会卷款跑路", "", rules).anger);
}

}  // namespace
}  // namespace faqbot::bot
