#include "bot/contact_question.h"

#include "bot/word_lists.h"

namespace faqbot::bot {
namespace {

// A number to call, or another way to reach the service.
constexpr std::string_view kNumber[] = {"电话", "热线", "号码", "座机", "固话", "400", "联系方式"};
// When someone is there to answer: the service hours' question.
constexpr std::string_view kTime[] = {"几点", "上班", "下班", "时间", "时候", "24小时", "晚上", "夜里", "夜间",
                                      "半夜", "凌晨", "早上", "中午", "周末", "周六", "周日", "星期", "礼拜",
                                      "节假日", "放假", "过年", "春节", "有人接", "没人接", "在不在", "值班"};
// Who is asked: our service, not another organisation ("派出所电话", "快递电话").
constexpr std::string_view kOurService[] = {"人工", "客服", "你们", "官方", "平台"};
// A call asked of us: a request for a person, not for our number.
constexpr std::string_view kCallBack[] = {"回电", "回个电话", "回电话", "给我打", "打给我", "打过来", "联系我"};

}  // namespace

bool names_our_service(std::string_view normalized) { return holds_any(normalized, kOurService); }

bool asks_for_a_number(std::string_view normalized) {
  return holds_any(normalized, kNumber) && !holds_any(normalized, kTime) && !holds_any(normalized, kCallBack);
}

}  // namespace faqbot::bot
