#include "retrieval/story_context.h"

#include <iterator>

#include "retrieval/prng.h"
#include "retrieval/stable_order.h"

namespace faqbot::retrieval {
namespace {

constexpr uint64_t kStorySeed = 0x570e1e5;
constexpr uint64_t kPurposeStory = 0x5707;

// The pools. Each story is one or two of: who and when, how much, what for,
// how things stand. Topic words of our own (充值, 提现, 借款 …) stay out: a
// story must not point to one of our entries.
constexpr const char* kWhen[] = {"上个月", "前天", "昨天晚上", "今天上午", "月初", "月底", "去年年底",
                                 "这周五", "上周三", "国庆前", "春节那会", "刚才"};
constexpr const char* kAgeForms[] = {"我今年%d岁了", "我%d了", "本人%d岁", "我都%d岁了"};
constexpr const char* kAmountForms[] = {"手里有%s", "存了%s", "攒了%s", "家里有%s闲钱", "一共%s", "大概%s"};
constexpr const char* kAmounts[] = {"3000", "5000块", "8000元", "1万", "2万", "五万", "10万", "十几万",
                                    "30万", "50万", "60万", "一百万"};
constexpr const char* kPercentForms[] = {"以前是%d%%", "当时看是%d%%", "朋友说有%d%%", "原来%d个点"};
constexpr const char* kPurposes[] = {"想装修房子", "孩子明年上大学", "家里老人要看病", "准备结婚",
                                     "打算做点小生意", "想给家里换辆车", "年后要交房租", "想存点养老钱"};
constexpr const char* kStates[] = {"工资还没发", "年终奖刚到", "刚退休", "手头有点紧", "家里急用",
                                   "我是新手", "朋友介绍来的", "第一次弄这个", "我不太会用手机", "等了好几天了"};
constexpr const char* kTimes[] = {"下午3点", "晚上八点多", "早上9点", "中午十二点"};

template <size_t N>
const char* pick(Prng& rng, const char* const (&pool)[N]) {
  return pool[rng.below(N)];
}

std::string format(const char* form, const char* arg) {
  std::string out;
  for (const char* p = form; *p; ++p) {
    if (p[0] == '%' && p[1] == 's') {
      out += arg;
      ++p;
    } else {
      out += *p;
    }
  }
  return out;
}

std::string format(const char* form, int n) {
  std::string out;
  for (const char* p = form; *p; ++p) {
    if (p[0] == '%' && p[1] == 'd') {
      out += std::to_string(n);
      ++p;
    } else if (p[0] == '%' && p[1] == '%') {
      out += '%';
      ++p;
    } else {
      out += *p;
    }
  }
  return out;
}

std::string piece(Prng& rng) {
  switch (rng.below(6)) {
    case 0:
      return std::string(pick(rng, kWhen)) + (rng.below(2) ? pick(rng, kTimes) : "");
    case 1:
      return format(pick(rng, kAgeForms), 22 + static_cast<int>(rng.below(50)));
    case 2:
      return format(pick(rng, kAmountForms), pick(rng, kAmounts));
    case 3:
      return format(pick(rng, kPercentForms), 4 + static_cast<int>(rng.below(9)));
    case 4:
      return pick(rng, kPurposes);
    default:
      return pick(rng, kStates);
  }
}

}  // namespace

std::vector<std::string> investor_stories(size_t count) {
  std::vector<std::string> out;
  out.reserve(count);
  Prng rng(kStorySeed);
  for (size_t i = 0; i < count; ++i) {
    std::string s = piece(rng);
    if (rng.below(2)) s += "，" + piece(rng);
    out.push_back(std::move(s));
  }
  return out;
}

std::string with_story(const std::string& text, const std::vector<std::string>& stories) {
  if (stories.empty()) return text;
  Prng rng = keyed_prng(content_key(text, -1), kPurposeStory);
  const std::string& story = stories[rng.below(stories.size())];
  return rng.below(2) ? story + text : text + story;
}

}  // namespace faqbot::retrieval
