#include "retrieval/product_mentions.h"

#include <algorithm>
#include <iterator>

#include "knowledge/means_words.h"

namespace faqbot::retrieval {

namespace {

void drop_empty(std::vector<std::string>& words) {
  words.erase(std::remove(words.begin(), words.end(), std::string()), words.end());
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Words joining a product to another means of the same list ("用微信或者支付宝").
constexpr std::string_view kCoordinators[] = {"或者", "还是", "以及", "或", "和", "及", "与"};
// How far back (bytes, about six CJK characters) the list's means word may be.
constexpr size_t kListWindow = 18;

// A name right after a negation is something the investor does not have or
// use ("没有房贷，我符合借款条件吗"): the question is not about it.
constexpr std::string_view kNegations[] = {"没有", "没", "无", "不是", "并非", "不用", "不需要"};
// A question ending in such a word negates nothing: "你们有没有保险产品" asks
// whether we offer it, "是不是信用卡也行" asks about it.
constexpr std::string_view kQuestionsEndingInNegation[] = {"有没有", "有没", "是不是", "用不用", "需不需要"};
// A negation asked why ("为什么我没有微粒贷", "为啥我没X"): the investor asks
// about the thing missing, which is then what the question is about. The
// asker may stand between the why-word and the negation.
constexpr std::string_view kWhyWords[] = {"为什么", "为啥", "为何", "怎么", "咋", "凭什么", "什么原因"};
// What after the missing name makes it a means of ours ("为什么没有支付宝充
//值", "怎么没有微信支付的选项": our channels, not their product).
constexpr std::string_view kMeansAfterMissing[] = {"充值", "充钱", "支付", "付款", "还款", "提现", "转账",
                                                   "绑", "方式", "渠道", "选项", "通道"};
constexpr std::string_view kAskers[] = {"我", "我们", "我就", "我还", "我都", "我却", "我一直", "我怎么"};
// Our features a name can be the object of, right after it ("招行信用卡能绑
// 不", "信用卡可以绑定吗"): the investor asks whether we take it. Binding is
// ours unless the verb has an object of its own (云闪付绑卡失败, 支付宝绑定
// 银行卡: binding in their app); a recharge or a repayment only with a modal
// before the verb or an acceptance question after it ("信用卡能充值吗", "信
// 用卡能还款吗", not "股票账户充值要多久", "信用卡还款日是哪天").
constexpr std::string_view kBindVerbs[] = {"绑定", "换绑", "绑"};
constexpr std::string_view kBoundObjects[] = {"卡", "银行卡", "储蓄卡", "借记卡", "信用卡", "手机", "账户", "账号"};
constexpr std::string_view kMeansVerbs[] = {"充值", "充钱", "还款", "还钱"};
// A recharge toward ours with the name as its subject ("支付宝能给账户充值吗",
// "微信可以往平台充钱吗"): a preposition of direction, a short object, the
// verb; the same modal or acceptance question is needed.
constexpr std::string_view kToward[] = {"给", "往", "向", "为"};
// How far after the preposition (bytes, about four CJK characters) the verb may start.
constexpr size_t kObjectWindow = 12;
constexpr std::string_view kModals[] = {"能不能", "可不可以", "能否", "可以", "也能", "能", "支持", "可"};
// Hedges before the modal ("招行信用卡估计也能绑的吧", "支付宝是不是也可以充值"):
// the investor guesses whether we take it, the modal still follows.
constexpr std::string_view kHedges[] = {"应该", "是不是", "是否", "大概", "估计"};
// A bare recharge verb ("支付宝可以充不") is ours only with a modal before it
// and nothing of its own after it: a question particle, a direction into
// the account, or the end ("支付宝能充话费吗" recharges their object).
constexpr std::string_view kBareRecharge = "充";
constexpr std::string_view kAfterBareRecharge[] = {"吗", "不", "么", "嘛", "没", "进", "到", "啊", "呀", "吧", "呢", "钱"};
// Adverbs between the modal and the verb ("支付宝能直接充值吗").
constexpr std::string_view kAdverbs[] = {"直接", "也"};
// Evidence offered for one of ours, asked whether it is accepted ("支付宝流水
// 算吗" asking about our loan's requirements).
constexpr std::string_view kEvidence[] = {"流水", "记录", "账单", "截图", "证明"};
constexpr std::string_view kAcceptance[] = {"算吗", "算不算", "算不", "也算", "可以吗", "可不可以", "可以不",
                                            "行吗", "行不行", "行不", "也行", "认吗", "认不认", "认可吗",
                                            "有用吗", "管用吗", "能用吗", "能用不"};
// Words of comparison right before a name ("像基金定投那样", "跟支付宝比").
constexpr std::string_view kComparisonWords[] = {"像", "跟", "比", "对比", "比较", "比起"};
// Words likening ours to a name, which may stand a verb of getting away
// ("出借是不是等于买了基金", "这就等于存了定期"): the name is what ours
// is likened to, not what the question asks about.
constexpr std::string_view kLikening[] = {"相当于", "等于", "等同于", "类似于", "好比", "如同"};
constexpr std::string_view kGettingVerbs[] = {"买了", "买个", "买", "办了", "办", "存了", "存", "上了", "有了", "投了", "开了"};
// What right after a name makes it the holder of money ("公积金账户里",
// "社保卡里的钱"; the forms may end in 账户 or 卡 themselves).
constexpr std::string_view kHolders[] = {"账户", "账号", "卡里", "里"};
// A name told as the investor's workplace ("我在美团上班能借多少", "京东的员
// 工有优惠吗"): background to a question about ours. Right after 在 with a
// verb of working after it, or right before a word for its staff.
constexpr std::string_view kAt = "在";
constexpr std::string_view kWorking[] = {"上班", "工作", "打工", "任职", "上岗", "干活"};
constexpr std::string_view kStaff[] = {"员工", "的员工", "职工", "的职工"};
// What right after a name (的 before the short ones) makes it the maker of
// the investor's own card or phone number ("中国移动的手机号能注册吗", "银联
// 的卡能绑吗"): the question is about what they do with it here. Only for
// products: a bank's own service keeps its card ("工行卡的密码忘了").
constexpr std::string_view kQualifiedAlways[] = {"手机号", "号码", "手机卡"};
constexpr std::string_view kQualifiedAfterOf[] = {"的卡"};
// A verb of changing right before the name makes the number or card the
// product's own setting ("怎么更改花呗手机号码", "换支付宝绑定的卡"): the question
// is about their app, not about what the investor does with it here.
constexpr std::string_view kChanging[] = {"更改", "修改", "变更", "更换", "改", "换"};
// Words beginning with a verb of working that are no work ("在支付宝工作日到账吗").
constexpr std::string_view kNoWork[] = {"工作日", "工作时间"};
// How far after the evidence word (bytes, about four CJK characters) the
// acceptance question may start.
constexpr size_t kAcceptanceWindow = 12;
// A bad record of the named thing (named_as_record), and how far after the
// name (bytes, three CJK characters: "之前有逾期") it may start.
constexpr std::string_view kRecords[] = {"逾期", "欠款", "欠费", "不良记录", "呆账", "坏账", "没还清", "没还上", "还不上"};
constexpr size_t kRecordWindow = 9;
// Questions whether a loan of ours can be applied for, and how far after
// the record (bytes, ten CJK characters) they may start. Shorter forms
// inside longer ones (能不能借 holds 能借, 可不可以申请 holds 可以申请) need
// no entry of their own.
constexpr std::string_view kApplyQuestions[] = {
    "能借", "可以借", "能贷", "可以贷", "能申请", "可以申请", "能办理", "可以办理", "能办吗", "可以办吗",
    "能否借", "能否贷", "能否申请", "能否办理", "在这借", "在这里借", "能通过审核", "能过审", "能下款",
    "影响借款", "影响贷款", "影响申请", "影响审核"};
constexpr size_t kApplyWindow = 30;
// Money moved out of a product ("从余额宝转出到银行卡", "从微众卡转出的限额"):
// 从 before the name, a verb of moving out right after it, and no word
// bringing the money to us anywhere after it ("从支付宝转账到平台" is a
// means of ours).
constexpr std::string_view kFrom = "从";
constexpr std::string_view kMovingOut[] = {"转出", "转账", "转走", "取出", "取现"};
// The product's own use right after a name that follows a means word ("用借
// 呗借的钱", "通过借呗借款", "可以用花呗分期吗", "用余额宝买基金"): borrowing,
// paying in instalments or shopping with it is their product at work, not
// a means of ours, unless what follows brings it to ours (kOursAfterUse:
// "用借呗借的钱还款可以吗", "用花呗买东西的钱能充值吗").
constexpr std::string_view kOwnUse[] = {"借", "贷", "分期", "买", "购物", "网购", "消费", "套现"};
constexpr std::string_view kOursAfterUse[] = {"充值", "充钱", "还款", "还钱", "还借款", "提现", "出借", "投资",
                                              "投标", "平台", "账户", "这边", "这里"};
// A company's product used with nothing of ours anywhere in the question
// ("使用微信钱包", "为什么用微信账号登录不上"): 用 (or 使用) right before the
// name, no word of ours (kOursAfterUse, kOurLoans: a loan, returns or any
// recharge, "支付宝能充吗 我想用余额宝的钱") in the question, and no
// verb of paying or moving money (kPaying, what a channel of ours would do)
// right after the name or its part (kProductParts). The question is about
// their product; "用支付宝还款", "能用微信零钱往里冲吗" keep it a channel.
constexpr std::string_view kUsing = "用";
constexpr std::string_view kOurLoans[] = {"借款", "贷款", "借钱", "借的", "标的", "理财", "收益", "利息", "充", "冲值"};
constexpr std::string_view kProductParts[] = {"的钱包", "钱包", "的余额", "余额", "的零钱", "零钱", "里的钱",
                                              "的钱", "账号", "帐号", "账户", "的"};
constexpr std::string_view kPaying[] = {"还", "充", "冲", "提", "付", "支付", "转", "扫", "交", "缴", "存",
                                        "取", "往", "向", "给", "绑", "买", "借", "贷", "分期", "消费"};
// A name that ours is feared to affect ("晚还了会不会影响我以后办房贷",
// "会影响以后去银行贷款买房吗"): 影响 before it, at most kAffectedWindow
// bytes (eight CJK characters: 我以后去, 将来申请) of neither punctuation
// nor another 影响 between them. The consequence for it is asked about
// ours, not it.
constexpr std::string_view kAffecting = "影响";
constexpr size_t kAffectedWindow = 24;
constexpr std::string_view kClauseBreaks[] = {"，", "。", "？", "！", "；", ",", "?", "!", ";", " "};
// What may stand between the name and the verb: its card or its inside
// ("从微众银行卡转出", "从余额宝里转出"), longest first.
constexpr std::string_view kHeldIn[] = {"卡里的钱", "里的钱", "卡里", "账户里", "账户", "里面", "卡", "里"};
// A debt told taken at the product ("我在美团借的钱"): 在 right before the name,
// borrowing right after it; and that debt asked to be repaid with us
// ("可以在你们这还吗", "你们能帮我还吗"). The question is about their debt,
// though it speaks to us; "用借呗借的钱还款可以吗" (the money as a means of
// repaying ours) tells no debt at the product.
constexpr std::string_view kBorrowedThere[] = {"借", "贷"};
constexpr std::string_view kRepaidWithUs[] = {"你们这还", "你们这里还", "你们这边还", "你们平台还", "你们帮我还",
                                              "你们能帮我还", "你们代还", "你们帮忙还", "在这还", "在这里还",
                                              "在这边还"};
// Words pointing at what follows an about_us word ("你们这个微粒贷", "你们的花呗"),
// longest first.
constexpr std::string_view kPointing[] = {"这个", "那个", "这款", "家的", "的"};
constexpr std::string_view kInward[] = {"平台", "账户", "充值", "充到", "充进", "这里", "这边", "过来", "进来", "你们"};

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// `text` without a leading word of `words` (the first that matches), or as is.
template <size_t N>
std::string_view skip_one(std::string_view text, const std::string_view (&words)[N]) {
  for (std::string_view w : words) {
    if (starts_with(text, w)) return text.substr(w.size());
  }
  return text;
}

template <size_t N>
bool starts_with_any(std::string_view text, const std::string_view (&words)[N]) {
  for (std::string_view w : words) {
    if (starts_with(text, w)) return true;
  }
  return false;
}

// Whether some word of `words` occurs anywhere in `text`.
template <size_t N>
bool contains_any(std::string_view text, const std::string_view (&words)[N]) {
  return std::any_of(std::begin(words), std::end(words),
                     [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

// Whether an acceptance question starts within kAcceptanceWindow of `text`.
bool asks_acceptance(std::string_view text) {
  for (size_t at = 0; at <= std::min(text.size(), kAcceptanceWindow); ++at) {
    for (std::string_view w : kAcceptance) {
      if (text.substr(at, w.size()) == w) return true;
    }
  }
  return false;
}

// Whether a name between `before` and `after` is where money is moved out
// of (kFrom, kMovingOut) toward none of ours (kInward): the product's own
// transfer, asked about, although 从 is a means word.
bool moved_out_of(std::string_view before, std::string_view after) {
  if (!ends_with(before, kFrom)) return false;
  if (starts_with(after, "的")) after.remove_prefix(std::string_view("的").size());
  after = skip_one(after, kHeldIn);
  if (!starts_with_any(after, kMovingOut)) return false;
  return !contains_any(after, kInward);
}

// Whether a name followed by `after` is put to its own use (kOwnUse) with
// nothing of ours after it (kOursAfterUse).
bool put_to_own_use(std::string_view after) {
  if (!starts_with_any(after, kOwnUse)) return false;
  return !contains_any(after, kOursAfterUse);
}

// Whether a name between `before` and `after` is used with nothing of ours
// in the question (kUsing, kOursAfterUse, kOurLoans, kPaying).
bool used_as_theirs(std::string_view before, std::string_view after) {
  if (!ends_with(before, kUsing)) return false;
  if (contains_any(before, kOursAfterUse) || contains_any(after, kOursAfterUse)) return false;
  if (contains_any(before, kOurLoans) || contains_any(after, kOurLoans)) return false;
  return !starts_with_any(skip_one(after, kProductParts), kPaying);
}

// Whether a name preceded by `before` is what ours is feared to affect.
bool named_as_affected(std::string_view before) {
  const size_t from = before.size() > kAffectedWindow + kAffecting.size()
                          ? before.size() - kAffectedWindow - kAffecting.size()
                          : 0;
  const size_t at = before.rfind(kAffecting);
  if (at == std::string_view::npos || at < from) return false;
  const std::string_view between = before.substr(at + kAffecting.size());
  return !contains_any(between, kClauseBreaks);
}

// Whether a name preceded by `before` is likened to: right after a word
// of kLikening, or after one and a verb of kGettingVerbs.
bool named_likened(std::string_view before) {
  for (std::string_view verb : kGettingVerbs) {
    if (!ends_with(before, verb)) continue;
    const std::string_view rest = before.substr(0, before.size() - verb.size());
    for (std::string_view w : kLikening) {
      if (ends_with(rest, w)) return true;
    }
  }
  for (std::string_view w : kLikening) {
    if (ends_with(before, w)) return true;
  }
  return false;
}

// Whether `before` (what precedes a negation) ends in a why-word, an asker
// between them or not: "为什么我没有微粒贷" asks about the thing missing.
bool asked_why(std::string_view before) {
  for (std::string_view asker : kAskers) {
    if (!ends_with(before, asker)) continue;
    const std::string_view rest = before.substr(0, before.size() - asker.size());
    for (std::string_view why : kWhyWords) {
      if (ends_with(rest, why)) return true;
    }
  }
  for (std::string_view why : kWhyWords) {
    if (ends_with(before, why)) return true;
  }
  return false;
}

// Whether `verb` is a bare recharge verb with nothing of its own after it.
bool bare_recharge(std::string_view verb) {
  if (!starts_with(verb, kBareRecharge)) return false;
  const std::string_view after = verb.substr(kBareRecharge.size());
  return after.empty() || starts_with_any(after, kAfterBareRecharge);
}

}  // namespace

ProductMentions::ProductMentions(std::vector<std::string> names,
                                 std::vector<std::pair<std::string, uint32_t>> forms,
                                 std::vector<std::string> as_means,
                                 std::vector<std::string> about_us, bool kind_readings,
                                 std::vector<uint8_t> not_a_means)
    : names_(std::move(names)),
      as_means_(std::move(as_means)),
      about_us_(std::move(about_us)),
      kind_readings_(kind_readings),
      not_a_means_(std::move(not_a_means)) {
  not_a_means_.resize(names_.size(), 0);
  drop_empty(as_means_);
  drop_empty(about_us_);
  forms.erase(std::remove_if(forms.begin(), forms.end(),
                             [&](const auto& f) { return f.first.empty() || f.second >= names_.size(); }),
              forms.end());
  std::stable_sort(forms.begin(), forms.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (auto& [form, product] : forms) {
    forms_.push_back(std::move(form));
    form_product_.push_back(product);
  }
  form_matcher_ = knowledge::PhraseMatcher(forms_);
}

std::vector<std::pair<uint32_t, size_t>> ProductMentions::mentions(const std::string& normalized) const {
  std::vector<std::pair<uint32_t, size_t>> out;
  form_matcher_.for_each(normalized, [&](uint32_t form, size_t at) { out.emplace_back(form, at); });
  std::sort(out.begin(), out.end());
  return out;
}

int ProductMentions::find(const std::string& normalized) const {
  const std::vector<std::pair<uint32_t, size_t>> found = mentions(normalized);
  return found.empty() ? -1 : static_cast<int>(form_product_[found.front().first]);
}

// Whether `normalized` holds an about_us word that speaks to us: one not
// right before a product's form, or before it behind one pointing word
// (kPointing). "你们微众银行", "你们这个微粒贷" address the investor's words to
// that company, whom they take us for; "你们这能借吗" is ours.
bool ProductMentions::speaks_to_us(const std::string& normalized) const {
  for (const std::string& w : about_us_) {
    for (size_t at = normalized.find(w); at != std::string::npos; at = normalized.find(w, at + 1)) {
      const std::string_view after = skip_one(std::string_view(normalized).substr(at + w.size()), kPointing);
      const bool names_them = std::any_of(forms_.begin(), forms_.end(),
                                          [&](const std::string& form) { return starts_with(after, form); });
      if (!names_them) return true;
    }
  }
  return false;
}

int ProductMentions::asked_about(const std::string& normalized) const {
  const std::vector<std::pair<uint32_t, size_t>> found = mentions(normalized);
  for (const auto& [i, at] : found) {
    if (not_a_means_[form_product_[i]] != 0) return static_cast<int>(form_product_[i]);
  }
  if (const int debt = debt_repaid_with_us(normalized); debt >= 0) return debt;
  if (speaks_to_us(normalized)) return -1;
  // Every mention of every form, longest form first; a shorter form inside a
  // longer one already seen is the same mention.
  std::vector<std::pair<size_t, size_t>> seen;  // byte ranges
  for (const auto& [i, at] : found) {
    const std::string& form = forms_[i];
    const size_t end = at + form.size();
    const bool inside = std::any_of(seen.begin(), seen.end(), [&](const auto& s) {
      return at >= s.first && end <= s.second;
    });
    if (inside) continue;
    seen.emplace_back(at, end);
    const std::string_view before = std::string_view(normalized).substr(0, at);
    const std::string_view after = std::string_view(normalized).substr(end);
    const bool changed_there =
        std::any_of(std::begin(kChanging), std::end(kChanging),
                    [&](std::string_view verb) { return ends_with(before, verb); });
    const bool qualifies = !changed_there &&
                           (starts_with_any(after, kQualifiedAfterOf) ||
                            starts_with_any(starts_with(after, "的") ? after.substr(std::string_view("的").size()) : after,
                                            kQualifiedAlways));
    const bool condition = kind_readings_ && named_as_record(after);
    const bool means = named_as_means(before) && !moved_out_of(before, after) && !put_to_own_use(after) &&
                       (kind_readings_ || !used_as_theirs(before, after));
    const bool affected = kind_readings_ && named_as_affected(before);
    if (!means && !named_likened(before) && !affected && !qualifies && !condition &&
        !named_beside_subject(before, after)) {
      return static_cast<int>(form_product_[i]);
    }
  }
  return -1;
}

int ProductMentions::debt_repaid_with_us(const std::string& normalized) const {
  if (!contains_any(normalized, kRepaidWithUs)) return -1;
  for (const auto& [i, at] : mentions(normalized)) {
    const std::string_view before = std::string_view(normalized).substr(0, at);
    const std::string_view after = std::string_view(normalized).substr(at + forms_[i].size());
    if (ends_with(before, kAt) && starts_with_any(after, kBorrowedThere)) return static_cast<int>(form_product_[i]);
  }
  return -1;
}

int ProductMentions::asked_why_missing(const std::string& normalized) const {
  for (const std::string& w : about_us_) {
    if (normalized.find(w) != std::string::npos) return -1;
  }
  for (const auto& [i, at] : mentions(normalized)) {
    const std::string& form = forms_[i];
    const std::string_view before = std::string_view(normalized).substr(0, at);
    std::string_view after = std::string_view(normalized).substr(at + form.size());
    if (starts_with(after, "的")) after.remove_prefix(std::string_view("的").size());
    if (starts_with_any(after, kMeansAfterMissing)) continue;
    for (std::string_view neg : kNegations) {
      if (ends_with(before, neg) && asked_why(before.substr(0, before.size() - neg.size()))) {
        return static_cast<int>(form_product_[i]);
      }
    }
  }
  return -1;
}

bool ProductMentions::named_as_means(std::string_view before) const {
  if (knowledge::ends_with_means_word(before, as_means_)) return true;
  // The second item of a list of means: a means word shortly before the
  // coordinator, the first item between them.
  for (std::string_view c : kCoordinators) {
    if (!ends_with(before, c)) continue;
    const std::string_view list = before.substr(0, before.size() - c.size());
    const size_t from = list.size() > kListWindow ? list.size() - kListWindow : 0;
    const std::string_view window = list.substr(from);
    return std::any_of(as_means_.begin(), as_means_.end(), [&](const std::string& w) {
      return window.find(w) != std::string_view::npos;
    });
  }
  return false;
}

bool ProductMentions::named_beside_subject_in(const std::string& normalized) const {
  for (const auto& [i, at] : mentions(normalized)) {
    const std::string& form = forms_[i];
    if (named_beside_subject(std::string_view(normalized).substr(0, at),
                             std::string_view(normalized).substr(at + form.size()))) {
      return true;
    }
  }
  return false;
}

bool ProductMentions::named_in_comparison_in(const std::string& normalized) const {
  for (const auto& [i, at] : mentions(normalized)) {
    const std::string_view before = std::string_view(normalized).substr(0, at);
    for (std::string_view w : kComparisonWords) {
      if (ends_with(before, w)) return true;
    }
    if (named_likened(before)) return true;
  }
  return false;
}

bool ProductMentions::named_as_holder(const std::string& normalized) const {
  for (const auto& [i, at] : mentions(normalized)) {
    const std::string& form = forms_[i];
    const std::string_view before = std::string_view(normalized).substr(0, at);
    std::string_view after = std::string_view(normalized).substr(at + form.size());
    if (starts_with(after, "的")) after.remove_prefix(std::string_view("的").size());
    if (starts_with_any(after, kHolders) && !named_as_means(before) && !named_beside_subject(before, after)) {
      return true;
    }
  }
  return false;
}

bool ProductMentions::named_beside_subject(std::string_view before, std::string_view after) {
  const bool asks = std::any_of(std::begin(kQuestionsEndingInNegation), std::end(kQuestionsEndingInNegation),
                                [&](std::string_view q) { return ends_with(before, q); });
  for (std::string_view w : kNegations) {
    if (!asks && ends_with(before, w)) return true;
  }
  const bool works_there = ends_with(before, kAt) && starts_with_any(after, kWorking) && !starts_with_any(after, kNoWork);
  if (works_there || starts_with_any(after, kStaff)) return true;
  std::string_view rest = after;
  if (starts_with(rest, "的")) rest.remove_prefix(std::string_view("的").size());
  const std::string_view hedged = skip_one(rest, kHedges);
  const std::string_view after_modal = skip_one(hedged, kModals);
  const bool modal = after_modal.size() != hedged.size();
  const std::string_view verb = modal ? skip_one(after_modal, kAdverbs) : after_modal;
  if (starts_with_any(verb, kBindVerbs) && !starts_with_any(skip_one(verb, kBindVerbs), kBoundObjects)) return true;
  if (starts_with_any(verb, kMeansVerbs) && (modal || asks_acceptance(skip_one(verb, kMeansVerbs)))) return true;
  if (modal && bare_recharge(verb)) return true;
  const std::string_view object = skip_one(verb, kToward);
  if (object.size() != verb.size()) {
    for (size_t at = 0; at <= std::min(object.size(), kObjectWindow); ++at) {
      const std::string_view from = object.substr(at);
      if (!starts_with_any(from, kMeansVerbs)) continue;
      if (modal || asks_acceptance(skip_one(from, kMeansVerbs))) return true;
    }
  }
  for (std::string_view w : kEvidence) {
    if (starts_with(rest, w) && asks_acceptance(rest.substr(w.size()))) return true;
  }
  return false;
}

bool ProductMentions::named_as_record(std::string_view after) {
  for (std::string_view record : kRecords) {
    const size_t at = after.substr(0, kRecordWindow + record.size()).find(record);
    if (at == std::string_view::npos) continue;
    if (contains_any(after.substr(at + record.size(), kApplyWindow), kApplyQuestions)) return true;
  }
  return false;
}

std::string ProductMentions::without_names(const std::string& normalized) const {
  // No name in it: nothing to drop (dropping one may join the text around
  // it into another, so then every form is searched as before).
  if (!form_matcher_.any_in(normalized)) return normalized;
  std::string out = normalized;
  for (const std::string& form : forms_) {
    for (size_t at = out.find(form); at != std::string::npos; at = out.find(form, at)) {
      out.erase(at, form.size());
    }
  }
  return out;
}

void ProductMentions::serialize(BinaryWriter& w) const {
  w.strings(names_);
  w.strings(forms_);
  w.vec(form_product_);
  w.strings(as_means_);
  w.strings(about_us_);
  w.pod<uint8_t>(kind_readings_ ? 1 : 0);
  w.vec(not_a_means_);
}

bool ProductMentions::deserialize(BinaryReader& r) {
  uint8_t records = 0;
  if (!r.strings(names_) || !r.strings(forms_) || !r.vec(form_product_) ||
      !r.strings(as_means_) || !r.strings(about_us_) || !r.pod(records) || !r.vec(not_a_means_)) {
    return false;
  }
  kind_readings_ = records != 0;
  if (forms_.size() != form_product_.size() || not_a_means_.size() != names_.size()) return false;
  for (uint32_t p : form_product_) {
    if (p >= names_.size()) return false;
  }
  form_matcher_ = knowledge::PhraseMatcher(forms_);
  return true;
}

}  // namespace faqbot::retrieval
