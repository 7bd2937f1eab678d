#include "bot/followup.h"

#include <algorithm>

#include "bot/followup_charge.h"
#include "bot/followup_bank_transfer.h"
#include "bot/followup_chat_lead.h"
#include "bot/followup_correction.h"
#include "bot/followup_credit_standing.h"
#include "bot/followup_elsewhere.h"
#include "bot/followup_pointer_noun.h"
#include "bot/followup_predicates.h"
#include "bot/followup_readings.h"
#include "bot/followup_rewrite.h"
#include "bot/followup_scores.h"
#include "bot/followup_steps.h"
#include "bot/followup_subject_pronoun.h"
#include "bot/followup_reaction.h"
#include "bot/followup_what_to_do.h"

namespace faqbot::bot {

const char* to_string(ReadingKind kind) {
  switch (kind) {
    case ReadingKind::kAlone: return "alone";
    case ReadingKind::kTopic: return "topic";
    case ReadingKind::kType: return "type";
    case ReadingKind::kReference: return "reference";
    case ReadingKind::kEllipsis: return "ellipsis";
    case ReadingKind::kContrast: return "contrast";
    case ReadingKind::kSubject: return "subject";
  }
  return "alone";
}

ReadingKind classify(const MessageCues& cues, const retrieval::SearchResult& alone,
                     std::string_view text, const Conversation& conversation,
                     const Thresholds& thresholds) {
  const std::string& topic = conversation.topic;
  const bool sure_alone = confident(alone, thresholds);
  if (!cues.contrasts.empty() && (cues.topics.empty() || cues.names_only(topic))) {
    return ReadingKind::kContrast;
  }
  if (cues.reference && (cues.topics.empty() || cues.names_only(topic))) {
    return ReadingKind::kReference;
  }
  if (!cues.topics.empty() && cues.topics[0].slot != topic && cues.types.empty() &&
      cues.names_only(cues.topics[0].slot) && cues.residual_chars <= kTopicOnlyResidual) {
    return ReadingKind::kTopic;
  }
  if (!cues.topics.empty()) {
    // A question of the same topic the text alone is not sure of: read in it.
    return cues.names_only(topic) && !sure_alone ? ReadingKind::kType : ReadingKind::kAlone;
  }
  if (!cues.types.empty()) return ReadingKind::kType;
  const bool marker = has_followup_marker(text);
  if (marker || (!sure_alone && alone.out_of_scope < thresholds.out_of_scope)) {
    return ReadingKind::kEllipsis;
  }
  return ReadingKind::kAlone;
}

namespace {

// The cues of `normalized` in the kept topic, a charge asked yes-no among
// them (asked_charge names the fee type); when they name no type, those
// read in the topic of a follow-up the answer lists (Entry::follow_ups) if
// a follow-up-only cue there names that follow-up's type ("那有了它就不会亏
// 了吗" after 风险备付金是什么 names the principal guarantee, a follow-up of
// the answer in another topic, with 亏).
MessageCues read_named(const CueReader& cues, const knowledge::KnowledgeBase& kb,
                       const std::string& normalized, const Conversation& conversation) {
  MessageCues named = cues.read(normalized, conversation.topic, conversation.type);
  // A charge asked yes-no of nothing named ("扣钱不") names the fee type, as
  // its cues do; beside a topic's word or the contrary condition ("要是逾期了
  // 扣钱不" after 提前还款怎么弄) it is the charge of what that word names.
  const std::string charge = asked_charge(normalized);
  if (!charge.empty() && named.topics.empty() && named.contrasts.empty() && std::none_of(named.types.begin(), named.types.end(), [](const NamedSlot& t) {
        return t.slot == kChargeType;
      })) {
    named.types.push_back({kChargeType, charge, true, false});
  }
  if (!named.types.empty()) return named;
  const knowledge::Entry* answered = kb.find(conversation.last_faq_id);
  if (answered == nullptr) return named;
  for (const std::string& id : answered->follow_ups) {
    const knowledge::Entry* f = kb.find(id);
    if (f == nullptr || f->topic == conversation.topic) continue;
    MessageCues there = cues.read(normalized, f->topic, conversation.type);
    if (std::any_of(there.types.begin(), there.types.end(), [&](const NamedSlot& t) {
          return t.followup_only && t.slot == f->type;
        })) {
      return there;
    }
  }
  return named;
}

}  // namespace

Reading read_message(const retrieval::Retriever& retriever, const knowledge::KnowledgeBase& kb,
                     const CueReader& cues, std::string_view text,
                     const Conversation& conversation, const Thresholds& thresholds, size_t k,
                     size_t max_chars) {
  const std::string_view as_written = text;
  Reading reading;
  const bool has_context = !conversation.topic.empty() && !conversation.last_question.empty();
  const size_t depth = has_context ? std::max(k, kContextSearchK) : k;
  reading.result = retriever.search(text, depth);
  reading.question = reading.result.normalized;
  // A subject no entry answers (followup.json outside: tax) is answered with
  // no entry, whatever topic the message names besides, in context or not
  // ("那赚的利息要交税吗" after 收益怎么算 is no question about the returns).
  if (!cues.outside(reading.result.normalized).empty()) {
    reading.result.out_of_scope = 1.0;
    keep_at_most(reading.result, k);
    return reading;
  }
  if (!has_context) return reading;
  // Read as typed clean: hesitations of speech dropped, homophones put right.
  const std::string clean = cues.clean(reading.result.normalized);
  if (clean != reading.result.normalized && content_length(clean) > 0) {
    reading.result = retriever.search(clean, depth);
    reading.question = reading.result.normalized;
    text = clean;
  }

  // A remark of small talk before the question in a clause of its own ("哈哈
  // 你回得挺快 那要手续费吗"): the question clause is the follow-up.
  const std::string asked =
      after_chat_lead(retriever, cues, kb, as_written, conversation.topic,
                      conversation.type);
  if (!asked.empty()) {
    reading.result = retriever.search(asked, depth);
    reading.question = reading.result.normalized;
    text = asked;
  }

  // A correction of the answer ("不是这个 我问的是充值"): what it says was
  // asked instead is the follow-up.
  const std::string corrected = corrected_question(as_written);
  if (!corrected.empty()) {
    reading.result = retriever.search(corrected, depth);
    reading.question = reading.result.normalized;
    text = corrected;
  }

  // The opposite movement ("反过来呢" after 充值要手续费吗) names the opposite
  // topic: read as if it were named.
  const std::string turned = cues.opposite(reading.result.normalized, conversation.topic);
  if (!turned.empty()) {
    reading.result = retriever.search(turned, depth);
    reading.question = reading.result.normalized;
    text = turned;
  }
  const MessageCues named = read_named(cues, kb, reading.result.normalized, conversation);
  // A transfer between bank accounts ("银行转账一般多久到" after 提现多久到账)
  // is a bank's service, out of scope whatever the context.
  if (asks_of_a_bank_transfer(named, reading.result.normalized)) {
    reading.result.out_of_scope = 1.0;
    keep_at_most(reading.result, k);
    return reading;
  }
  // Short as the customer wrote it (an English word is one unit, as a
  // Chinese character: "how about the charge" is as short as 那手续费呢), or, naming a topic and no type, without
  // its filler words ("那把钱取回卡里的时候呢" after 充值的步骤是什么).
  const bool short_text =
      std::min(content_length(text), content_units(as_written)) <= max_chars ||
      (!named.reference && !named.topics.empty() && named.types.empty() && !named.names_product &&
       content_length(cues.without_fillers(reading.result.normalized)) <= max_chars);
  ReadingKind kind = short_text || named.reference
                         ? classify(named, reading.result, text, conversation, thresholds)
                         : ReadingKind::kAlone;
  // A short question of the kept topic naming a type the topic has, which
  // the text alone, sure as it may be, reads as another entry of the topic
  // of a type not named ("那投满了打哪天起算收益" after 流标的钱多久退回:
  // the text alone reads the wait, the message names when returns start),
  // is that type of the kept topic.
  if (kind == ReadingKind::kAlone && short_text && named.names_only(conversation.topic) &&
      !named.types.empty() && !named.reference && !named.names_product && named.foreign.empty() &&
      alone_reads_topic(reading.result, kb, conversation.topic) &&
      !alone_answers_named_type(reading.result, kb, named) &&
      topic_has_type(kb, conversation.topic, named_type(named, kb, conversation.topic))) {
    kind = ReadingKind::kType;
  }
  // A pointer beside words of another topic the last question named too
  // ("我把验证码给他了" after 有人冒充客服找我要验证码), or the answer did, not as
  // the pointer's own noun ("我把密码告诉她了" after 冒充客服的怎么辨别, whose
  // answer warns about passwords; not "这个交易密码在哪设置" after 充值怎么操作),
  // says more of what was asked: those words are context, not a new topic.
  // The message names words of another topic only as context (below).
  bool context_words = false;
  if ((kind == ReadingKind::kAlone || kind == ReadingKind::kTopic) && named.reference &&
      named.types.empty() && !named.names_product) {
    const std::string said_before = cues.read(conversation.last_question).subject();
    const knowledge::Entry* answered = kb.find(conversation.last_faq_id);
    const std::string answer = answered != nullptr ? retriever.normalize(answered->answer) : "";
    const std::string& said = reading.result.normalized;
    auto pointed_at = [&](const std::string& word) {  // 这个交易密码: the pointer's noun
      return std::any_of(kb.followup.references.begin(), kb.followup.references.end(),
                         [&](const std::string& raw) {
                           const std::string ref = retriever.normalize(raw);
                           return !ref.empty() && said.find(ref + word) != std::string::npos;
                         });
    };
    // The pointer is the message's subject, words apart from another topic's
    // word that tells what is asked of it ("这个能直接提出来吗" after 红包怎么用
    // asks whether the coupon can be withdrawn; not "这样的话提现要多久").
    size_t pointer_at = std::string::npos, pointer_end = 0;
    for (const std::string& raw : kb.followup.references) {
      const std::string ref = retriever.normalize(raw);
      const size_t at = ref.empty() ? std::string::npos : said.find(ref);
      if (at == std::string::npos) continue;
      if (pointer_at == std::string::npos || at < pointer_at ||
          (at == pointer_at && at + ref.size() > pointer_end)) {
        pointer_at = at;
        pointer_end = at + ref.size();
      }
    }
    auto told_of_pointer = [&](const std::string& word) {
      const size_t at = said.find(word);
      if (pointer_at == std::string::npos || at == std::string::npos || at < pointer_end) return false;
      return content_length(cues.without_fillers(said.substr(pointer_end, at - pointer_end))) > 0;
    };
    if (std::all_of(named.topics.begin(), named.topics.end(), [&](const NamedSlot& t) {
          return t.slot == conversation.topic || said_before.find(t.word) != std::string::npos ||
                 (answer.find(t.word) != std::string::npos && !pointed_at(t.word)) ||
                 told_of_pointer(t.word);
        })) {
      kind = ReadingKind::kReference;
      context_words = std::any_of(named.topics.begin(), named.topics.end(),
                                  [&](const NamedSlot& t) { return t.slot != conversation.topic; });
    }
  }
  // A pointer next to a new word of the kept topic ("那个银行存管呢" after 风险
  // 备付金那是个啥, "登录的那个呢" after 交易密码忘了怎么办) asks the same of
  // another subject: the pronoun is the new word's, not the old subject's.
  if (kind == ReadingKind::kReference && named.types.empty() &&
      named.names_only(conversation.topic) && named.residual_chars <= kTopicOnlyResidual) {
    const MessageCues before = cues.read(conversation.last_question);
    const std::string& said = reading.result.normalized;
    auto beside_a_reference = [&](const std::string& word) {
      return std::any_of(kb.followup.references.begin(), kb.followup.references.end(),
                         [&](const std::string& raw) {
                           const std::string ref = retriever.normalize(raw);
                           return !ref.empty() && (said.find(ref + word) != std::string::npos ||
                                                   said.find(word + ref) != std::string::npos ||
                                                   said.find(word + "的" + ref) != std::string::npos);
                         });
    };
    if (std::any_of(named.topics.begin(), named.topics.end(), [&](const NamedSlot& t) {
          return before.subject().find(t.word) == std::string::npos && beside_a_reference(t.word);
        })) {
      kind = ReadingKind::kSubject;
    }
  }
  // A new word of the kept topic with a follow-up marker and nothing else
  // ("那登录用的呢" after 支付密码忘了咋弄) asks the same of it, as beside a
  // pointer.
  if (kind == ReadingKind::kType && named.types.empty() && !named.reference &&
      named.names_only(conversation.topic) && named.residual_chars <= kTopicOnlyResidual &&
      has_followup_marker(reading.result.normalized)) {
    const MessageCues before = cues.read(conversation.last_question);
    if (std::all_of(named.topics.begin(), named.topics.end(), [&](const NamedSlot& t) {
          return before.subject().find(t.word) == std::string::npos;
        })) {
      kind = ReadingKind::kSubject;
    }
  }
  // A short message naming nothing that the out-of-scope check flags only
  // for want of words ("我没有社保可以吗" after 借款要什么条件, "怎么办" after
  // 有人冒充客服找我要验证码) is an ellipsis when the text alone reads it within
  // the kept topic with a lead, or is a bare question the text alone has no
  // idea of; a word only out-of-scope examples use keeps it alone ("明天下雨
  // 不"), and so does a remark ("我家猫生病了").
  if (kind == ReadingKind::kAlone && short_text && named.topics.empty() && named.types.empty() &&
      !named.reference && !named.names_product && named.foreign.empty() &&
      !confident(reading.result, thresholds) &&
      reading.result.out_of_scope >= thresholds.out_of_scope &&
      (leads_within_topic(reading.result, kb, conversation.topic) ||
       ranks_the_answer_first(reading.result, conversation) ||
       (top_confidence(reading.result) < kNoIdea &&
        content_length(cues.without_fillers(reading.result.normalized)) <= kBareChars))) {
    kind = ReadingKind::kEllipsis;
  }
  // A short message asking what to do about a situation it tells, naming
  // nothing (asks_what_to_do: "忘了咋办" after 交易密码怎么设置), is that
  // situation of the subject answered last, unless the text alone is sure of
  // an entry of another topic ("被人骗了怎么办" is about fraud).
  if (kind == ReadingKind::kAlone && short_text && named.topics.empty() && named.types.empty() &&
      !named.reference && !named.names_product && named.foreign.empty() &&
      asks_what_to_do(reading.result.normalized) &&
      (!confident(reading.result, thresholds) ||
       alone_reads_topic(reading.result, kb, conversation.topic))) {
    kind = ReadingKind::kEllipsis;
  }
  // The answered type named by a follow-up cue, a type only the kept topic
  // has, ties a message naming another topic's word to the answer ("好友最少
  // 要出借多少" after 拉新奖励怎么拿 asks what the invited friend must lend).
  if (kind == ReadingKind::kAlone && short_text && !named.names_product &&
      std::any_of(named.types.begin(), named.types.end(), [&](const NamedSlot& t) {
        return t.followup_only && t.slot == conversation.type &&
               std::none_of(kb.entries.begin(), kb.entries.end(), [&](const knowledge::Entry& e) {
                 return e.type == t.slot && e.topic != conversation.topic;
               });
      })) {
    kind = ReadingKind::kType;
  }
  // A follow-up naming no topic and only types the kept topic has (or that
  // refine the answered type: "转给别人的话平台抽成多少" after 投了能中途拿出来吗
  // asks the transfer's fee, though the topic has no fee entry), tied to
  // the conversation by a follow-up marker or by a type no other topic has,
  // is a new type of the kept topic, however long ("那过了以后呢 多久能到卡上"
  // after 借款还在审 要几天 asks when the loan is paid out, though the text
  // alone is sure of withdrawals; "不想等到期了，能中途转给别人吗" after 回款,
  // the text alone unsure, asks about the debt transfer), unless the text
  // alone reads it surely within the kept topic itself ("那要是一直满不了标
  // 钱就一直冻着吗" after 标流了是啥意思 asks about the wait for a full bid).
  const bool sure_alone_text =
      confident(reading.result, thresholds) && top_confidence(reading.result) >= kSureAlone;
  // A supposition of an outcome whose text alone only reads the answer again,
  // sure but not certain (below kCertainAlone), asks about the outcome ("要是
  // 一直凑不满呢 钱咋办" after 钱投进去咋冻结了).
  const bool supposed = supposes_what_happens(kb, conversation, named, reading.result.normalized) &&
                        !reading.result.candidates.empty() &&
                        reading.result.candidates[0].id == conversation.last_faq_id &&
                        top_confidence(reading.result) < kCertainAlone;
  if (kind == ReadingKind::kAlone && named.topics.empty() && !named.types.empty() &&
      !(sure_alone_text && alone_reads_topic(reading.result, kb, conversation.topic) && !supposed) &&
      !named.reference && !named.names_product && named.foreign.empty() &&
      std::all_of(named.types.begin(), named.types.end(), [&](const NamedSlot& t) {
        return topic_has_type(kb, conversation.topic, t.slot) ||
               refined_type(kb.followup, conversation.type, t.slot);
      }) &&
      (has_followup_marker(reading.result.normalized) ||
       (!sure_alone_text && std::any_of(named.types.begin(), named.types.end(), [&](const NamedSlot& t) {
         return std::none_of(kb.entries.begin(), kb.entries.end(), [&](const knowledge::Entry& e) {
           return e.type == t.slot && e.topic != conversation.topic;
         });
       })))) {
    kind = ReadingKind::kType;
  }
  // Impatience about the wait just answered (reacts_to_a_wait: 这么久, 太慢了
  // 吧, 等不及了), naming the answered type and no topic but the kept one, is
  // tied to the answer as by a follow-up marker, however long ("太慢了吧 有没
  // 有快一点的办法" after 提现多久到账 asks the same wait again).
  if (kind == ReadingKind::kAlone && (named.topics.empty() || named.names_only(conversation.topic)) &&
      !named.reference && !named.names_product && named.foreign.empty() &&
      std::any_of(named.types.begin(), named.types.end(),
                  [&](const NamedSlot& t) { return t.slot == conversation.type; }) &&
      reacts_to_a_wait(reading.result.normalized)) {
    kind = ReadingKind::kType;
  }
  // A new topic named with words of a type it has no entry of, while it has
  // one of the kept type, keeps the type ("投标的门槛呢" after 提现最低是多少:
  // the threshold to bid is its minimum amount; invest has no requirements).
  if (kind == ReadingKind::kAlone && short_text && !named.topics.empty() &&
      named.topics[0].slot != conversation.topic && named.names_only(named.topics[0].slot) &&
      !named.types.empty() && !named.reference && !named.names_product &&
      named.residual_chars <= kTopicOnlyResidual &&
      topic_has_type(kb, named.topics[0].slot, conversation.type) &&
      std::none_of(named.types.begin(), named.types.end(), [&](const NamedSlot& t) {
        return topic_has_type(kb, named.topics[0].slot, t.slot);
      })) {
    kind = ReadingKind::kTopic;
  }
  const bool small_talk = sure_small_talk(reading.result, kb, thresholds);
  // "那行 拜拜" ends the topic, it does not refine it; nor does a pointer in
  // small talk ("好 就这样吧 再见": 这样 points at no subject).
  // Nor does small talk naming a type by the way ("好，谢谢，放心了" after 流标了
  // 我的钱怎么办: 放心 names safety, the text alone is sure of thanks).
  if ((kind == ReadingKind::kEllipsis ||
       ((kind == ReadingKind::kReference || kind == ReadingKind::kType) &&
        top_confidence(reading.result) >= kSureSmallTalk)) &&
      small_talk) {
    kind = ReadingKind::kAlone;
  }
  // Another company's product named as the subject (not as a means of ours
  // after an answer of the product type: names_means_of_ours), with no word
  // of ours besides, is no ellipsis of our answer: "跟微众比呢" after 平台安全
  // 吗 compares with, or asks about, someone else's product; it is read alone.
  // (When the text alone already says the product is asked about, the
  // reading in context keeps that for the policy, which refuses.)
  if (kind == ReadingKind::kEllipsis && named.names_product && reading.result.other_product.empty() &&
      named.topics.empty() &&
      named.types.empty() && !named.reference && !names_means_of_ours(named, conversation)) {
    kind = ReadingKind::kAlone;
  }
  // So is a remark about the bot itself ("你周末一般干嘛" after 新手有啥福利),
  // chit-chat naming a type only by the way ("周末你们去哪玩"), another
  // company's product's own question ("信用卡审核要多久" after 借款审核要多久),
  // and a question of another topic's type named by its follow-up-only cue
  // ("为什么利率降了" after 借款利率多少: names_another_topics_type).
  const bool another_kind = about_another_kind(named, reading.result, kb, conversation, thresholds) ||
                            names_another_topics_type(cues, kb, named, reading.result, conversation, thresholds) ||
                            asks_of_another_product(kb, named, reading.result, conversation) ||
                            about_the_bot(cues, named, reading.result, kb, conversation) ||
                            chats_beside_a_cue(kind, named, reading.result, thresholds);
  if (another_kind) kind = ReadingKind::kAlone;
  const retrieval::SearchResult alone = reading.result;
  const bool sure_alone = confident(alone, thresholds) && top_confidence(alone) >= kSureAlone;
  // A long pointer naming another topic's words only as context is no
  // complete question of that topic, however sure the text alone is of it
  // ("我已经把验证码告诉他了怎么办" after 有人冒充客服要验证码 is about the fraud,
  // not about verification codes).
  const bool context_only = context_words && !alone_reads_topic(alone, kb, conversation.topic);
  // A pointer followed by its own noun, a word of the kept topic the last
  // question did not name ("那个送的红包咋用啊" after 新来的有啥活动: it points
  // at the red packet, not at the activities), asks a question of its own
  // when the text alone is sure of another entry of the kept topic.
  // So does one whose noun, no word of any topic, is named by that entry and
  // not by the last question ("那个测评必须先做吗" after 怎么出借, the text
  // alone sure of the entry asked with 测评: pointer_noun_names).
  const knowledge::Entry* alone_best = alone.candidates.empty() ? nullptr : kb.find(alone.candidates[0].id);
  const bool own_noun =
      kind == ReadingKind::kReference && alone_reads_topic(alone, kb, conversation.topic) &&
      alone.candidates[0].id != conversation.last_faq_id &&
      ((named.names_only(conversation.topic) &&
        pointer_before_new_word(cues, kb, retriever, reading.result.normalized, named, conversation)) ||
       (named.topics.empty() && named.types.empty() && !named.names_product && alone_best != nullptr &&
        pointer_noun_names(kb, retriever, reading.result.normalized, conversation.last_question, *alone_best)));
  const ReadingKind classified = kind;  // before the text alone may claim it
  // 它 first, naming no type and no other topic, is the thing answered last
  // doing or undergoing what follows ("它会不会把钱全买进很长的标" after 自动
  // 投标怎么开 asks about the auto-bid): no complete question of its own,
  // however long and however sure the text alone is of another entry.
  const bool thing_is_subject = kind == ReadingKind::kReference && named.types.empty() &&
                                !named.names_product &&
                                (named.topics.empty() || named.names_only(conversation.topic)) &&
                                thing_pronoun_leads(reading.result.normalized);
  if (sure_alone && !context_only && !thing_is_subject &&
      (own_noun || complete_alone(kind, named, alone, kb, conversation, short_text))) {
    kind = ReadingKind::kAlone;
  }
  const MessageSearch searched{retriever, kb, cues, conversation, thresholds, k, alone};
  const MessageState state{searched, named};
  // A credit score told after a question of a topic with a requirements
  // entry ("芝麻分低能借不" after 借款怎么申请) is the customer's standing
  // against those requirements, whatever the text alone makes of it.
  // A credit score beside the last answer's question ("信用分高的利息能低点吗"
  // after 借款利率多少) or asked what becomes of it after the overdue answer,
  // however long.
  if (!small_talk && ((short_text && read_as_credit_standing(state, &reading)) ||
                      read_as_credit_qualified(state, &reading))) {
    keep_at_most(reading.result, k);
    return reading;
  }
  retrieval::SearchResult in_context;
  // Another person's case: the last question asked for them (the person may
  // be a word only out-of-scope examples use: 老婆).
  const bool person = !small_talk && read_for_another_person(state, &reading);
  // The same question of a new object another topic names ("那卡号呢"
  // after a question whether identity numbers are sold).
  const bool same_question = !person && short_text && !another_kind && !small_talk &&
                             classified == ReadingKind::kTopic && read_same_question_of(state, &reading);
  // "The other one" of the kind asked about last: no type, no other topic.
  const bool other = !person && !same_question && short_text && !another_kind && named.types.empty() && !named.names_product &&
                     (named.topics.empty() || named.names_only(conversation.topic)) &&
                     points_at_other(reading.result.normalized) && read_other(state, &reading);
  // A sibling of the subject named by its modifier: no other topic.
  // The step after one named ("借款审核通过以后呢").
  const StepQuery steps{searched, [&] { return previous_subject(cues, kb, retriever, conversation); }};
  const bool next_step = !person && !same_question && !other && short_text && !another_kind && !small_talk &&
                         read_next_step(steps, &reading);
  // The step answered last, done, then a question of its own ("放款以后怎么还").
  const bool step_then = !person && !same_question && !other && !next_step && short_text && !another_kind && !small_talk &&
                         !named.names_product && read_step_then(steps, &reading);
  const bool sibling = !person && !same_question && !other && !next_step && !step_then && (short_text || named.reference) && !another_kind &&
                       !named.names_product &&
                       (named.topics.empty() || named.names_only(conversation.topic)) &&
                       read_sibling(state, &reading);
  // What the answer just given states, asked about in a short follow-up.
  const bool about_answer = !person && !same_question && !other && !next_step && !step_then && !sibling && short_text && !another_kind && !small_talk &&
                            kind != ReadingKind::kContrast && kind != ReadingKind::kSubject &&
                            kind != ReadingKind::kTopic && read_as_the_answer(state, sure_alone, &reading);
  // A long follow-up the text alone is unsure of, naming the answered type
  // or types refining it, refines the question just answered; after an
  // answer that handed the case to a person, also when the text alone is
  // sure of an entry of a type the message does not name ("给个准话 究竟哪天
  // 能到" after a late withdrawal is no question about holidays).
  const bool handed_answer = hands_over(kb.find(conversation.last_faq_id));
  const bool refining = !person && !same_question && !other && !next_step && !step_then && !sibling && !about_answer &&
                        !short_text && (!sure_alone || (handed_answer && !alone_answers_named_type(alone, kb, named))) &&
                        !small_talk && !another_kind &&
                        read_as_refining_the_answer(state, &reading);
  // A marked follow-up naming nothing that the text alone reads as a type
  // refining the answered one, within the kept topic: asked of the answer.
  const bool refined_alone = !person && !same_question && !other && !next_step && !step_then && !sibling &&
                             !about_answer && !refining && !small_talk && !another_kind &&
                             kind != ReadingKind::kContrast && read_as_refined_by_alone(state, &reading);
  const bool read = person || same_question || other || next_step || step_then || sibling || about_answer || refining ||
                    refined_alone ||
                    (kind != ReadingKind::kAlone && read_in_context(state, kind, &reading, &in_context));
  if (!read && !small_talk && !sure_alone && !another_kind) rescue_in_context(state, short_text, &reading);
  // Still unread and unanswered: a type only the answered entry is asked with,
  // or a complete new question the text alone is unsure of.
  if (!read && !reading.in_context() && short_text && !small_talk && !another_kind) {
    if (!read_as_type_of_the_answer(state, &reading) && !sure_alone) read_as_named(state, &reading);
  }
  // A product named as a means of ours (names_means_of_ours: "云闪付行不行"
  // after 充值有哪些方式) that the text alone reads as the kept topic's entry
  // of the product type asks whether it is a means of ours, as in context:
  // no question about the product itself.
  if (!reading.in_context() && !reading.result.other_product.empty() &&
      names_means_of_ours(named, conversation) &&
      alone_reads_topic(reading.result, kb, conversation.topic) &&
      kb.find(reading.result.candidates[0].id)->type == kb.followup.product_type) {
    reading.result.other_product.clear();
  }
  keep_at_most(reading.result, k);
  return reading;
}

bool asks_again(const CueReader& cues, const Reading& reading, const Conversation& c) {
  if (reading.in_context() || c.last_question.empty() || has_followup_marker(reading.question)) {
    return false;
  }
  const MessageCues now = cues.read(reading.question, c.topic, c.type);
  const MessageCues before = cues.read(c.last_question, c.topic, c.type);
  auto named_before = [](const std::vector<NamedSlot>& slots, const NamedSlot& s) {
    return std::any_of(slots.begin(), slots.end(), [&](const NamedSlot& b) { return b.slot == s.slot; });
  };
  for (const NamedSlot& t : now.topics) {
    if (!named_before(before.topics, t)) return false;
  }
  for (const NamedSlot& t : now.types) {
    if (!named_before(before.types, t)) return false;
  }
  if (now.product && !before.product) return false;
  const std::u32string said = content(c.last_question);
  const std::u32string asked = content(cues.without_fillers(reading.question));
  if (asked.empty()) return false;
  const size_t seen = static_cast<size_t>(std::count_if(
      asked.begin(), asked.end(), [&](char32_t cp) { return said.find(cp) != std::u32string::npos; }));
  return static_cast<double>(seen) >= kRepeatShare * static_cast<double>(asked.size());
}

void remember_slots(Conversation& conversation, const knowledge::KnowledgeBase& kb,
                    const knowledge::Entry& entry, const MessageCues& asked) {
  conversation.topic = entry.topic;
  conversation.type = entry.type;
  const bool entry_type_named = std::any_of(asked.types.begin(), asked.types.end(),
                                            [&](const NamedSlot& t) { return t.slot == entry.type; });
  if (entry_type_named) return;
  for (const NamedSlot& t : asked.types) {
    if (topic_has_type(kb, entry.topic, t.slot)) {
      conversation.type = t.slot;
      return;
    }
  }
}

}  // namespace faqbot::bot
