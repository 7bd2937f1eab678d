#include "bot/balance_story.h"

#include <string>
#include <vector>

#include "bot/word_lists.h"
#include "knowledge/utf8.h"
#include "retrieval/spoken_numbers.h"

namespace faqbot::bot {
namespace {

// Where the money is held (账户里, 卡里, 余额 …).
constexpr std::string_view kHeld[] = {"余额", "账户", "帐户", "账号里", "帐号里", "卡里", "账上", "帐上", "账里",
                                      "帐里", "户头", "户口", "钱包里", "里面的钱", "里的钱", "钱"};
// The balance as it was.
constexpr std::string_view kBefore[] = {"本来", "原来", "原本", "明明有", "明明是", "之前有", "之前还有", "以前有",
                                        "昨天还有", "昨天还是", "上周还有", "上个月还有", "前几天还有", "前两天还有",
                                        "刚才还有", "早上还有", "之前是"};
// The balance as it shows now, less.
constexpr std::string_view kNow[] = {"只剩", "就剩", "只有", "只显示", "显示只有", "变成", "少了", "不见了", "没了",
                                     "剩下", "剩了", "变少"};
// Intentions, not a balance ("本来想投三万").
constexpr std::string_view kIntention[] = {"本来想", "原来想", "原本想", "本来打算", "原本打算", "本来准备",
                                           "本来要", "原来要"};
// A cause of the investor's own for the shrink.
constexpr std::string_view kOwnCause[] = {"提现", "提了", "取了", "取出", "投了", "投标", "投资了", "出借", "借出",
                                          "买了", "转出", "转走了一", "冻结", "还款", "还了", "消费", "花了",
                                          "扣了", "扣款", "手续费", "投资后", "投资之后", "投资以后", "投完", "投进去", "满标", "流标", "到期", "回款", "提咗", "投咗", "攞咗", "用咗", "还咗"};
// Cantonese tellings of money gone, told without the balance as it was
// ("户口啲钱少咗三千蚊", "啲钱全部冇晒", "余额变咗零"): with money held named.
constexpr std::string_view kGoneInCantonese[] = {"唔见咗", "唔见晒", "冇晒", "冇咗", "少咗", "变咗零", "变咗0",
                                                 "无端端少", "无啦啦少"};
// A possibility, not a story.
constexpr std::string_view kPossibility[] = {"会不会", "会唔会", "如果", "万一", "要是", "假如", "担心", "怕"};
// Things other than money held that can shrink.
constexpr std::string_view kNotMoney[] = {"额度", "利率", "利息", "收益率", "年化", "积分", "等级", "红包",
                                          "加息券", "优惠券"};

// The investor's own investing, an act (not "投资的钱": money named by what it is).
constexpr std::string_view kOwnInvesting[] = {"投了", "投标", "投资后", "投资之后", "投资以后", "投资完",
                                              "投资了", "出借后", "出借之后", "出借以后", "出借了", "出借完",
                                              "投完", "投进去", "买了标", "买了一个标", "抢到标", "加入了"};
// A negation just before the act ("没投标", "没有投了", "未出借了").
constexpr std::string_view kNegation[] = {"没", "未", "不", "别"};
// Money held, after the act.
constexpr std::string_view kMoneyHeld[] = {"余额", "可用", "钱", "资金", "账户", "帐户", "账上", "帐上", "卡里"};
// Told less or frozen (not gone: "不见了", "没了" are another story).
constexpr std::string_view kLessOrFrozen[] = {"少了", "变少", "减少", "少一", "少很多", "冻结", "冻住", "锁住",
                                              "锁定", "锁了", "扣掉", "扣除了", "不够了"};
// The investor's own doing denied, or another's told.
constexpr std::string_view kNotOwnDoing[] = {"被盗", "盗了", "被人", "别人", "不是我", "没操作", "没有操作",
                                             "什么都没", "啥都没", "莫名", "无缘无故", "不见", "没了", "没有记录",
                                             "没记录", "查不到", "找不到", "多扣", "不止", "比投的", "比我投的",
                                             "记录里没", "记录上没", "记录也没", "记录都没", "没有这笔", "没这笔",
                                             "对不上"};

// Things other than money held that can shrink after investing (interest on
// money frozen is the full-bid wait's own question: not here).
constexpr std::string_view kNotMoneyAfterInvesting[] = {"额度", "利率", "收益", "年化", "积分", "等级", "红包",
                                                        "加息券", "优惠券"};

// The same told in English, matched without spaces (the normalised text
// may or may not keep them): the money said gone or taken.
constexpr std::string_view kGoneInEnglish[] = {"balanceisgone", "balancehasgone", "balancedisappeared",
                                               "balancehasdisappeared", "moneyisgone", "moneyhasgone",
                                               "moneydisappeared", "moneyhasdisappeared", "moneyismissing",
                                               "fundsaremissing", "fundsdisappeared", "fundsaregone",
                                               "moneywasstolen", "moneyhasbeenstolen", "fundswerestolen",
                                               "balanceiswrong", "balancewentdown", "balancedropped",
                                               "balancehasdropped", "balancevanished", "moneyvanished",
                                               // "balance" reads 余额 by the synonym map.
                                               "余额isgone", "余额hasgone", "余额disappeared", "余额hasdisappeared",
                                               "余额iswrong", "余额wentdown", "余额dropped", "余额hasdropped",
                                               "余额vanished"};
// An English possibility ("what if my money disappeared").
constexpr std::string_view kEnglishPossibility[] = {"whatif", "couldmy", "willmy", "afraid", "worried"};

// `text` without spaces.
std::string without_spaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ') out += c;
  }
  return out;
}

