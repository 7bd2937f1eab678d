#include "retrieval/question_facets.h"

#include "knowledge/utf8.h"
#include "retrieval/normalizer.h"

namespace faqbot::retrieval {
namespace {

// Interrogatives of Chinese in general (the operator's followup.json types
// add the domain's: 手续费, 到账 …).
const QuestionFacets::Cues& builtin_types() {
  static const QuestionFacets::Cues cues = {
      {"q.how", {"怎么", "怎样", "如何", "咋", "哪里", "在哪", "去哪", "步骤"}},
      {"q.why", {"为什么", "为啥", "什么原因", "怎么回事", "咋回事", "原因"}},
      {"q.amount", {"多少", "几张", "几期", "几次", "几笔", "最多", "最少", "最高", "最低", "上限"}},
      {"q.when", {"几号", "哪天", "哪一天", "什么时候", "啥时候", "几点", "日期"}},
      {"q.can", {"能不能", "可不可以", "可以", "能否", "能", "行不行", "会不会", "是不是", "要不要", "有没有"}},
      {"q.what_to_do", {"怎么办", "咋办", "怎么处理", "如何处理"}},
  };
  return cues;
}

// What is to be done with the subject.
const QuestionFacets::Cues& builtin_actions() {
  static const QuestionFacets::Cues cues = {
      {"raise", {"提升", "提高", "提额", "调高", "涨", "弄高", "升额", "升级额度"}},
      {"lower", {"降低", "调低", "降了", "变少", "减少"}},
      {"check", {"查询", "查看", "查", "在哪看", "在哪里看", "看到"}},
      {"change", {"修改", "更改", "改", "更换", "换", "调整"}},
      {"cancel", {"注销", "销户", "销卡", "关闭", "取消", "解绑", "撤销", "撤回", "关掉", "不想用"}},
      {"open", {"开通", "激活", "开卡", "申请", "办理", "开户"}},
      {"bind", {"绑定", "绑卡", "绑上"}},
      {"restore", {"恢复", "回来"}},
      {"report_lost", {"挂失", "丢了", "掉了"}},
      {"defer", {"延期", "晚几天", "推迟", "往后推", "缓"}},
      {"freeze", {"冻结", "冻住", "锁"}},
      {"unfreeze", {"解冻", "解锁"}},
      {"settle", {"结清", "还清", "一次还", "提前还"}},
      {"refund", {"退回", "退款", "退钱"}},
      {"print", {"打印", "下载"}},
  };
  return cues;
}

// Subjects of banking and consumer credit (the operator's followup.json
// topics add the knowledge base's own).
const QuestionFacets::Cues& builtin_subjects() {
  static const QuestionFacets::Cues cues = {
      {"s.credit_card", {"信用卡", "xyk"}},
      {"s.debit_card", {"借记卡", "储蓄卡"}},
      {"s.passbook", {"存折"}},
      {"s.mortgage", {"房贷", "买房"}},
      {"s.car_loan", {"车贷", "买车"}},
      {"s.annual_fee", {"年费"}},
      {"s.interest", {"利息", "利率", "罚息"}},
      {"s.points", {"积分"}},
      {"s.limit", {"额度", "限额"}},
      {"s.bill", {"账单", "出账"}},
      {"s.transfer", {"转账", "汇款", "转过去", "转钱"}},
      {"s.cash", {"取现", "取款"}},
      {"s.spending", {"消费", "刷卡"}},
      {"s.deposit", {"存款", "存钱"}},
      {"s.fixed_term", {"定期"}},
      {"s.demand", {"活期"}},
      {"s.borrowing", {"借款", "借钱", "贷款", "借的钱"}},
      {"s.repayment", {"还款", "还钱", "还贷"}},
      {"s.business", {"企业", "公司", "对公"}},
      {"s.personal", {"个人"}},
      {"s.credit_report", {"征信"}},
      {"s.online_banking", {"网银", "网上银行"}},
      {"s.mobile_banking", {"手机银行", "app"}},
      {"s.wechat", {"微信"}},
      {"s.alipay", {"支付宝"}},
      {"s.installment", {"分期"}},
      {"s.refund", {"退款"}},
      {"s.salary", {"工资"}},
      {"s.sms", {"短信", "验证码"}},
      {"s.contract", {"合同"}},
      {"s.collection", {"催收", "催"}},
  };
  return cues;
}

// -1 … 1 as FacetAgreement documents.
template <typename Bits>
double agreement(const Bits& a, const Bits& b) {
  if (a.none() || b.none()) return 0.0;
  if (a == b) return 1.0;
  const Bits shared = a & b;
  if (shared.none()) return -1.0;
  return (shared == a || shared == b) ? 0.5 : -0.5;
}

bool is_cjk(char32_t cp) { return cp >= 0x3400 && cp <= 0x9fff; }

// The two-character words right after a negator (没有, 没, 不, 未, 无) in
// `text`, the A不A / A没A question form skipped.
std::vector<std::u32string> negated_words(const std::u32string& text) {
  std::vector<std::u32string> out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    if (c != U'没' && c != U'不' && c != U'未' && c != U'无') continue;
    if (i > 0 && i + 1 < text.size() && text[i - 1] == text[i + 1]) continue;  // 能不能
    size_t start = i + 1;
    if (c == U'没' && start < text.size() && text[start] == U'有') ++start;
    if (start + 2 <= text.size() && is_cjk(text[start]) && is_cjk(text[start + 1])) {
      out.push_back(text.substr(start, 2));
    }
  }
  return out;
}

bool contains(const std::vector<std::u32string>& words, const std::u32string& w) {
  for (const auto& x : words) {
    if (x == w) return true;
  }
  return false;
}

// Whether a word negated in `a` stands un-negated in `b`.
bool negated_only_in_first(const std::u32string& a, const std::u32string& b) {
  const auto neg_a = negated_words(a);
  if (neg_a.empty()) return false;
  const auto neg_b = negated_words(b);
  for (const auto& w : neg_a) {
    if (b.find(w) != std::u32string::npos && !contains(neg_b, w)) return true;
  }
  return false;
}

}  // namespace

