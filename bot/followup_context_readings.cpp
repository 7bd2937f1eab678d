#include "bot/followup_readings.h"

#include <algorithm>

#include "bot/followup_predicates.h"
#include "bot/followup_rewrite.h"
#include "bot/followup_scores.h"

namespace faqbot::bot {
namespace {

// An ellipsis that asks its own question within the kept topic: no
// follow-up marker ties it to the answer (or it names a place money goes
// and the text alone is sure of it, kSureAlone: "那工行的会不会慢些" after
// 周末提现几时到 compares banks; a marked one naming no place asks of the
// answer: "那钱是不是还冻着" after 流标了怎么办), and
// the text alone's best entry, a clear match (an unsure one asks nothing of
// its own: "我老公没工作可以借吗" after 借款要满足什么条件 is about the
// requirements), is another of the topic, of another type ("借了之后怎么还"
// after 借款利率多少 reads loan.repay_methods first). That entry, else null.
const knowledge::Entry* own_question(const MessageState& m) {
  if (m.alone.candidates.empty() || !confident(m.alone, m.thresholds) ||
      (has_followup_marker(m.alone.normalized) && (!m.named.place || top_confidence(m.alone) < kSureAlone))) {
    return nullptr;
  }
  const knowledge::Entry* e = m.kb.find(m.alone.candidates[0].id);
  const Conversation& c = m.conversation;
  if (e == nullptr || e->topic != c.topic || e->id == c.last_faq_id || e->type == c.type) return nullptr;
  return e;
}

}  // namespace

bool read_in_context(const MessageState& m, ReadingKind kind, Reading* reading,
                     retrieval::SearchResult* in_context) {
  const Conversation& conversation = m.conversation;
  const MessageCues& named = m.named;
  SlotFilter filter;
  if (kind == ReadingKind::kTopic) {  // a new topic keeps the type
    filter.topic = named.topics[0].slot;
    filter.type = conversation.type;
    filter.only_type = true;
  } else if (kind == ReadingKind::kContrast) {  // the topic without the condition
    filter.topic = conversation.topic;
    filter.not_type = conversation.type;
  } else if (kind == ReadingKind::kSubject) {  // another subject of the topic
    filter.topic = conversation.topic;
    filter.not_entry = conversation.last_faq_id;
  } else {  // the topic is kept; a type named is preferred
    filter.topic = conversation.topic;
    filter.type = named_type(named, m.kb, conversation.topic);
    // A pronoun or an ellipsis that names no type refers to what was just
    // answered: it keeps the type too (preferred, not required: the new
    // words may ask more; "那钱是不是一直冻着" after 流标了怎么办 asks about the
    // failed bid's money, not the wait before a full bid).
    if ((kind == ReadingKind::kReference || kind == ReadingKind::kEllipsis) && filter.type.empty()) filter.type = conversation.type;
  }
  // A pointer naming a new type that only the kept topic has asks that
  // type's entry ("这笔能转给别人吗" after 出借的钱什么时候回款 asks about the
  // debt transfer, not about repayments).
  if (kind == ReadingKind::kReference && !filter.type.empty() && filter.type != conversation.type &&
      topic_has_type(m.kb, conversation.topic, filter.type) &&
      std::none_of(m.kb.entries.begin(), m.kb.entries.end(), [&](const knowledge::Entry& e) {
        return e.type == filter.type && e.topic != conversation.topic;
      })) {
    filter.only_type = true;
  }
  // A refinement keeps the answered type, and its reference points at the
  // answer itself, not at the topic's words.
  const bool refines = kind != ReadingKind::kTopic && kind != ReadingKind::kContrast &&
                       kind != ReadingKind::kSubject &&
                       refines_answer_in(m.kb, conversation, named);
  if (refines) filter.type = conversation.type;
  // An ellipsis asking its own question of the topic follows the subject,
  // not the answer's title, and prefers the type the text alone reads.
  const knowledge::Entry* own = kind == ReadingKind::kEllipsis ? own_question(m) : nullptr;
  if (own != nullptr) filter.type = own->type;
  const std::string title = own != nullptr ? previous_subject(m.cues, m.kb, m.retriever, conversation)
                                           : previous_title(m.kb, m.retriever, conversation);
  // Another company's product named in the message stays named in context
  // ("借款额度有多少" → "那花呗额度呢" asks about 花呗), unless it is a means of
  // ours (names_means_of_ours). Such a product is searched in context
  // without its name: the context says what is asked of it, and its name
  // would read as someone else's question.
  const bool means_of_ours = names_means_of_ours(named, conversation);
  const std::string words =
      means_of_ours ? m.cues.without_products(m.alone.normalized) : m.alone.normalized;
  std::string subject =
      refines ? title : previous_subject(m.cues, m.kb, m.retriever, conversation);
  // A new type keeps the topic, not the entry: when the last question named
  // no word of its topic, the topic's first word stands for it, not the
  // answer's title ("最多能借多少" → "利息咋算" asks 借款利息咋算, not about the
  // amount's title). Only a type the kept topic has an entry of: one it has
  // none of asks about the answer itself, whose subject stays ("拉人进来给多
  // 少钱" → "有上限吗" asks the referral's cap; 活动, promo's first word, would
  // read it as the activities).
  if (kind == ReadingKind::kType && !refines && !filter.type.empty() &&
      filter.type != conversation.type && topic_has_type(m.kb, conversation.topic, filter.type) &&
      m.cues.read(conversation.last_question).topics.empty()) {
    auto it = m.kb.followup.topic_cues.find(conversation.topic);
    if (it != m.kb.followup.topic_cues.end() && !it->second.empty()) {
      subject = m.retriever.normalize(it->second[0]);
    }
  }
  // A topic or reference rewrite is a complete question; a type or an
  // ellipsis adds new words to the previous question, and a contrast names
  // the contrary condition, which may be all it asks ("那拖过还款日才还呢" after
  // 借款可以提前还吗 asks about overdue loans): both experts vote.
  const bool rewritten = kind == ReadingKind::kTopic || kind == ReadingKind::kReference ||
                         kind == ReadingKind::kSubject;
  const size_t depth = std::max(m.k, kContextSearchK);
  auto search_in_context = [&](const std::string& query, retrieval::SearchResult* searched) {
    *searched = m.retriever.search(query, depth);
    return rewritten ? *searched : product(m.alone, *searched);
  };
  // Out of scope only when both the text and its rewrite say so (the rewrite
  // of an in-scope fragment may read oddly; the text alone may be too short).
  auto both_out_of_scope = [&](const retrieval::SearchResult& r) {
    return r.out_of_scope >= m.thresholds.out_of_scope &&
           m.alone.out_of_scope >= m.thresholds.out_of_scope;
  };
  const std::string query =
      rewrite(kind, named, m.cues, words, subject, title, filter.type, conversation);
  retrieval::SearchResult searched;
  *in_context = search_in_context(query, &searched);
  bool out_of_scope = both_out_of_scope(*in_context);
  // A means of ours named by its cue is in scope in context, whatever the
  // out-of-scope examples say of the word (names_means_cue_of_ours).
  const bool means_cue = kind == ReadingKind::kType && names_means_cue_of_ours(m.kb, named, conversation);
  if (means_cue) out_of_scope = false;
  // The answer's title and new words may read as no question at all
  // ("提现多久到账" + "建设银行会慢吗"): then the subject and the new words.
  const std::string plain = subject + words;
  if (out_of_scope && !rewritten && plain != query) {
    retrieval::SearchResult plain_searched;
    retrieval::SearchResult plain_in_context = search_in_context(plain, &plain_searched);
    if (!both_out_of_scope(plain_in_context)) {
      searched = std::move(plain_searched);
      *in_context = std::move(plain_in_context);
      out_of_scope = false;
    }
  }
  if (out_of_scope) return false;
  // A new topic whose rewrite is a clear question of that topic is answered
  // as asked, whatever its type ("债权转让要收手续费吗" → "那提前还款呢": the
  // rewrite asks about early repayment's charges, not about loan costs).
  if (kind == ReadingKind::kTopic && confident(searched, m.thresholds)) {
    const knowledge::Entry* e = m.kb.find(searched.candidates[0].id);
    if (e != nullptr && e->topic == filter.topic) {
      filter.type = e->type;
      filter.only_type = false;
    }
  }
  // A new type named by a follow-up-only cue (followup.json followup_cues:
  // words that name the type only within the topics whose entries of it are
  // asked with them) is what is asked: only its entries of the kept topic
  // ("投资收益怎么算" → "收益少了怎么回事" asks why returns fell).
  if (kind == ReadingKind::kType && !refines && !filter.type.empty() &&
      filter.type != conversation.type &&
      std::any_of(named.types.begin(), named.types.end(), [&](const NamedSlot& t) {
        return t.slot == filter.type && t.followup_only;
      })) {
    filter.only_type = true;
  }
  // So is a new type that tells what happened (a type other types refine,
  // followup.json refined_by: failed, not_arrived), named beside words the
  // text alone does not read as more of the answer, or reads so only unsure
  // of it (below kSureAlone) ("要是一直满不了呢" after 满标要等多久 asks about
  // the failed bid); named with nothing besides filler words, it is no more
  // of the answer however sure the text alone is ("那要是老不满呢" after a
  // question on the frozen money: the text alone hears only the wait); nor
  // is a supposition of it (supposes_what_happens: "要是一直凑不满呢 钱咋办")
  // the text alone is not certain of (below kCertainAlone).
  if (kind == ReadingKind::kType && !refines && !filter.type.empty() &&
      filter.type != conversation.type && m.kb.followup.refined_by.count(filter.type) > 0 &&
      !m.alone.candidates.empty() &&
      (named.residual_chars == 0 || m.alone.candidates[0].id != conversation.last_faq_id ||
       top_confidence(m.alone) < kSureAlone ||
       (top_confidence(m.alone) < kCertainAlone &&
        supposes_what_happens(m.kb, conversation, named, m.alone.normalized))) &&
      std::any_of(named.types.begin(), named.types.end(),
                  [&](const NamedSlot& t) { return t.slot == filter.type; })) {
    filter.only_type = true;
  }
  retrieval::SearchResult in;
  const bool alone_may_veto = alone_answers_named_type(m.alone, m.kb, named);
  if (!within_slots(*in_context, m.kb, filter, &in, alone_may_veto ? nullptr : &searched)) {
    return false;
  }
  reading->result = std::move(in);
  reading->result.out_of_scope =
      means_cue ? 0.0 : std::min(in_context->out_of_scope, m.alone.out_of_scope);
  // The customer's own record with another company's product, asked against
  // the requirements just answered and read as them in context, is ours.
  const bool standing = tells_own_standing(named, conversation, m.alone.normalized) &&
                        !reading->result.candidates.empty() &&
                        reading->result.candidates[0].id == conversation.last_faq_id;
  reading->result.other_product = means_of_ours || standing ? std::string() : m.alone.other_product;
  reading->kind = kind;
  reading->question = searched.normalized;
  return true;
}

void rescue_in_context(const MessageState& m, bool short_text, Reading* reading) {
  const std::string& topic = m.conversation.topic;
  // What the text alone would answer with, 0 when it would not.
  const double alone_answers = confident(m.alone, m.thresholds) ? top_confidence(m.alone) : 0.0;
  // Out of scope alone (the weather, another service: "明天下雨不" after 逾期
  // 了会怎样) stays so, unless a follow-up marker ties it to the
  // conversation ("要是一直凑不满的话…"), or the text alone, naming no word
  // only out-of-scope examples use, reads it within the kept topic with a
  // lead (leads_within_topic: "我周二提的2万 到今天周五还没到" after 提现怎么操作).
  if (m.alone.out_of_scope >= m.thresholds.out_of_scope &&
      !has_followup_marker(m.alone.normalized) &&
      !(m.named.foreign.empty() && leads_within_topic(m.alone, m.kb, topic))) {
    return;
  }
  if (!m.named.topics.empty() && !m.named.names_only(topic)) return;
  if (m.named.names_product && !names_means_of_ours(m.named, m.conversation)) return;
  for (const NamedSlot& t : m.named.types) {
    if (!topic_has_type(m.kb, topic, t.slot)) return;
  }
  // Read as a type: the new words after the last question's subject (its
  // topic words); else as an ellipsis, after the answer's title (the subject
  // may be no more than the topic's word).
  auto clear_in_topic = [&](ReadingKind kind, Reading* out) {
    retrieval::SearchResult in_context;
    if (!read_in_context(m, kind, out, &in_context) || in_context.candidates.empty()) return false;
    const knowledge::Entry* best = m.kb.find(in_context.candidates[0].id);
    return best != nullptr && best->topic == topic && confident(in_context, m.thresholds) &&
           confident(out->result, m.thresholds) &&
           in_context.candidates[0].confidence > alone_answers;
  };
  // The text alone must rank the entry among its first kRescueRank: the new
  // words ask about it, not only the words of the context ("年终奖发了 我想
  // 把剩下的一次性还完" after 风险测评怎么做 is no question about the test).
  auto ranked_alone = [&](const Reading& r) { return ranked_by(m.alone, r, kRescueRank); };
  // A long message the text alone reads within the kept topic chooses among
  // the topic's entries itself: the context may only confirm its first ("年终
  // 奖发了 我想把剩下的一次性还完" after 逾期了会怎样 is early repayment); the
  // context only settles the topic ("我前天就把资料交上去了到现在还没消息"
  // after 借款审核要多久, alone first about withdrawals). So does the answer's
  // title, whose words would outvote the new ones ("还款方式" + "忘了还怎么办"
  // is not about the means).
  const std::string alone_best = best_of_topic(m.alone, m.kb, topic);
  auto alone_first = [&](const Reading& r) { return r.result.candidates[0].id == alone_best; };
  const bool alone_in_topic =
      !m.alone.candidates.empty() && m.alone.candidates[0].id == alone_best;
  Reading in_context;
  if ((clear_in_topic(ReadingKind::kType, &in_context) && ranked_alone(in_context) &&
       (short_text || !alone_in_topic || alone_first(in_context))) ||
      (clear_in_topic(ReadingKind::kEllipsis, &in_context) && ranked_alone(in_context) &&
       alone_first(in_context))) {
    *reading = std::move(in_context);
  }
}

bool read_as_named(const MessageState& m, Reading* reading) {
  const MessageCues& named = m.named;
  const Conversation& c = m.conversation;
  if (named.topics.empty() || named.types.empty() || named.reference || named.names_product ||
      !named.foreign.empty() || m.alone.candidates.empty() ||
      m.alone.out_of_scope >= m.thresholds.out_of_scope) {
    return false;
  }
  const std::string& topic = named.topics[0].slot;
  if (topic == c.topic || !named.names_only(topic)) return false;
  const knowledge::Entry* best = m.kb.find(m.alone.candidates[0].id);
  if (best == nullptr || best->topic != topic) return false;
  if (!std::all_of(named.types.begin(), named.types.end(),
                   [&](const NamedSlot& t) { return t.slot == best->type; })) {
    return false;
  }
  SlotFilter filter;
  filter.topic = topic;
  filter.type = best->type;
  filter.only_type = true;
  return read_within(m, m.alone, filter, ReadingKind::kAlone, reading);
}

}  // namespace faqbot::bot
