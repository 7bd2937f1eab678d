#pragma once
// Conversation signals read from the investor's own words, independent of
// retrieval: an explicit request for a human, a complaint, anger, impatience,
// abuse. Rule lists are plain data (built-in defaults, overridable from
// settings.json "signals").
// Pure functions; thread-safe.
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/phrase_matcher.h"

namespace faqbot::bot {

struct SignalRules {
  // A request for a human is a request verb with its object (转人工, 找个真人,
  // 帮我接人工 …), or a whole message that only names one (人工, 人工客服).
  // "人工客服几点上班" asks about the service, it requests nothing.
  std::vector<std::string> human;        // phrases found anywhere in the text
  std::vector<std::string> human_exact;  // the whole message, punctuation aside
  std::vector<std::string> complaint;  // 投诉, 举报, 监管 …: a complaint raises priority
  std::vector<std::string> anger;      // hostility: 气死, 什么破, 骗子, 太差了 …
  // Impatience without hostility (烦死了, 无语, 急死了 …, or a run of
  // exclamation marks): a clear question asked this way is still answered,
  // with an apology first (bot::Policy).
  std::vector<std::string> frustration;
  std::vector<std::string> abuse;      // insults
  // Words that insult when they make a clause of their own ("……，滚",
  // "滚吧"), not inside a word (利滚利, 滚动).
  std::vector<std::string> abuse_clauses;
  // The investor speaking of themselves (我是不是傻, 我太笨了): an abuse
  // phrase inside one of these insults nobody.
  std::vector<std::string> self_talk;
  // The investor speaking of their own shortcomings or things (我记性太差了,
  // 征信太差了, 我这网速太差了): an anger phrase inside one of these is aimed
  // at nobody.
  std::vector<std::string> self_faults;
  // Clauses that request a person though typed with a slip no human phrase
  // holds ("转入工": 入 for 人; not inside a word: 转入工资卡, 转入工行).
  std::vector<std::string> human_clauses;
  // Someone's mother named (我妈的账户, 咱妈的养老金, 她妈的身份证, 他妈妈,
  // 他妈让我问): an abuse phrase inside one (妈的, 他妈) insults nobody.
  // "我/咱/俺妈的" is never the expletive; "他妈的" and "你妈的" stay
  // insults whatever follows ("他妈的账户又冻结了" swears far more often
  // than it speaks of his mother), as does bare "妈的".
  std::vector<std::string> kin;
  // A kin phrase right after one of these is the expletive after all
  // ("你他妈让我等多久", "我他妈让你转人工").
  std::vector<std::string> expletive_leads;
  // "Is the man who phoned me a swindler?" asks about someone else; "you are
  // swindlers" accuses us. An anger phrase listed in `third_party_anger`
  // (骗子, 骗钱, 坑人, 忽悠 …) is no anger when the message asks a question
  // (`question_cues`), names someone else (`third_party`: 有人, 对方, 自称,
  // 打电话 …), and no clause with the phrase points at us (`second_person`:
  // 你们, 贵平台 …) without naming someone else too.
  std::vector<std::string> third_party_anger;
  std::vector<std::string> third_party;
  std::vector<std::string> second_person;
  std::vector<std::string> question_cues;
  // "现在外面骗子多，你们靠谱吗" worries about swindlers in general: an
  // anger phrase inside one of these (骗子多, 到处都是骗子, 防骗 …) is no
  // anger, question or not. A clause that points at us still is.
  std::vector<std::string> scam_in_general;
  // Reporting someone else, not us (怎么举报他, 怎么举报这个骗子 after a
  // warning about fake staff): a complaint or anger phrase inside one of
  // these (举报, 骗子) is the investor's case against a swindler, which the
  // anti-fraud answer serves, no complaint about us.
  std::vector<std::string> reports_of_others;
  // Legal action taken against the investor ("还不上会被起诉吗", "会不会
  // 起诉我", "会给我发律师函吗"): a borrower asking what follows a debt
  // unpaid, not a complaint about us; a complaint phrase inside one of these
  // does not count ("我要起诉你们" still does).
  std::vector<std::string> legal_action_on_asker;
  // "我现在是在跟真人说话吗", "是真人来电吗" ask who is there, they request
  // nothing: a `human` phrase overlapping one of these is not a request.
  std::vector<std::string> human_identity;
  // "下班后找人工还来得及吗", "转人工几点上班" ask when a person can be
  // reached, "想晚上下班后联系人工客服" plans for later: a `human` phrase
  // with one of these in its clause (before or after it) is no request.
  // "我下班了，转人工" (another clause) still is.
  std::vector<std::string> human_hours;
  std::vector<std::string> negations;  // "不用转人工" is no request: 不用, 不要, 别 …
  int exclamation_run = 3;             // this many !/！ in a row count as frustration

  static SignalRules defaults();
};

struct Signals {
  bool human_request = false;
  bool complaint = false;
  bool anger = false;
  bool frustration = false;  // impatience without hostility: never set with anger
  bool abuse = false;
  bool any() const { return human_request || complaint || anger || frustration || abuse; }
};

// Lower-cases the ASCII letters of every phrase in `rules`. detect_signals
// matches phrases as they are against lower-cased text, so rules read from
// an operator's file pass through this once at load, as defaults() do.
void lower_case_phrases(SignalRules& rules);

// `text` is the investor's (masked) text; `normalized` the retriever's
// normalisation of it (simplified, half-width, lower case), may be "".
// Phrases (lower case, see lower_case_phrases) are matched on both.
Signals detect_signals(std::string_view text, std::string_view normalized,
                       const SignalRules& rules);

// detect_signals with rules fixed once (the engine's): the many human and
// abuse phrases are compiled into matchers that find them all in one pass
// over a text. Same answers as detect_signals(text, normalized, rules).
// Immutable; thread-safe.
class SignalDetector {
 public:
  explicit SignalDetector(SignalRules rules);
  Signals detect(std::string_view text, std::string_view normalized) const;
  const SignalRules& rules() const { return rules_; }

 private:
  SignalRules rules_;
  knowledge::PhraseMatcher human_;  // over rules_.human
  knowledge::PhraseMatcher abuse_;  // over rules_.abuse
};

}  // namespace faqbot::bot