QuestionFacets::QuestionFacets(const Cues& type_cues, const Cues& topic_cues,
                               const Normalizer& normalizer, Readings readings)
    : readings_(std::move(readings)) {
  add(&type_, builtin_types(), normalizer);
  add(&type_, type_cues, normalizer);
  add(&action_, builtin_actions(), normalizer);
  add(&subject_, builtin_subjects(), normalizer);
  add(&subject_, topic_cues, normalizer);
}

void QuestionFacets::add(Facet* facet, const Cues& classes, const Normalizer& normalizer) {
  for (const auto& [name, words] : classes) {
    if (facet->num_classes >= kMaxClasses) return;
    const size_t cls = facet->num_classes++;
    facet->class_of_name.emplace(name, cls);
    for (const std::string& w : words) {
      Cue cue;
      cue.chars = utf8::decode(utf8::sanitize(normalizer.normalize(w)));
      if (cue.chars.empty()) continue;
      if (readings_ && cue.chars.size() >= 2) {
        for (char32_t cp : cue.chars) {
          const std::string_view syl = readings_(cp);
          if (syl.empty()) {
            cue.syllables.clear();
            break;
          }
          cue.syllables.emplace_back(syl);
        }
      }
      cue.cls = cls;
      const size_t index = facet->cues.size();
      facet->by_char[cue.chars[0]].push_back(index);
      if (!cue.syllables.empty()) facet->by_syllable[cue.syllables[0]].push_back(index);
      facet->cues.push_back(std::move(cue));
    }
  }
}

QuestionFacets::Text QuestionFacets::prepare(std::string_view normalized) const {
  Text t;
  t.chars = utf8::decode(utf8::sanitize(normalized));
  if (readings_) {
    t.syllables.reserve(t.chars.size());
    for (char32_t cp : t.chars) t.syllables.push_back(readings_(cp));
  }
  return t;
}

QuestionFacets::Classes QuestionFacets::classes_of(const Facet& facet, const Text& text) {
  Classes out;
  const size_t n = text.chars.size();
  for (size_t i = 0; i < n; ++i) {
    if (auto it = facet.by_char.find(text.chars[i]); it != facet.by_char.end()) {
      for (size_t c : it->second) {
        const Cue& cue = facet.cues[c];
        if (!out.test(cue.cls) && text.chars.compare(i, cue.chars.size(), cue.chars) == 0) out.set(cue.cls);
      }
    }
    if (text.syllables.empty() || text.syllables[i].empty()) continue;
    // A homophone spelling of a cue of two or more characters (带款 for 贷款).
    if (auto it = facet.by_syllable.find(std::string(text.syllables[i])); it != facet.by_syllable.end()) {
      for (size_t c : it->second) {
        const Cue& cue = facet.cues[c];
        if (out.test(cue.cls) || i + cue.syllables.size() > n) continue;
        bool same = true;
        for (size_t k = 1; k < cue.syllables.size() && same; ++k) same = text.syllables[i + k] == cue.syllables[k];
        if (same) out.set(cue.cls);
      }
    }
  }
  return out;
}

FacetAgreement QuestionFacets::compare(std::string_view a, std::string_view b) const {
  const Text ta = prepare(a), tb = prepare(b);
  FacetAgreement out;
  out.type = agreement(classes_of(type_, ta), classes_of(type_, tb));
  out.action = agreement(classes_of(action_, ta), classes_of(action_, tb));
  out.subject = agreement(classes_of(subject_, ta), classes_of(subject_, tb));
  out.polarity_clash = polarity_clash(a, b);
  return out;
}

QuestionFacets::Named QuestionFacets::named(std::string_view normalized) const {
  const Text t = prepare(normalized);
  return {classes_of(type_, t), classes_of(action_, t), classes_of(subject_, t)};
}

int QuestionFacets::class_index(const Facet& facet, const std::string& name) {
  const auto it = facet.class_of_name.find(name);
  return it == facet.class_of_name.end() ? -1 : static_cast<int>(it->second);
}

bool polarity_clash(std::string_view a, std::string_view b) {
  const std::u32string ua = utf8::decode(utf8::sanitize(a)), ub = utf8::decode(utf8::sanitize(b));
  return negated_only_in_first(ua, ub) || negated_only_in_first(ub, ua);
}

}  // namespace faqbot::retrieval
