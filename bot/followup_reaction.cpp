#include "bot/followup_reaction.h"

#include <algorithm>
#include <iterator>

namespace faqbot::bot {

namespace {
// Words that only react to a wait told: a degree pointing at it (这么, 那么,
// 太) or a complaint of it. Not 快点 or 加急 alone: those ask for speed of
// any kind ("快点告诉我").
constexpr std::string_view kImpatience[] = {
    "这么久", "那么久", "这么慢", "那么慢", "太久", "太慢", "好慢", "慢死", "慢得要命", "这么多天",
    "那么多天", "这么长时间", "那么长时间", "这么长的时间", "等不及", "等不了那么", "等太久", "等好久",
    "磨蹭", "磨叽"};
}  // namespace

bool reacts_to_a_wait(std::string_view normalized) {
  return std::any_of(std::begin(kImpatience), std::end(kImpatience),
                     [&](std::string_view w) { return normalized.find(w) != std::string_view::npos; });
}

}  // namespace faqbot::bot
