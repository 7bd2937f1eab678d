#pragma once
// A yes-no question whether money is taken ("扣钱不", "扣不扣钱", "会多扣钱
// 不"): in a follow-up it asks the charge of what was just answered, as the
// fee type's cues do (收费, 扣费): "扣钱不" after 能提前还吗 asks the early
// repayment's charge, "扣不扣钱" after 充值咋弄 the recharge fee. Money taken
// as a story ("银行卡扣钱了没到账") or by a standing order ("到期会自动扣钱
// 吗") asks no charge. Pure.
#include <string>
#include <string_view>

namespace faqbot::bot {

// The type a charge question names (followup.json types: fee).
inline constexpr const char* kChargeType = "fee";

// The charge-asking form `normalized` holds (扣钱不, 扣不扣钱, 扣钱吗, 多扣钱,
// 额外扣 …), "" when none, or when 自动 comes right before it.
std::string asked_charge(std::string_view normalized);

}  // namespace faqbot::bot
