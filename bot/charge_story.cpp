#include "bot/charge_story.h"

#include "bot/word_lists.h"

namespace faqbot::bot {
namespace {

// Money told taken by a charge, done (not 扣款时间, 会扣吗).
constexpr std::string_view kCharged[] = {"扣了", "扣款了", "扣钱了", "扣过", "扣走", "扣掉", "被扣", "已扣",
                                         "已经扣", "扣成功", "扣款成功", "划走", "划扣了", "被划", "划掉",
                                         "划过", "扣除了"};
// Money told repaid by the investor, done.
constexpr std::string_view kRepaid[] = {"还了钱", "还了款", "还款了", "已经还了", "明明还了", "已还款", "还过了",
                                        "还上了", "还清了", "已经还款", "还完了", "已经还清", "已经结清", "结清了"};
// The charge told again.
// (Not 扣多: "要被扣多少" asks an amount.)
constexpr std::string_view kRepeated[] = {"两次", "两遍", "两回", "2次", "2遍", "二次", "重复", "多扣",
                                          "又扣", "双倍", "双份"};
// Repetition phrases that tell a double charge alone.
constexpr std::string_view kDoubleCharge[] = {"重复扣", "扣重复", "扣了两笔", "被扣两笔", "扣了我两笔", "两笔扣款",
                                              "多扣了", "扣多了", "又扣了", "二次扣款"};
// What was paid, shown unpaid.
constexpr std::string_view kUnpaid[] = {"未还", "没还", "待还", "逾期", "还款中", "未结清", "没结清", "没有结清",
                                        "未入账", "没入账", "没销账", "还款失败", "欠款", "欠着"};
// What is shown, or a contradiction of what was done.
constexpr std::string_view kShown[] = {"显示", "还是", "还说", "说我", "但", "却", "可是", "可订单", "可状态",
                                       "可账单", "怎么还", "为什么还", "咋还", "仍", "依然", "依旧", "状态",
                                       "账单", "提示", "短信", "催"};
// A charge that failed or never happened.
constexpr std::string_view kNotCharged[] = {"扣款失败", "扣失败", "扣费失败", "扣款不成功", "没扣", "没有扣",
                                            "未扣", "扣不了", "扣不上", "扣不出", "没划"};
// The charge told again before it is named ("又从卡里扣了", "再一次被扣").
constexpr std::string_view kAgain[] = {"又", "再次", "再一次"};
// A charge told due before the one taken ("应该扣1200 结果划走了2400").
constexpr std::string_view kDue[] = {"应该扣", "应扣", "本该扣", "本来该扣", "本来扣", "只该扣"};
// Between 又 and the charge, words of what is to come ("又要被扣"), not told.
constexpr std::string_view kToCome[] = {"要", "会", "得", "该"};
// English (normalised: lower case, spaces between Latin words dropped): a
// charge word and a repetition ("payment was taken twice", "charged me twice").
constexpr std::string_view kChargedEnglish[] = {"taken", "took", "charged", "deducted", "debited", "billed",
                                                "withdrawn", "paid"};
constexpr std::string_view kRepeatedEnglish[] = {"twice", "twotimes", "2times", "doublecharg", "double"};
constexpr std::string_view kPossibilityEnglish[] = {"will", "would", "could", "might", "whatif", "incase",
                                                    "worried", "afraid", "avoid", "prevent", "doi", "haveto"};
// A charge asked about as a possibility, not told.
constexpr std::string_view kPossibility[] = {"会不会", "会重复", "会扣", "会不", "是否", "如果", "万一", "要是",
                                             "怕", "担心", "防止", "避免", "假如"};
// The credit record (a past overdue stays on it after repaying) and the
// penalties of an overdue: asked about, not told wrongly charged.
constexpr std::string_view kOverdueAfterwards[] = {"征信", "信用记录", "罚息", "滞纳金", "违约金"};

// Money put into the account: a charge for it gone wrong is the recharge's
// own business (recharge.not_arrived: "充值扣了两次钱").
constexpr std::string_view kRecharge[] = {"充值", "充钱", "充了", "充进", "冲值", "转入", "存入"};
// Once (只, 仅) told of what reached the account ("余额只加了一笔", "只到账了
// 一笔"), or one of the charges told missing ("少了一笔", "有一笔没到账").
constexpr std::string_view kOnce[] = {"只", "仅"};
constexpr std::string_view kCredited[] = {"加了一", "加一", "到了一", "到账一", "到账了一", "入账一",
                                          "入账了一", "显示一", "充进一", "进了一", "进来一", "多了一", "有一笔"};
constexpr std::string_view kOneMissing[] = {"少了一笔", "少一笔", "一笔没到", "一笔没有到", "一笔没入账",
                                            "一笔不见"};

// Whether some word of `first` is followed by some word of `then` with at
// most kMaxGapBytes bytes between them ("扣了我两次", "被扣了两遍"): a
// repetition counting something else further on ("逾期过两次 被扣过罚息")
// is not a charge told twice.
constexpr size_t kMaxGapBytes = 9;  // three CJK characters in UTF-8
template <size_t N, size_t M>
bool followed_closely(std::string_view text, const std::string_view (&first)[N],
                      const std::string_view (&then)[M]) {
  for (std::string_view f : first) {
    for (size_t at = text.find(f); at != std::string_view::npos; at = text.find(f, at + 1)) {
      std::string_view after = text.substr(at + f.size(), kMaxGapBytes + 6);
      for (std::string_view t : then) {
        size_t found = after.find(t);
        if (found != std::string_view::npos && found <= kMaxGapBytes) return true;
      }
    }
  }
  return false;
}

}  // namespace

namespace {

// Whether some word of `kAgain` is followed within three characters by a
// charge told (kCharged), nothing of what is to come between ("又从卡里扣了",
// not "又要被扣").
bool charged_again(std::string_view text) {
  for (std::string_view a : kAgain) {
    for (size_t at = text.find(a); at != std::string_view::npos; at = text.find(a, at + 1)) {
      const std::string_view after = text.substr(at + a.size(), kMaxGapBytes + 12);
      for (std::string_view c : kCharged) {
        const size_t found = after.find(c);
        if (found == std::string_view::npos || found > kMaxGapBytes) continue;
        if (!holds_any(after.substr(0, found), kToCome)) return true;
      }
    }
  }
  return false;
}

// Whether a charge told due ("应该扣") is followed, anywhere later, by a
// charge told done: more was taken than was due.
bool charged_beyond_due(std::string_view text) {
  for (std::string_view d : kDue) {
    const size_t at = text.find(d);
    if (at == std::string_view::npos) continue;
    if (holds_any(text.substr(at + d.size()), kCharged)) return true;
  }
  return false;
}

}  // namespace

namespace {

// Taken twice as told in Chinese, whatever was paid.
bool charged_twice(std::string_view text) {
  return holds_any(text, kDoubleCharge) || followed_closely(text, kCharged, kRepeated) || charged_again(text) ||
         charged_beyond_due(text);
}

// Only one of the charges told credited ("余额只加了一笔", "少了一笔").
bool one_credited(std::string_view text) {
  return holds_any(text, kOneMissing) || followed_closely(text, kOnce, kCredited);
}

}  // namespace

bool tells_double_charge(std::string_view normalized) {
  if (holds_any(normalized, kPossibility)) return false;
  if (holds_any(normalized, kRecharge)) return charged_twice(normalized) && one_credited(normalized);
  if (holds_any(normalized, kChargedEnglish) && holds_any(normalized, kRepeatedEnglish)) {
    return !holds_any(normalized, kPossibilityEnglish);
  }
  return charged_twice(normalized);
}

bool tells_charged_but_unpaid(std::string_view normalized) {
  if (holds_any(normalized, kPossibility) || holds_any(normalized, kRecharge) ||
      holds_any(normalized, kNotCharged) || holds_any(normalized, kOverdueAfterwards)) {
    return false;
  }
  return (holds_any(normalized, kCharged) || holds_any(normalized, kRepaid)) && holds_any(normalized, kUnpaid) &&
         holds_any(normalized, kShown);
}

}  // namespace faqbot::bot
