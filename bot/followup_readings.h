#pragma once
// The readings of a follow-up in context (bot/followup.h), each given what
// read_message() knows once the text alone is searched (MessageState):
// read_in_context and rescue_in_context (bot/followup_context_readings.cpp);
// read_other, read_sibling and read_as_the_answer, which ask about another
// entry of the kept topic or the answer itself
// (bot/followup_entry_readings.cpp). Pure given the Retriever.
#include "bot/followup.h"
#include "bot/followup_steps.h"

namespace faqbot::bot {

// What read_message() knows of a message once its text alone is searched.
struct MessageState : MessageSearch {
  const MessageCues& named;
};

// `searched` restricted by `filter` (within_slots) becomes `reading`, of
// `kind`, its question the text `searched` normalised. False, `reading`
// unchanged, when the filter leaves nothing (bot/followup_entry_readings.cpp).
bool read_within(const MessageState& m, const retrieval::SearchResult& searched,
                 const SlotFilter& filter, ReadingKind kind, Reading* reading);

// The message read in context as `kind` (not kAlone): false when the
// context cannot hold it (see followup.h). `in_context` receives the search
// in context before the slots restrict it (the product of both experts for a
// type or an ellipsis).
bool read_in_context(const MessageState& m, ReadingKind kind, Reading* reading,
                     retrieval::SearchResult* in_context);

// A message read alone that the text alone does not answer, naming no other
// topic ("我前天下午就把资料交上去了到现在还没消息" after 借款审核要多久; not
// "注册好了怎么出借" after 怎么注册, though 出借 is asked within account's
// own questions too): read in context, and kept
// only when that reading answers it clearly with an entry of the topic the
// unrestricted search in context ranks first, more confidently than the
// text alone would (a weak answer of the text alone, below kSureAlone, may
// be outvoted: "挂出去以后一般要多长时间才有人接手" after 债权转让). Not for a message naming a
// type the topic has no entry of ("你们和支付宝比哪个安全" after 充值渠道) or
// another company's product other than as a means of ours. Else `reading`
// is unchanged.
void rescue_in_context(const MessageState& m, bool short_text, Reading* reading);

// "The other one" of the kind the last question named ("那另一个密码呢" after
// 登录密码忘了怎么办 asks about the trade password): the last question with its
// word of the kept topic replaced by each other word of that kind in turn
// (CueReader::others_of), the first whose search clearly answers with
// another entry of the topic than the one answered last. False when none.
bool read_other(const MessageState& m, Reading* reading);

// A sibling named by its distinguishing modifier (CueReader::sibling_named:
// "交易的那个呢" or "支付用的那个也记不清了" after 登录密码忘了怎么办 ask about
// the trade password; "那提前的呢" after 还款方式有哪些 about early
// repayment): the last question asking about the sibling, else the message
// with its pointer (or its front) filled with the sibling, searched; the
// first that clearly answers with another entry of the topic than the one
// answered last, read as kSubject. False when none.
bool read_sibling(const MessageState& m, Reading* reading);

// A short follow-up naming no other topic and no product, asking whether
// what the answer just given states (answer_states) may be set or chosen, or
// naming no topic and no type of the kept topic while the text alone is
// unsure of it and reads it out of the kept topic, asks
// about that same answer: the answer's title and the message searched, read
// within the kept topic, only the answered type ("能设置金额区间吗" after 自动
// 投标怎么开 is no question about minimum amounts); restricting it to part of
// it (只投…) is such a setting whenever the answer tells what one sets
// ("能只投短期的吗" after 自动投标会不会全投 is the auto-bid, not the products).
// A bare message (at most kBareAttributeChars besides filler words) naming
// no topic, type or pointer asks about the answer too when the text alone,
// sure of another topic's entry but below kCertainAlone and no hand-over,
// ranks the answer among its first kRescueRank ("有啥讲究吗" after 提现多久
// 到账). So does a bare penalty (罚息, 违约金, 罚钱, 罚款: "罚金收吗" after 想一次
// 性还清) after an answer whose own questions ask of a penalty, naming no
// condition contrasting with the answered type (逾期) and no other topic or
// type: the penalty is that answer's charge; so does a charge asked yes-no
// ("扣钱不", "会多扣钱不": asked_charge). False when the text alone
// already reads the answer first or the context cannot hold the reading.
bool read_as_the_answer(const MessageState& m, bool sure_alone, Reading* reading);

// A long follow-up refining the question just answered: it names the
// answered type (that of the conversation or of the answered entry) or only
// types refining it (followup.json refined_by: how_long refines failed), and
// no other topic, no product, no word only out-of-scope examples use
// ("我刚用信用卡充了一次没成功 失败的钱多久退回来" after 充值失败了怎么办; "那笔
// 剩半年到期 转出去要几天能成交" after 债权转让怎么操作). The caller reads it so
// only when the text alone is unsure of it. The answer's title and the message
// searched, read within the kept topic, only the answered entry's type; true
// when that reading ranks the answered entry first and the text alone ranks it
// among its first kRescueRank (the new words ask about it), or the answer
// handed the case to a person (hands_over: the text alone has no words for
// the case). Else `reading` is unchanged.
bool read_as_refining_the_answer(const MessageState& m, Reading* reading);

// Another person's case (followup.json persons): the message's first
// clause, up to its first 呢 (all of it when it holds none), carries a
// follow-up marker and names someone else than the asker and nothing besides
// filler words, references and that person's belongings (followup.json
// belongings): "那我老婆的账号呢", "那我儿子那个账户呢 他这个月都取了六回了".
// It asks the last question again for that person: the last question is
// searched and read within the kept topic, when it is answered clearly.
// What follows the clause tells the person's story: it names no other
// topic, no product, no word only out-of-scope examples use and no type of
// the kept topic other than the answered one ("那我老婆呢 她能借多少" after 借款
//要什么条件 asks the amount). False otherwise.
bool read_for_another_person(const MessageState& m, Reading* reading);

// A new object of the same question: a message with a follow-up marker
// naming only a word of another topic with nothing of a type ("那卡号呢"
// after a question whether identity numbers are sold), when that topic has
// no entry of the kept type (account has no safety entry) and the last
// question named no topic word (its object was no topic's: "提现呢" after
// 充值支持哪些方式 moves the topic), asks the last question of the new object:
// the message's words put before the last question, searched; true, read as kTopic
// within the kept topic, when that search clearly answers with the entry
// answered last (bot/followup_object.cpp). Else `reading` is unchanged.
bool read_same_question_of(const MessageState& m, Reading* reading);

// A marked follow-up ("那…", "…呢") naming no topic, type, pointer or
// product, whose text alone reads an entry of the kept topic, other than
// the answered one, of a type that refines the answered type (followup.json
// refined_by: how_long refines failed), asks that of the answer: "那钱是不是
// 一直锁着不动" after 流标了怎么办 asks about the failed bid's money, not the
// wait before a bid fills. True, read as kType within the answered entry's
// slots, when the answer's title and the message searched give the answered
// entry first. Else `reading` is unchanged.
bool read_as_refined_by_alone(const MessageState& m, Reading* reading);

// A follow-up naming no topic, no product and no word only out-of-scope
// examples use, naming only types the kept topic has no entry of but the
// answered entry's own questions ask with ("要多久" after 怎么销户: account
// has no entry of how long, account.close is asked 注销账号多久生效), which
// the text alone neither answers (not confident) nor reads out of scope,
// asks that of the answer: true, read as kType within the answered entry's
// slots, when the answer's title and the message searched give the answered
// entry first. The caller tries it last, when nothing else read the message.
// Else `reading` is unchanged.
bool read_as_type_of_the_answer(const MessageState& m, Reading* reading);

// A complete new question: a follow-up naming one new topic and a type, no
// pointer, no product and no word only out-of-scope examples use, whose
// text alone, in scope but unsure, ranks first that topic's entry of that
// type ("借款的门槛呢" after 提现最低是多少): true, read alone within that
// entry's topic and type (the cue words confirm the text alone's choice).
// The caller tries it when nothing else read the message. Else `reading`
// is unchanged.
bool read_as_named(const MessageState& m, Reading* reading);

}  // namespace faqbot::bot
