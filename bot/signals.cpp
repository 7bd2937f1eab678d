#include "bot/signals.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <utility>

#include "bot/agent_demand.h"
#include "bot/flight_charge.h"
#include "knowledge/utf8.h"

namespace faqbot::bot {
namespace {

constexpr size_t kNegationWindow = 3;  // code points before a phrase

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The distinct code points of `text` (packed as above), sorted.
std::vector<uint32_t> code_points_of(std::string_view text) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(utf8::packed_code_point(text, i));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool is_ascii_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

using Range = std::pair<size_t, size_t>;  // byte range [first, second)

bool overlaps(size_t begin, size_t end, const std::vector<Range>& ranges) {
  return std::any_of(ranges.begin(), ranges.end(),
                     [&](const Range& r) { return begin < r.second && r.first < end; });
}

// Every occurrence of every phrase (lower-cased) in `text`.
std::vector<Range> occurrences(const std::string& text, const std::vector<std::string>& phrases) {
  std::vector<Range> out;
  for (const std::string& p : phrases) {
    const std::string& lp = p;
    if (lp.empty()) continue;
    for (size_t pos = text.find(lp); pos != std::string::npos; pos = text.find(lp, pos + 1)) {
      out.emplace_back(pos, pos + lp.size());
    }
  }
  return out;
}

bool contains_any(std::string_view text, const std::vector<std::string>& phrases) {
  return std::any_of(phrases.begin(), phrases.end(), [&](const std::string& p) {
    const std::string& lp = p;
    return !lp.empty() && text.find(lp) != std::string_view::npos;
  });
}

// Whether the occurrence of `phrase` at byte `pos` of `text` counts: not
// preceded within the window by a negation, (for ASCII-letter phrases such
// as "sb") not inside a word, and not overlapping `excluded`.
bool counts_at(const std::string& text, const std::string& phrase, size_t pos,
               const std::vector<std::string>& negations, const std::vector<Range>& excluded) {
  const bool ascii_word = std::all_of(phrase.begin(), phrase.end(), is_ascii_alpha);
  if (ascii_word) {
    const size_t end = pos + phrase.size();
    if ((pos > 0 && is_ascii_alpha(text[pos - 1])) || (end < text.size() && is_ascii_alpha(text[end]))) {
      return false;
    }
  }
  // The up-to-3 code points before the phrase.
  size_t start = pos;
  for (size_t n = 0; n < kNegationWindow && start > 0;) {
    --start;
    if ((static_cast<unsigned char>(text[start]) & 0xC0) != 0x80) ++n;
  }
  const std::string before = text.substr(start, pos - start);
  // 是不是 asks (是不是骗子): its 不是 negates nothing.
  static const std::string kAsking = "是不是";
  const bool asks = before.size() >= kAsking.size() &&
                    before.compare(before.size() - kAsking.size(), kAsking.size(), kAsking) == 0;
  const bool negated =
      !asks && std::any_of(negations.begin(), negations.end(), [&](const std::string& neg) {
        return !neg.empty() && before.size() >= neg.size() &&
               before.compare(before.size() - neg.size(), neg.size(), neg) == 0;
      });
  return !negated && !overlaps(pos, pos + phrase.size(), excluded);
}

// Byte positions where `phrase` occurs in `text` and counts (counts_at).
std::vector<size_t> phrase_hits(const std::string& text, const std::string& phrase,
                                const std::vector<std::string>& negations,
                                const std::vector<Range>& excluded = {}) {
  std::vector<size_t> hits;
  if (phrase.empty()) return hits;
  for (size_t pos = text.find(phrase); pos != std::string::npos;
       pos = text.find(phrase, pos + 1)) {
    if (counts_at(text, phrase, pos, negations, excluded)) hits.push_back(pos);
  }
  return hits;
}

bool has_phrase(const std::string& text, const std::string& phrase,
                const std::vector<std::string>& negations,
                const std::vector<Range>& excluded = {}) {
  return !phrase_hits(text, phrase, negations, excluded).empty();
}

bool any_phrase(const std::string& a, const std::string& b, const std::vector<std::string>& phrases,
                const std::vector<std::string>& negations) {
  for (const std::string& p : phrases) {
    const std::string& lp = p;
    if (has_phrase(a, lp, negations) || (!b.empty() && has_phrase(b, lp, negations))) return true;
  }
  return false;
}

// Whether a phrase of `phrases` counts in `text` outside `excluded`.
bool any_phrase_outside(const std::string& text, const std::vector<std::string>& phrases,
                        const std::vector<std::string>& negations, const std::vector<Range>& excluded) {
  return std::any_of(phrases.begin(), phrases.end(),
                     [&](const std::string& p) { return has_phrase(text, p, negations, excluded); });
}

std::string_view clause_at(std::string_view text, size_t pos);

// Whether the phrase at byte `pos` ends with a verb of talking followed by
// 的 or 过: what someone said or a talk that took place ("和工作人员说的不一
// 样", "跟人工说过了"), not a request to talk.
bool tells_what_was_said(const std::string& text, const std::string& phrase, size_t pos) {
  static const std::string kTalk[] = {"说", "讲", "谈", "沟通", "对话"};
  static const std::string kAfter[] = {"的", "过"};
  const bool talk = std::any_of(std::begin(kTalk), std::end(kTalk), [&](const std::string& t) {
    return phrase.size() >= t.size() && phrase.compare(phrase.size() - t.size(), t.size(), t) == 0;
  });
  if (!talk) return false;
  const size_t end = pos + phrase.size();
  return std::any_of(std::begin(kAfter), std::end(kAfter),
                     [&](const std::string& a) { return text.compare(end, a.size(), a) == 0; });
}

// A request for a human in `text`: a `human` phrase not inside a question
// about who is there (`human_identity`) nor in a clause about when a person
// can be reached (`human_hours`: "那时候找真人客服还来得及吗" asks about the
// service hours, "想晚上下班后联系人工客服" plans for later). `human`, when
// given, is a matcher over rules.human (SignalDetector): every phrase's
// occurrences found in one pass.
bool requests_human(const std::string& text, const SignalRules& rules,
                    const knowledge::PhraseMatcher* human = nullptr) {
  const std::vector<Range> identity = occurrences(text, rules.human_identity);
  auto requests_at = [&](const std::string& phrase, size_t pos) {
    return counts_at(text, phrase, pos, rules.negations, identity) &&
           !contains_any(clause_at(text, pos), rules.human_hours) && !tells_what_was_said(text, phrase, pos);
  };
  if (human != nullptr) {
    bool found = false;
    human->for_each(text, [&](uint32_t id, size_t pos) { found = found || requests_at(human->phrase(id), pos); });
    return found;
  }
  // The human phrases are many (every verb with every object): only those
  // whose first character the text holds are searched for.
  // (Phrases come verb by verb: the last first character's answer is reused.)
  const std::vector<uint32_t> present = code_points_of(text);
  uint32_t last_lead = 0;
  bool last_present = false;
  for (const std::string& p : rules.human) {
    const std::string& lp = p;
    if (lp.empty()) continue;
    const uint32_t lead = utf8::packed_code_point(lp, 0);
    if (lead != last_lead) {
      last_lead = lead;
      last_present = std::binary_search(present.begin(), present.end(), lead);
    }
    if (!last_present) continue;
    for (size_t pos = text.find(lp); pos != std::string::npos; pos = text.find(lp, pos + 1)) {
      if (requests_at(lp, pos)) return true;
    }
  }
  return false;
}

// The clause (between punctuation or spaces) around byte `pos`.
std::string_view clause_at(std::string_view text, size_t pos) {
  size_t begin = 0, end = text.size(), at = 0;
  for (char32_t cp : utf8::decode(text)) {
    const size_t len = utf8::encode(std::u32string(1, cp)).size();
    if (utf8::is_space(cp) || utf8::is_punct(cp)) {
      if (at + len <= pos) {
        begin = at + len;
      } else if (at >= pos) {
        end = at;
        break;
      }
    }
    at += len;
  }
  return text.substr(begin, end - begin);
}

// Anger in `text`: an anger phrase, unless every one found names someone
// else in a question about them (SignalRules::third_party_anger).
// Anger phrases inside a remark about swindlers in general
// (SignalRules::scam_in_general) or the investor's words about their own
// shortcomings (SignalRules::self_faults) do not count.
bool angry(const std::string& text, const SignalRules& rules) {
  std::vector<Range> in_general = occurrences(text, rules.scam_in_general);
  for (const Range& r : occurrences(text, rules.reports_of_others)) in_general.push_back(r);
  for (const Range& r : occurrences(text, rules.self_faults)) in_general.push_back(r);
  std::vector<size_t> third_party_hits;
  for (const std::string& p : rules.anger) {
    const std::string& lp = p;
    const std::vector<size_t> hits = phrase_hits(text, lp, rules.negations, in_general);
    if (hits.empty()) continue;
    const bool about_others =
        std::any_of(rules.third_party_anger.begin(), rules.third_party_anger.end(),
                    [&](const std::string& t) { return t == lp; });
    if (!about_others) return true;
    third_party_hits.insert(third_party_hits.end(), hits.begin(), hits.end());
  }
  if (third_party_hits.empty()) return false;
  if (!contains_any(text, rules.question_cues) || !contains_any(text, rules.third_party)) {
    return true;
  }
  for (size_t pos : third_party_hits) {
    const std::string_view clause = clause_at(text, pos);
    if (contains_any(clause, rules.second_person) && !contains_any(clause, rules.third_party)) {
      return true;
    }
  }
  return false;
}

// An insult in `text`: an abuse phrase not inside the investor's words
// about themselves (SignalRules::self_talk). `abuse`, when given, is a
// matcher over rules.abuse (SignalDetector).
bool abusive(const std::string& text, const SignalRules& rules, const knowledge::PhraseMatcher* abuse = nullptr) {
  std::vector<Range> self = occurrences(text, rules.self_talk);
  for (const Range& r : occurrences(text, rules.kin)) {
    const std::string before = text.substr(0, r.first);
    const bool expletive =
        std::any_of(rules.expletive_leads.begin(), rules.expletive_leads.end(),
                    [&](const std::string& lead) {
                      const std::string& l = lead;
                      return !l.empty() && before.size() >= l.size() &&
                             before.compare(before.size() - l.size(), l.size(), l) == 0;
                    });
    if (!expletive) self.push_back(r);
  }
  if (abuse != nullptr) {
    bool found = false;
    abuse->for_each(text, [&](uint32_t id, size_t pos) {
      found = found || counts_at(text, abuse->phrase(id), pos, {}, self);
    });
    return found;
  }
  return std::any_of(rules.abuse.begin(), rules.abuse.end(), [&](const std::string& p) {
    return has_phrase(text, p, {}, self);
  });
}

// `text` without spaces and punctuation.
std::string content_only(std::string_view text) {
  std::u32string out;
  for (char32_t cp : utf8::decode(text)) {
    if (!utf8::is_space(cp) && !utf8::is_punct(cp)) out += cp;
  }
  return utf8::encode(out);
}

// Whether some clause of `text` (between spaces and punctuation) is one of
// `clauses` (lower-cased).
bool some_clause_is(std::string_view text, const std::vector<std::string>& clauses) {
  std::u32string current;
  auto matches = [&]() {
    const std::string c = utf8::encode(current);
    current.clear();
    return !c.empty() && std::any_of(clauses.begin(), clauses.end(),
                                     [&](const std::string& w) { return w == c; });
  };
  for (char32_t cp : utf8::decode(text)) {
    if (!utf8::is_space(cp) && !utf8::is_punct(cp)) {
      current += cp;
    } else if (matches()) {
      return true;
    }
  }
  return matches();
}

bool exclamation_run(std::string_view text, int run) {
  if (run <= 0) return false;
  int n = 0;
  for (char32_t cp : utf8::decode(text)) {
    if (cp == '!' || cp == 0xFF01) {
      if (++n >= run) return true;
    } else if (!utf8::is_space(cp)) {
      n = 0;
    }
  }
  return false;
}

}  // namespace

void lower_case_phrases(SignalRules& r) {
  for (std::vector<std::string>* list :
       {&r.human, &r.human_exact, &r.complaint, &r.anger, &r.frustration, &r.abuse, &r.abuse_clauses,
        &r.self_talk, &r.self_faults, &r.human_clauses, &r.kin, &r.expletive_leads, &r.third_party_anger, &r.third_party,
        &r.second_person, &r.question_cues, &r.scam_in_general, &r.reports_of_others, &r.legal_action_on_asker, &r.human_identity, &r.human_hours,
        &r.negations}) {
    for (std::string& phrase : *list) phrase = ascii_lower(phrase);
  }
}

SignalRules SignalRules::defaults() {
  SignalRules r;
  // (搵 is Cantonese for 找.)
  for (const char* verb : {"转", "接", "找", "搵", "要", "换", "叫", "请", "联系", "转接", "接通", "呼叫", "安排", "派"}) {
    for (const char* filler : {"", "个", "一下", "一个", "下", "位", "一位", "你们", "你们的"}) {
      for (const char* object : {"人工", "真人", "活人", "工作人员", "客服人员"}) {
        r.human.push_back(std::string(verb) + filler + object);
      }
    }
  }
  // A colleague of the bot set to the case (安排一位同事跟我对接); 请同事 and
  // 找同事 are as often the investor's own colleague (邀请同事注册).
  for (const char* verb : {"安排", "派", "换"}) {
    for (const char* filler : {"", "个", "一个", "位", "一位", "你们", "你们的"}) {
      r.human.push_back(std::string(verb) + filler + "同事");
    }
  }
  // Someone above the bot or the desk: 找你们领导, 叫你们经理来, 让你们主管出来.
  for (const char* verb : {"找", "叫", "让", "请", "要见", "见", "换"}) {
    for (const char* filler : {"", "你们", "你们的", "一下", "一下你们", "个", "你们家"}) {
      for (const char* object : {"领导", "经理", "主管", "负责人", "负责的人", "上级", "客服专员", "专员"}) {
        r.human.push_back(std::string(verb) + filler + object);
      }
    }
  }
  // Talking to a person directly: 我要跟你们工作人员直接说, 让我和人工客服沟通.
  for (const char* with : {"跟", "和", "同"}) {
    for (const char* filler : {"", "你们", "你们的", "你们家"}) {
      for (const char* object : {"工作人员", "人工", "人工客服", "真人", "真人客服", "客服人员", "活人"}) {
        for (const char* talk : {"说", "直接说", "讲", "直接讲", "谈", "直接谈", "沟通", "直接沟通", "对话"}) {
          r.human.push_back(std::string(with) + filler + object + talk);
        }
      }
    }
  }
  for (const char* phrase : {"负责的人联系我", "负责人联系我", "专员跟我对接", "专员对接", "人工对接",
                             "人工呢", "人工在吗", "人工在哪", "让人工来", "真人来", "跟真人说",
                             "和真人说", "找你们客服", "叫你们客服", "找客服本人",
                             // Turning the bot down is asking for a person.
                             "不要自动回复", "别自动回复", "不要机器人", "别用机器人", "不想跟机器人",
                             // Someone called out from behind the bot: 叫一个出来, 找个人出来.
                             "叫一个出来", "叫个人出来", "叫一个人出来", "找个人出来", "找一个人出来",
                             "派个人出来",
                             // In English (is this a real person? asks who is there: human_identity).
                             "real person", "human agent", "live agent", "talk to a human",
                             "speak to a human", "speak with a human", "talk to a person", "speak to a person",
                             "speak with a person", "talk to someone", "speak to someone", "speak with someone",
                             // Handed on to someone, or someone above (transfer me to, your manager).
                             "transfer me to", "connect me to", "put me through to", "talk to your manager",
                             "speak to your manager", "talk to a manager", "speak to a manager",
                             "talk to your supervisor", "speak to your supervisor", "talk to a supervisor",
                             "speak to a supervisor",
                             // Staff asked to call back (请让客服人员打电话给我).
                             "客服人员打电话给我", "客服人员给我打电话", "客服人员联系我", "客服人员给我回电",
                             "工作人员打电话给我", "工作人员给我打电话", "工作人员联系我", "工作人员给我回电",
                             // The desk named as 客服 (转客服, 给我接个客服), and work only
                             // the back office can do (后台帮我改).
                             "转客服", "转个客服", "转一下客服", "接个客服", "接一下客服", "帮我接客服",
                             "后台帮我", "你们后台帮"}) {
    r.human.push_back(phrase);
  }
  r.human_exact = {"人工", "人工客服", "人工服务", "真人", "真人客服", "人工坐席", "客服人工"};
  r.human_clauses = {"转入工", "转入工客服", "转个入工", "帮我转入工", "给我转入工", "我要转入工", "请转入工",
                     "快转入工", "赶紧转入工", "入工客服"};
  r.complaint = {"投诉", "举报", "监管部门", "银保监", "金融监管", "12378", "起诉", "律师函",
                 "打官司",
                 // Taking us or our staff to someone above (告你们, 把客服告上去)
                 // and a grievance about how staff behaved (态度 alone also praises).
                 "告你们", "告上去", "把你们告", "告到法院", "告到监管", "员工的问题", "工作人员的问题",
                 "客服的问题", "服务态度差", "态度恶劣", "态度太差", "态度很差", "态度差劲",
                 // Taking the matter to the consumer hotline, the courts or the
                 // press (打12315, 找消协, 走法律途径, 这事我会找媒体).
                 "12315", "消协", "消费者协会", "法律途径", "法律手段", "找媒体", "找记者", "媒体曝光",
                 "找电视台",
                 // A charge disputed: fault laid on our system, a fee refused or
                 // never agreed to, an appeal (这笔罚息我不认可, 要求退还, 我要申诉).
                 "你们系统的问题", "不认可", "从来没同意过", "从没同意过", "根本没同意", "乱收费", "乱扣费", "乱扣钱", "要求退还", "我要申诉",
                 "want it reversed", "dispute the charge", "dispute this charge"};
  // Reporting us to an authority (向人民银行反映, 去派出所报案); the authority
  // alone is no complaint (去人民银行打征信报告).
  for (const char* authority : {"人民银行", "人行", "央行", "金融办", "证监会", "公安", "派出所", "法院",
                                "电视台", "媒体", "记者", "报社"}) {
    for (const char* report : {"反映", "投诉", "举报", "报案", "曝光", "告"}) {
      r.complaint.push_back(std::string(authority) + report);
    }
  }
  r.anger = {"破平台", "破app", "破软件", "破系统", "破公司", "破客服", "太差了", "太差劲", "坑人", "坑爹", "骗子", "骗钱",
             "黑平台", "垃圾", "恶心", "受够了", "有病", "报警", "曝光", "维权", "忽悠", "耍我", "烂透",
             // Moral outrage at us: the charge of shamelessness or greed
             // (你们这么做太无耻了).
             "无耻", "不要脸", "欺人太甚", "缺德", "黑心", "吸血", "强盗", "过分了",
             // Patience at its end and the charge of carelessness, without
             // a swear word (忍到极限了, 你们能不能有点责任心), Cantonese
             // (搞乜鬼) and English.
             "忍到极限", "忍无可忍", "忍不了了", "有点责任心", "没有责任心", "没点责任心", "毫无责任心",
             "一点责任心", "搞乜鬼", "搞咩鬼", "火大", "ridiculous", "useless", "unacceptable", "worst app",
             "worst company", "worst service", "worst platform", "joke of a company",
             // Calling us a band of swindlers in other words than 骗子
             // (你们这帮骗人的家伙); the same words about someone else in a
             // question are third_party_anger.
             "骗人的家伙", "骗人的玩意", "这帮骗", "一帮骗", "这群骗", "一群骗", "骗人精"};
  r.frustration = {"烦死", "烦人", "好烦", "真烦", "无语", "急死", "着急死", "搞什么", "闹心",
                   "郁闷", "崩溃", "气死", "什么破",
                 // The reply missed the question: impatience with us, answered
                 // when the question itself is clear.
                 "答非所问", "牛头不对马嘴", "驴唇不对马嘴", "鸡同鸭讲", "问东答西"};
  r.abuse = {"傻逼", "傻b", "sb", "煞笔", "妈的", "他妈", "你妈", "尼玛", "操你", "草泥马",
             "废物", "白痴", "脑残", "智障", "蠢货", "去死", "滚蛋", "滚!", "滚！", "狗东西",
             "王八蛋", "混蛋", "贱", "fuck", "f**k", "f*ck", "shit", "傻x", "傻叉", "狗屁", "去你m",
             "去你妈", "cnm", "nmd", "tmd", "mdzz", "nmsl",
             // The same swearing with 娘 for 妈 and its softened spellings
             // (你娘的, 他娘的, 去你娘, 特么, 他喵的, 妈了个, tm的).
             "你娘的", "你娘个", "他娘的", "去你娘", "干你娘", "操你娘", "日你娘", "日你妈",
             "特么", "他喵的", "妈了个", "妈逼", "妈b", "tm的",
             // 你妈逼 and 妈了个逼 typed as homophones to get past filters
             // (你麻痹, 麻辣隔壁, 马勒戈壁); bare 麻痹 is numbness or
             // carelessness (麻痹大意), so only the insulting forms count.
             "你麻痹", "尼麻痹", "麻痹的", "麻辣隔壁", "马勒戈壁", "马勒隔壁", "妈勒隔壁",
             "妈了隔壁", "玛勒戈壁", "妈卖批", "你妈卖批",
             // Insults aimed at the bot ("我太笨了" is the investor speaking
             // of themselves, so most name "你"; self_talk excludes the rest).
             "是不是傻", "你傻", "你真傻", "你好傻", "你太傻", "你是傻子", "傻子客服",
             "傻机器人", "你真笨", "你好笨", "你太笨", "你怎么这么笨", "笨蛋", "笨机器人",
             "你真蠢", "你好蠢", "你太蠢", "弱智", "听不懂人话", "不懂人话", "人话都听不懂",
             "人话听不懂",
             // Insults without swear words: calling us idle or useless.
             "吃干饭", "饭桶", "人渣", "败类", "你是猪",
             // Written oaths: 艹 is only ever the chat spelling of 操; 我操 is
             // left out, as it begins 我操作.
             "艹", "卧槽", "操蛋", "日了狗", "狗日的", "傻缺", "二逼", "滚犊子",
             // English insults and masked swearing (f***ing, you idiots).
             "f***", "f**king", "fucking", "fuckin", "fucked", "idiot", "idiots", "moron", "morons",
             "stupid bot", "dumb bot", "useless bot", "bullshit", "asshole", "assholes", "bastard",
             "bastards", "wtf", "stfu", "screw you", "piss off", "shut up"};
  r.abuse_clauses = {"滚", "滚吧", "快滚", "给我滚", "滚开", "滚远点", "滚滚滚", "你滚", "你们滚"};
  r.self_faults = {"我太差", "我自己太差", "记性太差", "记性差", "脑子太差", "征信太差", "信用太差", "资质太差",
                   "条件太差", "运气太差", "网速太差", "信号太差", "网络太差", "视力太差", "眼神太差", "身体太差",
                   "手机太差", "水平太差", "成绩太差", "收入太差", "工作太差"};
  r.self_talk = {"我是不是傻", "我是不是太傻", "自己是不是傻", "我是不是笨", "我是不是太笨"};
  for (const char* owner : {"我", "咱", "俺"}) {
    r.kin.push_back(std::string(owner) + "妈的");
    r.kin.push_back(std::string(owner) + "妈妈");
  }
  r.kin.push_back("他妈妈");
  r.kin.push_back("她妈妈");
  for (const char* does : {"让我", "叫我", "托我", "想让", "想问", "想注册", "想开户", "想投"}) {
    r.kin.push_back(std::string("他妈") + does);
  }
  for (const char* thing : {"账户", "帐户", "账号", "帐号", "户头", "卡", "银行卡", "手机", "电话",
                            "号", "身份证", "证件", "名字", "名义", "名下", "钱", "退休金",
                            "养老金", "存款", "资金", "余额", "信息", "实名", "投资", "借款",
                            "贷款", "收益", "密码"}) {
    r.kin.push_back(std::string("她妈的") + thing);
  }
  r.expletive_leads = {"你", "我", "真", "太", "去"};
  r.negations = {"不", "不用", "不要", "别", "无需", "没", "不需要", "不是", "不是要", "不是想", "并不是要"};
  r.third_party_anger = {"骗子", "骗钱", "坑人", "忽悠", "骗人的家伙", "骗人的玩意", "这帮骗",
                          "一帮骗", "这群骗", "一群骗", "骗人精"};
  r.third_party = {"有人", "有个人", "有一个人", "那个人", "这个人", "那人", "这人", "对方", "他",
                   "她", "自称", "冒充", "打电话", "打来", "来电", "电话里", "短信", "加我",
                   "陌生", "群里", "有个群", "这个群", "那个群", "微信群", "qq群", "群聊", "群主", "群友", "链接", "网站", "老师", "中介",
                   "号码", "骗子的", "外面", "外头", "网上", "社会上",
                   // Borrowers the money is lent to: "会不会把钱借给骗子".
                   "借给", "借款人"};
  r.scam_in_general = {"骗子多", "骗子太多", "骗子很多", "骗子挺多", "骗子这么多", "骗子那么多",
                       "骗子特别多", "骗子横行", "骗子遍地", "到处都是骗子", "到处是骗子",
                       "遍地骗子", "防骗子", "防着骗子", "提防骗子", "小心骗子", "怕骗子",
                       "怕遇到骗子", "怕碰到骗子", "怕碰上骗子", "骗子手段", "骗子套路"};
  for (const char* report : {"举报", "报案抓", "报警抓"}) {
    for (const char* other : {"他", "她", "骗子", "这个骗子", "那个骗子", "这个人", "那个人", "对方",
                              "这个号", "那个号", "这个电话", "那个电话", "诈骗", "这个群", "那个群",
                              "冒充", "假客服", "这个假", "那个假"}) {
      r.reports_of_others.push_back(std::string(report) + other);
    }
  }
  r.legal_action_on_asker = {"被起诉", "起诉我", "被告上法", "被告到法", "告我", "被律师函", "收到律师函",
                             "给我发律师函", "发律师函给我", "跟我打官司", "和我打官司", "被打官司"};
  r.second_person = {"你们", "你", "贵平台", "贵公司", "贵司", "咱们", "平台", "公司"};
  r.question_cues = {"吗", "么", "是不是", "系咪", "系唔系", "是否", "会不会", "还是", "?", "？", "吧", "呢",
                     "怎么判断", "怎么辨别", "怎么分辨", "怎么识别", "真的假的", "靠谱",
                     "正规", "可信", "确认"};
  r.human_hours = {"来得及", "几点", "什么时候", "啥时候", "哪天", "上班", "下班", "营业", "在线时间",
                   "工作时间", "服务时间"};
  r.human_identity = {"在跟真人", "在和真人", "在同真人", "是跟真人", "是和真人", "是真人",
                      "是不是真人", "是个真人", "真人来电", "真人打", "是人工", "是不是人工",
                      "在跟人工", "在和人工", "are you a real person", "is this a real person",
                      "a real person or", "talking to a real person?", "talking to a human?"};
  lower_case_phrases(r);
  return r;
}

namespace {

// Where complaint phrases in `text` are no complaint about us: reports of
// someone else and legal action taken against the investor.
std::vector<Range> not_complaints(const std::string& text, const SignalRules& rules) {
  std::vector<Range> out = occurrences(text, rules.reports_of_others);
  for (const Range& r : occurrences(text, rules.legal_action_on_asker)) out.push_back(r);
  return out;
}

// detect_signals, with the matchers of SignalDetector when given.
Signals detect(std::string_view text, std::string_view normalized, const SignalRules& rules,
               const knowledge::PhraseMatcher* human, const knowledge::PhraseMatcher* abuse) {
  const std::string a = ascii_lower(text);
  const std::string b = ascii_lower(normalized);
  Signals s;
  s.human_request = requests_human(a, rules, human) || (!b.empty() && requests_human(b, rules, human)) ||
                    some_clause_is(a, rules.human_clauses) || (!b.empty() && some_clause_is(b, rules.human_clauses)) ||
                    bot_steps_failed(a) || demands_release_now(a) || asks_legal_identity_change(a);
  const std::string whole = content_only(a), whole_normalized = content_only(b);
  for (const std::string& p : rules.human_exact) {
    const std::string& lp = p;
    if (whole == lp || whole_normalized == lp) s.human_request = true;
  }
  s.complaint = any_phrase_outside(a, rules.complaint, rules.negations, not_complaints(a, rules)) ||
                (!b.empty() && any_phrase_outside(b, rules.complaint, rules.negations, not_complaints(b, rules)));
  s.abuse = abusive(a, rules, abuse) || (!b.empty() && abusive(b, rules, abuse));
  s.anger = angry(a, rules) || (!b.empty() && angry(b, rules)) || charges_flight_and_demands_money(a) ||
            charges_flight_and_demands_money(b);
  // Impatience is frustration without hostility: anger includes it (什么破平台).
  s.frustration = !s.anger && (any_phrase(a, b, rules.frustration, rules.negations) ||
                               exclamation_run(text, rules.exclamation_run));
  s.abuse = s.abuse || some_clause_is(a, rules.abuse_clauses) || (!b.empty() && some_clause_is(b, rules.abuse_clauses));
  return s;
}

}  // namespace

Signals detect_signals(std::string_view text, std::string_view normalized,
                       const SignalRules& rules) {
  return detect(text, normalized, rules, nullptr, nullptr);
}

SignalDetector::SignalDetector(SignalRules rules)
    : rules_(std::move(rules)), human_(rules_.human), abuse_(rules_.abuse) {}

Signals SignalDetector::detect(std::string_view text, std::string_view normalized) const {
  return bot::detect(text, normalized, rules_, &human_, &abuse_);
}

}  // namespace faqbot::bot
