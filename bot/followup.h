#pragma once
// Reading a message in the context of the Conversation's slots: the topic
// and question type of what was answered last (Conversation::topic/type),
// and the last question that stood on its own (Conversation::last_question).
//
// A message is a follow-up candidate when the conversation has a topic and
// the message is short (<= max_chars characters without punctuation) or
// holds a reference word. What it names is read with the operator's cues
// (bot/followup_cues.h) and the engine's own search of the text alone:
//   kTopic      names a topic and nothing else besides filler words
//               ("那充值呢", "提现那边呢"): the previous question with its
//               subject replaced by the new topic word, searched, read within
//               the new topic, the kept type preferred;
//   kType       names a question type but no topic ("要收手续费不",
//               "需要啥材料"): the previous subject and the text, searched,
//               read within the kept topic, the new type preferred (a
//               message naming a word of the kept topic the last question
//               did not is its own subject: "注册好了怎么实名" after 怎么注册
//               账户 is searched without 注册);
//   kReference  points back (这个, 它, 那笔…), or names neither and is not
//               confident alone or carries a follow-up marker ("收不收违约金",
//               "那周末呢"): the reference (or the front) filled with the
//               previous subject, read within the kept topic, the answered
//               type preferred when the message names none;
//   kContrast   names the contrary of the answered type's condition and no
//               other topic (FollowupCues::contrasts: "工作日呢" after 周末提现
//               几时到; "那拖过还款日才还呢" after 借款可以提前还吗): the previous
//               question without the answered condition's words, then the
//               message's own (the contrary condition kept), the text alone
//               voting, read within the kept topic, no entry of the answered
//               type;
//   kSubject    a pointer beside a new word of the kept topic ("那个银行存管
//               呢" after 风险备付金那是个啥, "登录的那个呢" after 交易密码忘了
//               怎么办): the last question with its subject's word replaced
//               by the new one (CueReader::said_of: 登录 said of 交易密码 is
//               登录密码), read within the topic, not the entry answered last;
//   kAlone      anything else: a complete question replaces the context and
//               is not bent by it; so does small talk the text alone is sure
//               of, marker or not ("那行 拜拜"), even naming a type by the
//               way ("好，谢谢，放心了").
// A new topic whose rewrite is a clear question of that topic is answered as
// asked, whatever its type ("债权转让要收手续费吗" → "那提前还款呢" is early
// repayment, not the loan's fees); a new type named by a follow-up-only cue
// is the only type read ("投资收益怎么算" → "收益少了怎么回事"); a new type
// after a question that named no word of its topic is searched after the
// topic's first word, not the answer's title ("最多能借多少" → "利息咋算"),
// when the topic has an entry of that type; a type it has none of asks about
// the answer, searched after its subject ("拉人进来给多少钱" → "有上限吗").
// A product of the kept topic's own kind (followup.json peer_products: 花呗
// after a loan question) is never a means of ours.
// A follow-up naming only types the answered type is refined_by
// (followup.json: failed -> how_long) asks about the answer itself: the type
// is kept and the answer's title stands for the subject ("我提现失败了" →
// "几天能回来" is still withdraw.failed). Another company's product the text
// names stays named in context (the policy says it is not ours), except right
// after an answer of the type products name (followup.json named_by_products:
// "充值支持哪些方式" → "那支付宝呢"): there it is a means of ours, and the
// context is searched without its name; read alone, when the text alone is
// sure of the kept topic's entry of that type ("云闪付行不行"), it is
// answered, not refused as a question about the product.
// Any message the text alone does not answer surely (not a clear match, or
// below kSureAlone), long ones too ("要是我下午五点多才点的提交大概什么时候能
// 收到" after 提现一般多久能到账), is rescued by the context when read as a type of the kept topic
// (or, for the entry of the topic the text alone ranks first, as an
// ellipsis) it is answered clearly, with an entry of the kept topic first in
// the unrestricted search in context, more confidently than alone, and among
// the text alone's first kRescueRank candidates; a long message the text
// alone reads within the kept topic keeps its own entry of it ("年终奖发了
// 我想把剩下的一次性还完" after 逾期了会怎样 is early repayment). No rescue
// for a message out of scope alone without a follow-up marker ("明天下雨不"
// after 逾期了会怎样), naming another topic, a type the kept topic has no
// entry of, or another company's product.
// A remark about something of another kind is read alone, neither in
// context nor rescued: it names a word only out-of-scope examples use
// (MessageCues::foreign: "那股票手续费呢" after 提现手续费多少), or one no entry
// speaks of while the text alone is near certain it is out of scope
// (MessageCues::unknown, kSureOutOfScope: "签证审核要多久" after 借款审核要多久,
// "你吃饭了吗" after 怎么注册), points nowhere back, names no product, and the
// text alone does not read it in scope within the kept topic. So is a remark
// about the bot itself (about_the_bot: "你周末一般干嘛", "你几岁了"): the bot,
// not the topic, is its subject. So is another company's product (or kind of
// product) named by a means cue beside a type of its own, away from the
// answers that make it a means of ours (asks_of_another_product: "信用卡审核
// 要多久" after 借款审核要多久 asks about the card's review).
// The text alone sure of a message (kSureAlone) reads it alone when it is a
// complete question of its own: a long story even with a reference word, a
// new topic with more words than its name ("下款快不" after 怎么投标), a type
// whose entry in the kept topic it picks unless the type refines the answer;
// a pointer naming a type of its own whose entry, of the kept topic or listed
// as a follow-up of the answer, it picks ("那这个保本吗" after 短期标长期标都有
// 啥 asks whether the principal is safe).
// An ellipsis asking its own question of the kept topic (no follow-up
// marker, or one beside a place money goes, followup.json places, the text
// alone sure (kSureAlone); the text alone ranks another entry of the topic,
// of another type, first: "借到手了以后怎么还" after 借款利息怎么算) is read
// after the subject, not the answer's title, that entry's type preferred.
// An in-context reading gives way to the text alone when the context
// cannot hold it: no candidate of the kept topic close to the best of both
// experts (kTopicShare; of the rewritten search alone when the message names
// a type the text alone's best entry does not have: "要填哪些信息" after
// 实名认证 is not about privacy), the rewritten text out of scope, or the
// text alone confident on the very entry the rewritten search ranks first.
// "The other one" of a kind ("那另一个密码呢" after 登录密码忘了怎么办) is the
// last question with its topic word replaced by a sibling of that kind
// (CueReader::others_of), read as kSubject, not the entry answered last; so
// is a new word of the kept topic with a follow-up marker and nothing else
// ("那登录用的呢" after 支付密码忘了咋弄). A new type that tells what happened
// (one other types refine: failed) is the only type read when the text alone
// does not read the answer again ("要是一直满不了呢" after 满标要等多久). A short
// message naming nothing that the out-of-scope check flags for want of
// words is an ellipsis when the text alone reads it within the kept topic
// with a lead (kLead: "我没有社保可以吗" after 借款要什么条件), or is a bare
// question it has no idea of ("怎么办" after 有人冒充客服找我要验证码); a long one
// read so may be rescued.
// A pointer beside words of another topic the last question named too, or
// the answer did (not as the pointer's own noun: "这个交易密码在哪设置" after
// 充值怎么操作 asks about the password), is a pointer all the same ("我把验证码
// 给他了" after 有人冒充客服找我要验证码, "我把密码告诉她了" after 冒充客服的怎么
// 辨别: the topic goes on); a pointer naming a new type only
// the kept topic has asks that type's entry ("这笔能转给别人吗" after 出借的钱
// 什么时候回款 is the debt transfer). A message naming a subject no entry
// answers (followup.json outside: "那赚的利息要交税吗" after 收益怎么算) is out
// of scope, read alone, in context or not. A short follow-up asking what the
// answer just given states (how its figure is reckoned: "怎么计算的" after 提前
// 还款怎么操作; whether what it tells of may be undone: "提交了还能撤回吗" after
// 申请销户; what becomes of what is left: "剩下的余额怎么处理" after 账户怎么注
// 销) is read as that answer, however sure the text alone is of another entry;
// where to look at what it says is seen ("进度在哪查" after 借款审核要多久) too,
// unless the text alone reads another entry of the kept topic, the place
// itself (followup.json topic_first: "去哪看月报" after 坏账率是多少 is 信息披露),
// or the answer quotes the place as a page named by a word of the kept topic
// (“信息披露”: "在哪能看到" after 逾期率高不高 asks that page's entry);
// whether something must be done first, after an answer stating what must be
// done before (其前需要…), even in another topic's words the answer names too
// (other_topics: "卡里的钱得先取出来吗" after 账户怎么注销); and so is skipping
// the step it says is needed first ("可以跳过吗" after 风险测评怎么做).
// A sibling named by its distinguishing modifier (CueReader::sibling_named:
// "交易的那个呢" after 登录的密码忘了怎么重设) is read as kSubject, the last
// question asking about the sibling; so is one named by another word the
// operator lists for its modifier (followup.json modifiers: "付钱用的那个
// 呢" after 登录密码忘了 names 交易密码). The opposite movement
// (followup.json opposites: "反过来呢" after 充值要手续费吗) names the
// opposite topic (CueReader::opposite) and keeps the type (the withdrawal
// fee). The step readings (bot/followup_steps.h; the words are followup.json
// steps): a step named with a word of time after it and nothing else
// ("借款审核通过以后呢" after 提现多久能到, "审核过了以后呢" after 借款审核要
// 多久) asks what follows the step: the step alone is searched, and the
// first of its entry's follow_ups within the topic the step names (the kept
// one when it names none) is read as kSubject, when searched by its title
// it is answered clearly; a step naming a type, or whose entry lists no
// next step of its topic, is read otherwise. The step answered last, said
// done, then a question of how to go on after a word of sequence (以后, 之后,
// 接下来, 然后 …: "放款以后怎么还" after 借款什么时候放款, "绑好了接下来怎么充
// 钱" after 银行卡怎么绑) asks the next step: the question after the word is
// searched alone (then after the kept topic's first word), and the first
// answering clearly an entry other than the last is read as kSubject; the
// step is the last answered when searched alone it ranks that entry first
// or the last question holds each of its characters. A follow-up naming no topic and only
// types the kept topic has, tied by a follow-up marker (or, the text alone
// unsure, by a type only the kept topic has), is read as kType however long
// ("那过了以后呢 多久能到卡上" after 借款还在审), unless the text alone is sure
// of an entry of the kept topic itself. A new topic named with a type word it
// has no entry of keeps the type ("投标的门槛呢" after 提现最低多少). A
// pointer that is the subject, words apart from another topic's word, keeps
// the topic ("这个能直接提出来吗" after 红包怎么用); a long pointer naming
// another topic's words only as context is no complete question of that
// topic ("我已经把验证码告诉他了怎么办"). The previous subject is the words of
// the kept topic the last question named, not those of the other topics its
// story mentions.
// A long follow-up the text alone is unsure of (below kSureAlone), naming
// no other topic and only the answered type or types refining it, whose
// entry the text alone ranks among its first kRescueRank, refines the
// question just answered ("我刚刚充了一次没成功 扣掉的钱大概多久能退回来" after
// 充值失败了怎么办): the answer's title and the message searched, read within
// the kept topic, only the answered entry's type (read_as_refining_the_answer);
// after an answer handing the case to a person, whatever the text alone
// ranks, and even when it is sure of an entry of a type the message does not
// name ("给个准话 究竟哪天能到" after 提现超时未到账). A type refining the
// answered one only where the kept topic has no entry of it (followup.json
// refined_where_missing: a holiday after how long a loan takes to pay out)
// refines it as refined_by ones do.
// A follow-up is read as typed clean (CueReader::clean): without hesitations
// of speech, and with a cue word typed or heard as a homophone put right; the
// text alone is then the clean text's search.
// A message naming no type in the kept topic names one of a follow-up the
// answer lists in another topic (Entry::follow_ups) when a follow-up-only
// cue gated to that topic names that follow-up's type ("那有了它就不会亏了吗"
// after 风险备付金是什么: the principal guarantee's 亏).
// A short question of the kept topic naming a type the topic has is read as
// kType when the text alone, however sure, reads another entry of the topic
// of a type the message does not name ("那投满了打哪天起算收益" after 流标的
// 钱多久退回).
// A pointer that is the pronoun of a thing leading the message (它, 它们:
// bot/followup_subject_pronoun.h) and names no type and no other topic asks
// what follows of the thing answered last, however long, whatever the text
// alone is sure of ("它会不会把钱全买进很长的标" after 自动投标怎么开).
// A short message asking what to do about a situation it tells, naming no
// topic, type, pointer or product (bot/followup_what_to_do.h: "想不起来了怎么
// 办" after 交易密码怎么设置), is an ellipsis: that situation of the subject
// answered last, unless the text alone is sure of another topic's entry.
// A demonstrative followed by a noun of its own that no topic cue names,
// but the entry of the kept topic the text alone is sure of is asked with
// (few entries are: bot/followup_pointer_noun.h; "那个测评必须先做吗" after
// 怎么出借), asks that entry's question, as a pointer before a new topic
// word does.
// Thread-safe as the Retriever is.
#include <string>
#include <string_view>

