#pragma once
// Whether a message charges us with making off with the investors' money and
// demands the investor's own money back ("你们是不是想卷款跑路 我的钱到底还能
// 不能拿回来", "你们要跑路了吧，把我的本金退给我"): an accusation (we, told as
// meaning or about to abscond: 你们 … 想/要/打算/准备 卷款/卷钱/跑路/携款)
// together with a demand for the investor's own money (我的钱/本金/资金 …
// 拿回/要回/退给我/还给我/追回). Hostility over money that a person should
// take up: read as anger (bot/signals.cpp).
// Not a charge: the worry (平台会不会卷款跑路, 你们会跑路吗 — no intent told,
// or no demand), another platform's flight (别的平台跑路了钱能追回吗 — not
// "you"), a demand without the charge (我的钱什么时候能拿回来).
// Pure function of lower-case text (raw or normalised).
#include <string_view>

namespace faqbot::bot {

bool charges_flight_and_demands_money(std::string_view text);

}  // namespace faqbot::bot
