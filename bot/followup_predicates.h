#pragma once
// What a follow-up says measured against the context (bot/followup.h): the
// types a topic has, what the message names of them, and what the search of
// its text alone reads within the kept topic. Pure.
#include <string>
#include <string_view>

#include "bot/followup.h"
#include "knowledge/knowledge_base.h"
#include "retrieval/retriever.h"

namespace faqbot::bot {

// answers_clearly(r, t): the policy would answer with r's first candidate.
bool confident(const retrieval::SearchResult& r, const Thresholds& t);

// `text`'s code points that are neither space nor punctuation.
std::u32string content(std::string_view text);

// Units of `text` as written (spaces kept) for the follow-up length test:
// each code point that is neither space nor punctuation, a word of Latin
// letters counting as one ("how about the charge": 4; "what's": 1).
size_t content_units(std::string_view text);

// `e` (may be null) hands the case over to a person at once (catalog hand,
// hand_priority: 提现超时未到账, 账户资金异常).
bool hands_over(const knowledge::Entry* e);

// `kb` has an entry of `topic` and `type`.
bool topic_has_type(const knowledge::KnowledgeBase& kb, const std::string& topic,
                    const std::string& type);

// The type a message asks about: the first it names that `topic` has, else
// the first it names, else "".
std::string named_type(const MessageCues& cues, const knowledge::KnowledgeBase& kb,
                       const std::string& topic);

// A follow-up naming only types the answered type is refined by asks about
// the same answer (提现失败了 → 几天能回来).
bool refines_answer(const knowledge::FollowupCues& cues, const std::string& answered_type,
                    const MessageCues& named);

// refines_answer, or every type named refines the answered type where the
// kept topic has no entry of it (followup.json refined_where_missing:
// "周末也放吗" after 借款多久放款; the loan topic has no holiday entry).
bool refines_answer_in(const knowledge::KnowledgeBase& kb, const Conversation& c,
                       const MessageCues& named);

// `type` refines `answered_type` (followup.json refined_by: fee refines
// transfer).
bool refined_type(const knowledge::FollowupCues& cues, const std::string& answered_type,
                  const std::string& type);

// A supposition of what may yet happen ("要是一直凑不满呢 钱咋办", "万一始终
// 不满呢" after 钱投进去怎么冻结了): the message holds a word of supposing
// (要是, 万一, 如果, 假如, 假设, 要真) and names a type other types refine
// (followup.json refined_by: failed, not_arrived) that is not the kept type.
// The callers read it as asking about that outcome, not more of the answer,
// when the text alone reads the answer but is not certain of it (below
// kCertainAlone) ("一直不满咋办", supposing nothing, tells the present wait).
bool supposes_what_happens(const knowledge::KnowledgeBase& kb, const Conversation& c,
                           const MessageCues& named, std::string_view normalized);

// Right after an answer of the type products name (MessageCues::product), a
// product named with no other topic, type or words besides at most
// kMeansResidual characters, yes-no tags apart (MessageCues::yes_no_chars:
// "翼支付可不可以"), is a means of ours ("充值支持哪些方式" → "那支付宝
// 呢", "微信支付可以不" ask about recharging with it; "微粒贷怎么还款" names its
// own topic; "借呗的额度怎么提高", "花呗的账单怎么查" ask about the product).
// So is one right after an answer of a type in named_by_products_after (a
// how-to: "用支付宝呢" after 充值怎么操作), which then names the product type.
bool names_means_of_ours(const MessageCues& named, const Conversation& c);

// A means of ours named by a follow-up-only cue of the product type
// (followup.json methods followup_cues: 手机银行, 网银, 信用卡: words that name
// the type only in the topics whose entry of it is asked with them), with no
// topic, product or reference besides and at most kMeansResidual characters,
// yes-no tags apart ("手机银行行吗", "用手机银行" after 充值怎么操作), asks whether
// the kept topic takes that means: however much out-of-scope examples use
// the word (another bank's own service: "手机银行怎么注册"), it is ours here;
// only right after an answer of the product type or of product_after_types.
bool names_means_cue_of_ours(const knowledge::KnowledgeBase& kb, const MessageCues& named,
                             const Conversation& c);

// A follow-up-only cue of the product type that is also another company's
// product, or a kind of product we do not offer, the text alone says is
// asked about (SearchResult::other_product, other_kind: 信用卡), beside a type of its own other than the product type, away from
// the answers that make a product a means of ours (the product type,
// product_after_types), asks the product's own question ("信用卡审核要多久"
// after 借款审核要多久 asks about the card's review): it is read alone, not
// bent into our entry of the means.
bool asks_of_another_product(const knowledge::KnowledgeBase& kb, const MessageCues& named,
                             const retrieval::SearchResult& alone, const Conversation& c);

// Right after an answer of the requirements type, another company's product
// named beside a word of the customer's credit record (逾期, 欠, 征信, 黑名单:
// "花呗逾期过能借吗" after 借款有啥条件) tells the customer's own standing,
// asked against our requirements: no question about the product itself.
bool tells_own_standing(const MessageCues& named, const Conversation& c,
                        std::string_view normalized);

// The text alone's best entry is of a type the message names (or the message
// names none): it may be a complete question of its own ("几点下班").
bool alone_answers_named_type(const retrieval::SearchResult& alone,
                              const knowledge::KnowledgeBase& kb, const MessageCues& named);

// The text alone's best entry is of `topic`.
bool alone_reads_topic(const retrieval::SearchResult& alone, const knowledge::KnowledgeBase& kb,
                       const std::string& topic);

// The text alone's best entry is of `topic` and leads the runner-up by
// kLead: the text alone reads the message within the topic, whatever the
// out-of-scope check says ("明天下午会不会下大雨", as likely one entry as
// another, does not).
bool leads_within_topic(const retrieval::SearchResult& alone, const knowledge::KnowledgeBase& kb,
                        const std::string& topic);

// The text alone's best entry is the one answered last
// (Conversation::last_faq_id): a short message it has little idea of, naming
// nothing, still leans on the answer just given ("芝麻分要多少才行" after 借款
// 需要什么资料, "去哪里报案" after 遇到冒充客服的怎么办), however close the
// runner-up.
bool ranks_the_answer_first(const retrieval::SearchResult& alone, const Conversation& c);

// A remark about something of another kind: it names a word only
// out-of-scope examples use (MessageCues::foreign: "那股票手续费呢" after 提现
// 手续费, "快递到哪了"), or a word no entry speaks of (MessageCues::unknown)
// while the text alone is out of scope at least kSureOutOfScope and no
// follow-up marker ties it to the conversation ("签证审核要多久" after 借款审核
// 要多久: 签证 is no word of ours; "能调高吗" after 充值限额是多少, 调高 no
// entry's word either, is not near certainly out of scope); it points nowhere
// back, names no product (those have their own reading), and the text alone
// does not read it in scope within the kept topic ("原来的号停机了" after 修改
// 手机号 is about the phone number).
bool about_another_kind(const MessageCues& named, const retrieval::SearchResult& alone,
                        const knowledge::KnowledgeBase& kb, const Conversation& c,
                        const Thresholds& t);

// Chit-chat that names one of our types only by the way: the message was
// read as a new type of the kept topic (kType) through a cue word (周末,
// 下班), yet it names no topic, points nowhere back, names no product, has no
// follow-up marker (那…, …呢, 这个, 它), is no yes-no question (…吗) nor
// asks whom to turn to (找谁协商), its cue words do not ask themselves (多久,
// 哪家银行), it holds a character no entry's
// pair of characters covers (MessageCues::strange_chars), and the text alone
// leans out of scope (at least the out_of_scope threshold): most of it is
// not ours ("周末你们一般去哪玩" after 周末能提现吗, "周末想去海边" after 提现多久
// 到账). Real follow-ups of a type are short or ours throughout ("周末能到账
// 吗", "晚上几点前提交当天到"), and the text alone reads them in scope.
bool chats_beside_a_cue(ReadingKind kind, const MessageCues& named, const retrieval::SearchResult& alone,
                        const Thresholds& t);

// A remark about the bot itself: the message, without filler words, opens
// with 你 addressing the bot (not 你们, the platform), points nowhere back,
// names no topic and no product, and the text alone does not read it within
// the kept topic ("你周末一般干嘛" after 新手有啥福利, "你几岁了" after 红包怎么
// 用; not "你说的那个新手红包怎么用"). Chit-chat with the bot, not a follow-up.
bool about_the_bot(const CueReader& cues, const MessageCues& named, const retrieval::SearchResult& alone,
                   const knowledge::KnowledgeBase& kb, const Conversation& c);

// A pointer naming a type of its own whose entry the text alone picks,
// another than the answer's type, asks that question of the referent: an
// entry of the kept topic, or one the operator lists as a follow-up of the
// answer ("那这个保本吗" after 短期标长期标都有啥, "那有了它就不会亏了吧" after 风险
// 备付金是干嘛的 ask whether the principal is safe; "这个要收费吗" after 债权转让
// 怎么操作 asks about the transfer's fee, not recharging's), or, after an
// answer of how the topic goes as a whole (its entry of type kWholeTopicType),
// an entry of a type the kept topic has no entry of ("这个靠谱不" after 投标怎么弄 asks the platform's safety: the invest topic
// has no safety entry; after 自动投标怎么开 it asks about the auto-bid).
// Not when the type refines the answer.
inline constexpr const char* kWholeTopicType = "how";
bool asks_its_own_type(const MessageCues& named, const retrieval::SearchResult& alone,
                       const knowledge::KnowledgeBase& kb, const Conversation& c);

// A pointer naming no topic and a type the kept topic has an entry of, that
// the text alone reads as another topic's entry of another type, asks that
// type of the referent ("这个钱的年利率大概几个点" after 借款能借多少 asks what
// the loan costs, not how investment rates change): the topic carries,
// however long the message.
bool keeps_topic_by_type(const MessageCues& named, const retrieval::SearchResult& alone,
                         const knowledge::KnowledgeBase& kb, const Conversation& c);

// A follow-up candidate that the text alone, sure of it (see read_message),
// reads as a complete question of its own: a long story pointing back
// ("我投的那笔是按月付息的 每个月几号回款啊"), unless keeps_topic_by_type; a new topic with more words than
// its name ("下款快不" after 怎么投标); a type whose entry in the kept topic the
// text alone picks ("审完了钱多久打过来" after 借款审核要多久: the loan's how_long
// entries are two), unless it refines the answer (refines_answer).
bool complete_alone(ReadingKind kind, const MessageCues& named, const retrieval::SearchResult& alone,
                    const knowledge::KnowledgeBase& kb, const Conversation& c, bool short_text);

// The text alone is small talk (category smalltalk) the policy would answer.
bool sure_small_talk(const retrieval::SearchResult& alone, const knowledge::KnowledgeBase& kb,
                     const Thresholds& t);

// A demonstrative reference word (followup.json references starting with 这
// or 那; a pronoun such as 它 takes no noun: "它和登录密码一样吗") occurs in
// `said` (normalised) before a word of `c`'s topic that `named` names and the last question
// did not ("那个送的红包咋用啊" after 新来的有啥活动: 红包 is the pointer's own
// noun).
bool pointer_before_new_word(const CueReader& cues, const knowledge::KnowledgeBase& kb,
                             const retrieval::Retriever& retriever, std::string_view said,
                             const MessageCues& named, const Conversation& c);

// The message points at the other one of a kind ("另一个", "另外那个",
// "另一种"): not "另外" alone, which adds a question ("另外提现要多久").
bool points_at_other(std::string_view normalized);

}  // namespace faqbot::bot
