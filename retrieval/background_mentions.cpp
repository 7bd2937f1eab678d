#include "retrieval/background_mentions.h"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "retrieval/message_cues.h"

namespace faqbot::retrieval {
namespace {

// Words turning to us that are no about-us words of their own (a question
// about another product may say them: "支付宝平台怎么提现").
constexpr std::string_view kTowardUs[] = {"这边", "这里", "你这", "平台", "贵司", "贵方"};
// Degree words holding 么 that ask nothing ("没这么严").
constexpr std::string_view kDegreeWords[] = {"这么", "那么"};
// Wishes: the investor wants the other product ("我想办张信用卡").
constexpr std::string_view kWishes[] = {"想", "打算", "准备", "希望"};
// Comparison and contrast: what the clause says of the other product is set
// against us ("在京东付款都正常", "支付宝从来不会这样", "基金十块钱就能买",
// "像注销支付宝那样", "余额宝起码每天有收益", "支付宝一次就过了").
constexpr std::string_view kComparisons[] = {"都", "从来", "从不", "从没", "早就", "早都", "早已",
                                             "人家", "就能", "就可以", "就行", "没这么", "没那么",
                                             "像", "一样", "那样", "起码", "至少", "一次就"};

template <size_t N>
bool holds_any(const std::string& text, const std::string_view (&words)[N]) {
  return std::any_of(std::begin(words), std::end(words),
                     [&](std::string_view w) { return text.find(w) != std::string::npos; });
}

// 几 of a telling count ("输错几次号就锁了"), no question.
constexpr std::string_view kCounts[] = {"好几", "十几", "几十", "几百", "几千", "几万", "几次", "几个", "几天"};

template <size_t N>
std::string without(const std::string& normalized, const std::string_view (&words)[N]) {
  std::string text = normalized;
  for (std::string_view w : words) {
    for (size_t at = text.find(w); at != std::string::npos; at = text.find(w, at)) text.erase(at, w.size());
  }
  return text;
}

// Whether a normalised clause asks, degree words aside.
bool asks(const std::string& normalized) {
  const std::string text = without(normalized, kDegreeWords);
  return asks_question(text) || asks_or_requests(text);
}

}  // namespace

bool turns_to_us(const std::string& normalized) { return holds_any(normalized, kTowardUs); }

bool only_tells(const std::string& normalized) { return !asks(normalized) && !holds_any(normalized, kWishes); }

bool compares(const std::string& normalized) { return holds_any(normalized, kComparisons); }

Background background_of(const std::vector<MentionClause>& clauses) {
  bool named = false, own = false, put_to_us = false, topic_put_to_us = false, own_topic = false;
  bool all_compare = true, own_asks_after_name = false;
  for (const MentionClause& c : clauses) {
    if (c.names_other) {
      if (c.addresses_us || !only_tells(c.normalized)) return Background::kNone;
      named = true;
      all_compare = all_compare && compares(c.normalized);
      continue;
    }
    own = true;
    own_asks_after_name = own_asks_after_name || (named && asks(without(c.normalized, kCounts)));
    own_topic = own_topic || c.names_topic;
    put_to_us = put_to_us || c.addresses_us;
    topic_put_to_us = topic_put_to_us || (c.addresses_us && c.names_topic);
  }
  if (!named || !own) return Background::kNone;
  if (topic_put_to_us) return Background::kSure;
  if (put_to_us) return Background::kIfOurs;
  // Not put to us: a question after the name may be elliptical, its object
  // the other product's ("余额宝都是随存随取，怎么转出"); a question before
  // it ("借款要什么条件，微粒贷都不要资料") or a rest that tells of ours
  // ("提了三天还没到") is set against it.
  if (!all_compare || own_asks_after_name) return Background::kNone;
  return own_topic ? Background::kSure : Background::kIfOurs;
}

}  // namespace faqbot::retrieval