#include "bot/engine.h"
#include "bot/followup_cues.h"
#include "bot/policy.h"
#include "knowledge/knowledge_base.h"
#include "retrieval/retriever.h"

namespace faqbot::bot {

// An in-context candidate of the kept topic must reach this share of the
// rewritten search's best confidence (a relative test: calibration-free).
inline constexpr double kTopicShare = 0.5;
// Prior odds of the preferred type over the other entries of the topic.
inline constexpr double kTypePrior = 4.0;
// The text alone answering below this confidence may be outvoted by a
// clear reading in context (see read_message).
inline constexpr double kSureAlone = 0.6;
// A rescued entry is among the text alone's first this many candidates.
inline constexpr size_t kRescueRank = 5;
// A message naming only a topic has at most this many other characters.
inline constexpr size_t kTopicOnlyResidual = 2;
// A product named as a means of ours has at most this many other characters
// ("能用支付宝还吗": 能, 用, 还).
inline constexpr size_t kMeansResidual = 3;
inline constexpr size_t kContextSearchK = 20;  // candidates looked at in context
// The text alone has no idea of a message below this confidence.
inline constexpr double kNoIdea = 0.1;
// The text alone's best entry leads the runner-up by this factor when it
// reads a message out of scope within the kept topic.
inline constexpr double kLead = 3.0;
// Small talk pointing somewhere ("好 就这样吧 再见") ends the topic when the
// text alone reads it so at least this surely (a pointer the text alone
// reads as praise at 0.66, "这个咋领", asks about the subject).
inline constexpr double kSureSmallTalk = 0.9;
// The text alone this sure a message is out of scope reads a word of it no
// entry speaks of (MessageCues::unknown) as its subject: another kind of
// thing than the kept topic ("签证审核要多久" after 借款审核要多久). Words of
// ours no entry happens to use ("能调高吗", "多久发一份") rarely read so surely.
inline constexpr double kSureOutOfScope = 0.9;
// A bare question ("怎么办", "咋整") has at most this many characters besides
// filler words.
inline constexpr size_t kBareChars = 3;

// The text alone this sure of another topic's entry is not outvoted by the
// answer just given for a bare message (read_as_the_answer).
inline constexpr double kCertainAlone = 0.9;
// A bare message asking an attribute of the answer ("有啥讲究吗") has at most
// this many characters besides filler words.
inline constexpr size_t kBareAttributeChars = 6;

enum class ReadingKind { kAlone, kTopic, kType, kReference, kEllipsis, kContrast, kSubject };
// "alone" | "topic" | "type" | "reference" | "ellipsis" | "contrast" | "subject"
const char* to_string(ReadingKind kind);

struct Reading {
  retrieval::SearchResult result;
  ReadingKind kind = ReadingKind::kAlone;
  std::string question;  // normalised text searched: the message itself, or
                         // its rewrite in context ("充值是不是要收手续费")
  bool in_context() const { return kind != ReadingKind::kAlone; }
};

// The policy would answer with `r`'s first candidate: a clear match.
bool answers_clearly(const retrieval::SearchResult& r, const Thresholds& t);

// Number of code points that are neither space nor punctuation.
size_t content_length(std::string_view text);

// True for "那…", "那么…", "还有…", "另外…", "如果…", "…呢" forms.
bool has_followup_marker(std::string_view text);

// True when `text` should not replace the conversation's topic question:
// it carries a follow-up marker.
bool is_elliptical(std::string_view text);

// Which reading applies (see above), from the cues of the message, the
// search of the text alone and the conversation. Pure.
ReadingKind classify(const MessageCues& cues, const retrieval::SearchResult& alone,
                     std::string_view text, const Conversation& conversation,
                     const Thresholds& thresholds);

// Which entries a context reading may give, and how the type weighs.
struct SlotFilter {
  std::string topic;          // only entries of this topic
  std::string type;           // "" = none; else its entries get kTypePrior
  bool only_type = false;     // only entries of `type`, when the topic has it
  std::string not_type;       // "" = none; else no entry of this type
  std::string not_entry;      // "" = none; else not this entry
};

// `result` restricted by `filter`, confidences renormalised within it (an
// entry of the type the result does not list counts at its floor). False
// when nothing is left, or when, without an entry of the type in the topic,
// the topic's best in `share_of` (null: `result`) holds less than
// kTopicShare of share_of's best. Pure.
bool within_slots(const retrieval::SearchResult& result, const knowledge::KnowledgeBase& kb,
                  const SlotFilter& filter, retrieval::SearchResult* out,
                  const retrieval::SearchResult* share_of = nullptr);

Reading read_message(const retrieval::Retriever& retriever, const knowledge::KnowledgeBase& kb,
                     const CueReader& cues, std::string_view text,
                     const Conversation& conversation, const Thresholds& thresholds, size_t k,
                     size_t max_chars);

// A message asks again what was answered last (Conversation::last_question):
// it is read on its own (reading.kind kAlone) without a follow-up marker,
// names no topic, type or product the last question did not, and at least
// kRepeatShare of its characters besides filler words occur in the last
// question ("充值方式有哪些" → "充值有哪些方式"). New words ("工商银行提现多久到账"
// after "提现多久到账") ask something new of the same entry. Pure.
inline constexpr double kRepeatShare = 0.8;
bool asks_again(const CueReader& cues, const Reading& reading, const Conversation& conversation);

// Records the slots of an answered turn: the entry's topic, and the first
// type the question named (`asked`, its cues) that the topic has an entry of
// (in `kb`), else the entry's type. A type the kept topic has no entry of
// (手续费 in a question answered with an entry of a topic that has no fee
// entry) is not kept: the next follow-up would prefer a type no entry of the
// topic answers, and fall back on the text alone.
void remember_slots(Conversation& conversation, const knowledge::KnowledgeBase& kb,
                    const knowledge::Entry& entry, const MessageCues& asked);

}  // namespace faqbot::bot