// Whether some word of `now` occurs after the first word of `before`.
template <size_t N, size_t M>
bool follows(std::string_view text, const std::string_view (&before)[N], const std::string_view (&now)[M]) {
  size_t first = std::string_view::npos;
  for (std::string_view b : before) {
    const size_t at = text.find(b);
    if (at != std::string_view::npos && (first == std::string_view::npos || at < first)) first = at;
  }
  if (first == std::string_view::npos) return false;
  const std::string_view rest = text.substr(first);
  return holds_any(rest, now);
}

// The first occurrence of a word of kOwnInvesting in `text` not just after a
// negation, or npos.
size_t own_investing_at(std::string_view text) {
  size_t first = std::string_view::npos;
  for (std::string_view act : kOwnInvesting) {
    for (size_t at = text.find(act); at != std::string_view::npos; at = text.find(act, at + 1)) {
      const std::string_view before = text.substr(0, at);
      bool negated = false;
      for (std::string_view n : kNegation) {
        if (before.size() >= n.size() && before.substr(before.size() - n.size()) == n) negated = true;
        // "没有投标": the negation one word earlier.
        if (before.size() >= n.size() + 3 && before.substr(before.size() - n.size() - 3, n.size()) == n &&
            before.substr(before.size() - 3) == "有") {
          negated = true;
        }
      }
      if (negated) continue;
      if (first == std::string_view::npos || at < first) first = at;
      break;
    }
  }
  return first;
}

// The amounts of money the text tells: runs of digits (two or more), and
// runs of numeral characters that hold 百, 千 or 万 or are followed by 元 or
// 块 ("一万", "两千五", "5000", "三百块"); not the 一 of 一笔 or 一下.
std::vector<int64_t> amounts_told(std::string_view text) {
  const std::u32string cps = utf8::decode(text);
  std::vector<int64_t> amounts;
  for (size_t i = 0; i < cps.size();) {
    size_t j = i;
    if (cps[i] >= U'0' && cps[i] <= U'9') {
      while (j < cps.size() && cps[j] >= U'0' && cps[j] <= U'9') ++j;
      if (j - i >= 2 && j - i <= 12) amounts.push_back(std::stoll(utf8::encode(cps.substr(i, j - i))));
    } else if (retrieval::is_chinese_numeral(cps[i])) {
      while (j < cps.size() && retrieval::is_chinese_numeral(cps[j])) ++j;
      const std::u32string_view run(cps.data() + i, j - i);
      const bool magnitude = run.find_first_of(U"百千万") != std::u32string_view::npos;
      const bool currency = j < cps.size() && (cps[j] == U'元' || cps[j] == U'块');
      const std::optional<int64_t> value = retrieval::chinese_number_value(run);
      if (value && (magnitude || currency)) amounts.push_back(*value);
    } else {
      j = i + 1;
    }
    i = j;
  }
  return amounts;
}

// Whether the text tells two amounts that differ ("投了一万 余额少了两万"):
// more or other money gone than the bid, for a person to look at.
bool amounts_differ(std::string_view text) {
  const std::vector<int64_t> amounts = amounts_told(text);
  for (size_t i = 1; i < amounts.size(); ++i) {
    if (amounts[i] != amounts[0]) return true;
  }
  return false;
}

}  // namespace

bool tells_own_investing_then_less(std::string_view normalized) {
  const std::string joined = without_spaces(normalized);
  const std::string_view text = joined;
  if (holds_any(text, kNotOwnDoing) || holds_any(text, kNotMoneyAfterInvesting) || amounts_differ(text)) {
    return false;
  }
  const size_t at = own_investing_at(text);
  if (at == std::string_view::npos) return false;
  const std::string_view after = text.substr(at);
  return holds_any(after, kMoneyHeld) && holds_any(after, kLessOrFrozen);
}

bool tells_balance_shrank(std::string_view normalized) {
  const std::string joined = without_spaces(normalized);
  if (holds_any(joined, kGoneInEnglish) && !holds_any(joined, kEnglishPossibility)) return true;
  if (holds_any(normalized, kIntention) || holds_any(normalized, kOwnCause) ||
      holds_any(normalized, kPossibility) || holds_any(normalized, kNotMoney)) {
    return false;
  }
  return holds_any(normalized, kHeld) &&
         (follows(normalized, kBefore, kNow) || holds_any(normalized, kGoneInCantonese));
}

namespace {

// An account or money told frozen or blocked (not the money bid before a
// loan fills: kOwnInvesting rules that out).
constexpr std::string_view kFrozen[] = {"冻结", "冻住", "被冻", "封了", "被封", "封号", "锁住"};
// Without a cause the investor knows of.
constexpr std::string_view kUnexplained[] = {"莫名其妙", "莫名", "无缘无故", "不知道为什么", "不知为何",
                                             "什么都没做", "啥都没干", "没做什么"};
// Money told held in it: an amount or the balance.
constexpr std::string_view kMoneyStillIn[] = {"还有", "里面有", "里有", "余额", "钱都", "钱还", "块钱", "万块",
                                              "千块", "几万", "几千"};

}  // namespace

bool tells_money_frozen_unexplained(std::string_view normalized) {
  if (holds_any(normalized, kPossibility) || holds_any(normalized, kOwnInvesting)) return false;
  return holds_any(normalized, kFrozen) && holds_any(normalized, kUnexplained) &&
         holds_any(normalized, kMoneyStillIn);
}

}  // namespace faqbot::bot
