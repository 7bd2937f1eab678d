#include "bot/followup.h"

#include <algorithm>
#include <cmath>

#include "bot/followup_steps.h"
#include "knowledge/utf8.h"

namespace faqbot::bot {
namespace {

double top_confidence(const retrieval::SearchResult& r) {
  return r.candidates.empty() ? 0.0 : r.candidates[0].confidence;
}

bool confident(const retrieval::SearchResult& r, const Thresholds& t) { return answers_clearly(r, t); }

std::u32string content(std::string_view text) {
  std::u32string out;
  for (char32_t cp : utf8::decode(text)) {
    if (!utf8::is_space(cp) && !utf8::is_punct(cp)) out += cp;
  }
  return out;
}

void keep_at_most(retrieval::SearchResult& r, size_t k) {
  if (r.candidates.size() > k) r.candidates.resize(k);
}

// Confidence of `id` in `r`, or `floor` when `r` does not list it.
double confidence_of(const retrieval::SearchResult& r, const std::string& id, double floor) {
  for (const retrieval::Candidate& c : r.candidates) {
    if (c.id == id) return c.confidence;
  }
  return floor;
}

// Half the lowest listed confidence: what an unlisted entry is worth.
double floor_of(const retrieval::SearchResult& r) {
  double lowest = 1.0;
  for (const retrieval::Candidate& c : r.candidates) lowest = std::min(lowest, c.confidence);
  return r.candidates.empty() ? 0.01 : std::max(1e-4, 0.5 * lowest);
}

// The text alone and the text in context as two experts: confidences
// multiplied per entry (unlisted entries at the expert's floor) and
// renormalised, so the winner is what the new words ask about within the
// context. The fragment alone is the weaker expert (its square root: it
// breaks ties and corrects the context, it does not outvote it). Out of
// scope as the context says.
retrieval::SearchResult product(const retrieval::SearchResult& alone,
                                const retrieval::SearchResult& context) {
  retrieval::SearchResult out;
  out.normalized = context.normalized;
  out.out_of_scope = context.out_of_scope;
  out.candidates = context.candidates;
  for (const retrieval::Candidate& c : alone.candidates) {
    if (confidence_of(context, c.id, -1) < 0) out.candidates.push_back(c);
  }
  const double floor_a = floor_of(alone), floor_c = floor_of(context);
  double sum = 0;
  for (retrieval::Candidate& c : out.candidates) {
    c.confidence =
        std::sqrt(confidence_of(alone, c.id, floor_a)) * confidence_of(context, c.id, floor_c);
    sum += c.confidence;
  }
  for (retrieval::Candidate& c : out.candidates) c.confidence = sum > 0 ? c.confidence / sum : 0;
  std::stable_sort(out.candidates.begin(), out.candidates.end(), [](const auto& x, const auto& y) {
    return x.confidence > y.confidence;
  });
  return out;
}

// What the previous question was about: the words that named its topic (the
// kept one: words of other topics it named are its story, not its subject:
// "有人打电话说是平台客服 让我把验证码念给他听" is about fraud, not about
// the platform, service or verification codes), else the title of the entry
// answered last, else the whole question.
std::string previous_subject(const CueReader& cues, const knowledge::KnowledgeBase& kb,
                             const retrieval::Retriever& retriever, const Conversation& c) {
  std::string subject;
  for (const NamedSlot& t : cues.read(c.last_question).topics) {
    if (t.slot == c.topic && subject.find(t.word) == std::string::npos) subject += t.word;
  }
  if (!subject.empty()) return subject;
  if (const knowledge::Entry* e = kb.find(c.last_faq_id)) return retriever.normalize(e->title);
  return c.last_question;
}

// What was answered last: the entry's title, else the previous question.
std::string previous_title(const knowledge::KnowledgeBase& kb, const retrieval::Retriever& retriever,
                           const Conversation& c) {
  const knowledge::Entry* e = kb.find(c.last_faq_id);
  return e ? retriever.normalize(e->title) : c.last_question;
}

// The search a reading rests on: the text rewritten in context.
std::string rewrite(ReadingKind kind, const MessageCues& cues, const CueReader& reader,
                    const std::string& normalized, const std::string& subject,
                    const std::string& title, const std::string& type, const Conversation& c) {
  switch (kind) {
    case ReadingKind::kTopic:
      return reader.replace_subject(c.last_question, reader.without_fillers(normalized));
    case ReadingKind::kReference: return reader.replace_reference(normalized, subject);
    case ReadingKind::kType: {  // a new type: the subject; the same type refined: all of it
      // Naming a word of the kept topic the last question did not, the
      // message is its own subject: the words repeated from before are
      // context, not the question ("注册好了怎么实名" after 怎么注册账户).
      const MessageCues before = reader.read(c.last_question);
      bool new_word = false;
      std::string own = normalized;
      for (const NamedSlot& t : cues.topics) {
        if (before.subject().find(t.word) == std::string::npos) {
          new_word = true;
        } else if (size_t at = own.find(t.word); at != std::string::npos) {
          own.erase(at, t.word.size());
        }
      }
      if (new_word) return own;
      return (type == c.type ? title : subject) + normalized;
    }
    case ReadingKind::kEllipsis: return title + normalized;
    case ReadingKind::kContrast:
      return reader.without_condition(c.last_question, c.type) +
             reader.without_fillers(reader.without_condition(normalized, c.type));
    case ReadingKind::kSubject: {
      // The new word of the topic in place of the word it is said of.
      const MessageCues before = reader.read(c.last_question);
      std::string word;
      for (const NamedSlot& t : cues.topics) {
        if (before.subject().find(t.word) == std::string::npos) {
          word = t.word;
          break;
        }
      }
      for (const NamedSlot& t : before.topics) {
        if (t.slot != c.topic) continue;
        std::string out = c.last_question;
        out.replace(out.find(t.word), t.word.size(), reader.said_of(word, t.word));
        return out;
      }
      return word + c.last_question;
    }
    case ReadingKind::kAlone: break;
  }
  return normalized;
}

bool topic_has_type(const knowledge::KnowledgeBase& kb, const std::string& topic,
                    const std::string& type) {
  return std::any_of(kb.entries.begin(), kb.entries.end(),
                     [&](const knowledge::Entry& e) { return e.topic == topic && e.type == type; });
}

// The type a message asks about: the first it names that `topic` has, else
// the first it names, else "".
std::string named_type(const MessageCues& cues, const knowledge::KnowledgeBase& kb,
                       const std::string& topic) {
  for (const NamedSlot& t : cues.types) {
    if (topic_has_type(kb, topic, t.slot)) return t.slot;
  }
  return cues.types.empty() ? std::string() : cues.types[0].slot;
}

// A follow-up naming only types the answered type is refined by asks about
// the same answer (提现失败了 → 几天能回来).
bool refines_answer(const knowledge::FollowupCues& cues, const std::string& answered_type,
                    const MessageCues& named) {
  auto it = cues.refined_by.find(answered_type);
  if (it == cues.refined_by.end() || named.types.empty()) return false;
  return std::all_of(named.types.begin(), named.types.end(), [&](const NamedSlot& t) {
    return std::find(it->second.begin(), it->second.end(), t.slot) != it->second.end();
  });
}

// The best confidence `r` gives an entry of `topic`, 0 when none.
double topic_best(const retrieval::SearchResult& r, const knowledge::KnowledgeBase& kb,
                  const std::string& topic) {
  double best = 0;
  for (const retrieval::Candidate& c : r.candidates) {
    const knowledge::Entry* e = kb.find(c.id);
    if (e && e->topic == topic) best = std::max(best, c.confidence);
  }
  return best;
}

// Right after an answer of the type products name (MessageCues::product), a
// product named with no other topic, type or words besides at most
// kMeansResidual characters is a means of ours ("充值支持哪些方式" → "那支付宝
// 呢", "微信支付可以不" ask about recharging with it; "微粒贷怎么还款" names its
// own topic; "借呗的额度怎么提高", "花呗的账单怎么查" ask about the product).
bool names_means_of_ours(const MessageCues& named, const Conversation& c) {
  if (!named.product || named.peer_product || !named.topics.empty() ||
      named.residual_chars > kMeansResidual) {
    return false;
  }
  return std::all_of(named.types.begin(), named.types.end(),
                     [&](const NamedSlot& t) { return t.slot == c.type; });
}

// `alone` ranks the entry `reading` answers with among its first `n`.
bool ranked_by(const retrieval::SearchResult& alone, const Reading& reading, size_t n) {
  if (reading.result.candidates.empty()) return false;
  n = std::min(n, alone.candidates.size());
  return std::any_of(alone.candidates.begin(), alone.candidates.begin() + n,
                     [&](const retrieval::Candidate& c) { return c.id == reading.result.candidates[0].id; });
}

// The id of the first entry of `topic` in `r`, "" when none.
std::string best_of_topic(const retrieval::SearchResult& r, const knowledge::KnowledgeBase& kb,
                          const std::string& topic) {
  for (const retrieval::Candidate& c : r.candidates) {
    const knowledge::Entry* e = kb.find(c.id);
    if (e && e->topic == topic) return c.id;
  }
  return "";
}

// The text alone's best entry is of a type the message names (or the message
// names none): it may be a complete question of its own ("几点下班").
bool alone_answers_named_type(const retrieval::SearchResult& alone,
                              const knowledge::KnowledgeBase& kb, const MessageCues& named) {
  if (named.types.empty() || alone.candidates.empty()) return true;
  const knowledge::Entry* e = kb.find(alone.candidates[0].id);
  return e == nullptr || std::any_of(named.types.begin(), named.types.end(),
                                     [&](const NamedSlot& t) { return t.slot == e->type; });
}

// The text alone's best entry is of `topic`.
bool alone_reads_topic(const retrieval::SearchResult& alone, const knowledge::KnowledgeBase& kb,
                       const std::string& topic) {
  if (alone.candidates.empty()) return false;
  const knowledge::Entry* e = kb.find(alone.candidates[0].id);
  return e != nullptr && e->topic == topic;
}

// The text alone's best entry is of `topic` and leads the runner-up by
// kLead: the text alone reads the message within the topic, whatever the
// out-of-scope check says ("明天下午会不会下大雨", as likely one entry as
// another, does not).
bool leads_within_topic(const retrieval::SearchResult& alone, const knowledge::KnowledgeBase& kb,
                        const std::string& topic) {
  if (!alone_reads_topic(alone, kb, topic)) return false;
  const double second = alone.candidates.size() > 1 ? alone.candidates[1].confidence : 0.0;
  return alone.candidates[0].confidence >= kLead * second;
}

// A remark about something of another kind: it names a word only
// out-of-scope examples use (MessageCues::foreign: "那股票手续费呢" after 提现
// 手续费, "快递到哪了"), points nowhere back, names no product (those have
// their own reading), and the text alone does not read it in scope within
// the kept topic ("原来的号停机了" after 修改手机号 is about the phone number).
bool about_another_kind(const MessageCues& named, const retrieval::SearchResult& alone,
                        const knowledge::KnowledgeBase& kb, const Conversation& c,
                        const Thresholds& t) {
  return !named.foreign.empty() && !named.reference && !named.names_product &&
         !(alone_reads_topic(alone, kb, c.topic) && alone.out_of_scope < t.out_of_scope);
}

// A pointer naming a type of its own whose entry the text alone picks,
// another than the answer's type, asks that question of the referent: an
// entry of the kept topic, or one the operator lists as a follow-up of the
// answer ("那这个保本吗" after 短期标长期标都有啥, "那有了它就不会亏了吧" after 风险
// 备付金是干嘛的 ask whether the principal is safe; "这个要收费吗" after 债权转让
// 怎么操作 asks about the transfer's fee, not recharging's). Not when the type
// refines the answer.
bool asks_its_own_type(const MessageCues& named, const retrieval::SearchResult& alone,
                       const knowledge::KnowledgeBase& kb, const Conversation& c) {
  if (named.types.empty() || alone.candidates.empty() || refines_answer(kb.followup, c.type, named) ||
      !alone_answers_named_type(alone, kb, named)) {
    return false;
  }
  const knowledge::Entry* e = kb.find(alone.candidates[0].id);
  if (e == nullptr || e->id == c.last_faq_id || e->type == c.type) return false;
  if (e->topic == c.topic) return true;
  const knowledge::Entry* answered = kb.find(c.last_faq_id);
  return answered != nullptr && std::find(answered->follow_ups.begin(), answered->follow_ups.end(),
                                          e->id) != answered->follow_ups.end();
}

// A follow-up candidate that the text alone, sure of it (see read_message),
// reads as a complete question of its own: a long story pointing back
// ("我投的那笔是按月付息的 每个月几号回款啊"); a new topic with more words than
// its name ("下款快不" after 怎么投标); a type whose entry in the kept topic the
// text alone picks ("审完了钱多久打过来" after 借款审核要多久: the loan's how_long
// entries are two), unless it refines the answer (refines_answer).
bool complete_alone(ReadingKind kind, const MessageCues& named, const retrieval::SearchResult& alone,
                    const knowledge::KnowledgeBase& kb, const Conversation& c, bool short_text) {
  if (kind == ReadingKind::kReference) return !short_text || asks_its_own_type(named, alone, kb, c);
  if (kind == ReadingKind::kTopic) return named.residual_chars > 0;
  if (kind != ReadingKind::kType || named.types.empty() || !alone_reads_topic(alone, kb, c.topic)) return false;
  return !refines_answer(kb.followup, c.type, named) && alone_answers_named_type(alone, kb, named);
}

// The text alone is small talk (category smalltalk) the policy would answer.
bool sure_small_talk(const retrieval::SearchResult& alone, const knowledge::KnowledgeBase& kb,
                     const Thresholds& t) {
  if (!confident(alone, t)) return false;
  const knowledge::Entry* e = kb.find(alone.candidates[0].id);
  return e != nullptr && e->category == "smalltalk";
}

}  // namespace

bool answers_clearly(const retrieval::SearchResult& r, const Thresholds& t) {
  if (r.candidates.empty()) return false;
  return is_clear_match(r.candidates[0].confidence, competing_runner_up(r.candidates), r.out_of_scope, t);
}

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

size_t content_length(std::string_view text) { return content(text).size(); }

bool has_followup_marker(std::string_view text) {
  const std::u32string c = content(text);
  if (c.empty()) return false;
  static const std::u32string kPrefixes[] = {U"那", U"还有", U"另外", U"如果", U"要是", U"换成",
                                             U"那么", U"然后"};
  for (const std::u32string& p : kPrefixes) {
    if (c.compare(0, p.size(), p) == 0) return true;
  }
  const char32_t last = c.back();
  return last == U'呢' || last == U'咧' || last == U'嘞';
}

bool is_elliptical(std::string_view text) { return has_followup_marker(text); }

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

bool within_slots(const retrieval::SearchResult& result, const knowledge::KnowledgeBase& kb,
                  const SlotFilter& filter, retrieval::SearchResult* out,
                  const retrieval::SearchResult* share_of) {
  const bool typed_topic = !filter.type.empty() && topic_has_type(kb, filter.topic, filter.type);
  const double floor = floor_of(result);
  retrieval::SearchResult in;
  in.normalized = result.normalized;
  in.out_of_scope = result.out_of_scope;
  double sum = 0;
  for (const knowledge::Entry& e : kb.entries) {
    if (e.topic != filter.topic || (!filter.not_type.empty() && e.type == filter.not_type) ||
        e.id == filter.not_entry) {
      continue;
    }
    const bool of_type = typed_topic && e.type == filter.type;
    if (filter.only_type && typed_topic && !of_type) continue;
    // Entries the search did not list take part only when of the type.
    const double listed = confidence_of(result, e.id, -1);
    if (listed < 0 && !of_type) continue;
    retrieval::Candidate c;
    c.id = e.id;
    c.confidence = (listed < 0 ? floor : listed) * (of_type ? kTypePrior : 1.0);
    sum += c.confidence;
    in.candidates.push_back(std::move(c));
  }
  if (in.candidates.empty() || sum <= 0) return false;
  // Without the type to hold it, the topic must hold its share of the best.
  const retrieval::SearchResult& reference = share_of != nullptr ? *share_of : result;
  if (!typed_topic && topic_best(reference, kb, filter.topic) < kTopicShare * top_confidence(reference)) {
    return false;
  }
  for (retrieval::Candidate& c : in.candidates) c.confidence /= sum;
  std::stable_sort(in.candidates.begin(), in.candidates.end(), [](const auto& x, const auto& y) {
    return x.confidence != y.confidence ? x.confidence > y.confidence : x.id < y.id;
  });
  *out = std::move(in);
  return true;
}

namespace {

// What read_message() knows of a message once its text alone is searched.
struct MessageState : MessageSearch {
  const MessageCues& named;
};

// An ellipsis that asks its own question within the kept topic: no
// follow-up marker ties it to the answer, and the text alone's best entry is
// another of the topic, of another type ("借了之后怎么还" after 借款利率多少
// reads loan.repay_methods first). That entry, else null.
const knowledge::Entry* own_question(const MessageState& m) {
  if (m.alone.candidates.empty() || has_followup_marker(m.alone.normalized)) return nullptr;
  const knowledge::Entry* e = m.kb.find(m.alone.candidates[0].id);
  const Conversation& c = m.conversation;
  if (e == nullptr || e->topic != c.topic || e->id == c.last_faq_id || e->type == c.type) return nullptr;
  return e;
}

// The message read in context as `kind` (not kAlone): false when the
// context cannot hold it (see followup.h). `in_context` receives the search
// in context before the slots restrict it (the product of both experts for a
// type or an ellipsis).
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
                       refines_answer(m.kb.followup, conversation.type, named);
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
  // amount's title).
  if (kind == ReadingKind::kType && !refines && !filter.type.empty() &&
      filter.type != conversation.type && m.cues.read(conversation.last_question).topics.empty()) {
    auto it = m.kb.followup.topic_cues.find(conversation.topic);
    if (it != m.kb.followup.topic_cues.end() && !it->second.empty()) {
      subject = m.retriever.normalize(it->second[0]);
    }
  }
  // A topic or reference rewrite is a complete question; a type or an
  // ellipsis adds new words to the previous question: both experts vote.
  const bool rewritten = kind == ReadingKind::kTopic || kind == ReadingKind::kReference ||
                         kind == ReadingKind::kContrast || kind == ReadingKind::kSubject;
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
  // text alone does not read as more of the answer ("要是一直满不了呢" after 满标
  // 要等多久 asks about the failed bid).
  if (kind == ReadingKind::kType && !refines && !filter.type.empty() &&
      filter.type != conversation.type && m.kb.followup.refined_by.count(filter.type) > 0 &&
      !m.alone.candidates.empty() && m.alone.candidates[0].id != conversation.last_faq_id &&
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
  reading->result.out_of_scope = std::min(in_context->out_of_scope, m.alone.out_of_scope);
  reading->result.other_product = means_of_ours ? std::string() : m.alone.other_product;
  reading->kind = kind;
  reading->question = searched.normalized;
  return true;
}

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

// The message points at the other one of a kind ("另一个", "另外那个",
// "另一种"): not "另外" alone, which adds a question ("另外提现要多久").
bool points_at_other(std::string_view normalized) {
  static const char* const kOther[] = {"另一个", "另外一个", "另外那个", "另外个", "另一种",
                                       "另外一种", "另外那种", "另外的", "另一", "别的那个",
                                       "其他那个", "另外那"};
  return std::any_of(std::begin(kOther), std::end(kOther), [&](const char* w) {
    return normalized.find(w) != std::string_view::npos;
  });
}

// `query` searched: true, with the reading set as kSubject, when it clearly
// answers (confident, not out of scope) with another entry of the kept
// topic than the one answered last; the reading keeps only that topic's
// entries but the search's out-of-scope score.
bool read_as_another_entry_of_topic(const MessageState& m, const std::string& query,
                                    Reading* reading) {
  const Conversation& c = m.conversation;
  retrieval::SearchResult searched = m.retriever.search(query, std::max(m.k, kContextSearchK));
  if (!confident(searched, m.thresholds) || searched.out_of_scope >= m.thresholds.out_of_scope) {
    return false;
  }
  const knowledge::Entry* e = m.kb.find(searched.candidates[0].id);
  if (e == nullptr || e->topic != c.topic || e->id == c.last_faq_id) return false;
  SlotFilter filter;
  filter.topic = c.topic;
  filter.not_entry = c.last_faq_id;
  retrieval::SearchResult in;
  if (!within_slots(searched, m.kb, filter, &in)) return false;
  reading->result = std::move(in);
  reading->result.out_of_scope = searched.out_of_scope;
  reading->kind = ReadingKind::kSubject;
  reading->question = searched.normalized;
  return true;
}

// "The other one" of the kind the last question named ("那另一个密码呢" after
// 登录密码忘了怎么办 asks about the trade password): the last question with its
// word of the kept topic replaced by each other word of that kind in turn
// (CueReader::others_of), the first whose search clearly answers with
// another entry of the topic than the one answered last. False when none.
bool read_other(const MessageState& m, Reading* reading) {
  const Conversation& c = m.conversation;
  const MessageCues before = m.cues.read(c.last_question);
  const std::string kind = m.named.topics.empty() ? std::string() : m.named.topics[0].word;
  for (const NamedSlot& t : before.topics) {
    if (t.slot != c.topic) continue;
    for (const std::string& other : m.cues.others_of(kind, t.word)) {
      std::string query = c.last_question;
      query.replace(query.find(t.word), t.word.size(), other);
      if (read_as_another_entry_of_topic(m, query, reading)) return true;
    }
    break;
  }
  return false;
}

// A sibling named by its distinguishing modifier (CueReader::sibling_named:
// "交易的那个呢" or "支付用的那个也记不清了" after 登录密码忘了怎么办 ask about
// the trade password; "那提前的呢" after 还款方式有哪些 about early
// repayment): the last question asking about the sibling, else the message
// with its pointer (or its front) filled with the sibling, searched; the
// first that clearly answers with another entry of the topic than the one
// answered last, read as kSubject. False when none.
bool read_sibling(const MessageState& m, Reading* reading) {
  const Conversation& c = m.conversation;
  std::string word, rewritten;
  if (!m.cues.sibling_named(m.alone.normalized, c.last_question, c.topic, &word, &rewritten)) {
    return false;
  }
  for (const std::string& query : {rewritten, m.cues.replace_reference(m.alone.normalized, word)}) {
    if (read_as_another_entry_of_topic(m, query, reading)) return true;
  }
  return false;
}

// Words asking whether something may be set or chosen ("能设置金额区间吗",
// "期限可以自己挑吗"): a question about a setting of the thing just answered.
const char* const kSetting[] = {"设置", "设定", "设成", "能设", "可以设", "可设", "选", "挑", "指定", "限定", "自定", "调整"};

bool asks_a_setting(std::string_view normalized) {
  return std::any_of(std::begin(kSetting), std::end(kSetting), [&](const char* w) {
    return normalized.find(w) != std::string_view::npos;
  });
}

// `normalized` without the setting words (kSetting).
std::string without_setting_words(std::string normalized) {
  for (const char* w : kSetting) {
    const std::string word(w);
    for (size_t at = normalized.find(word); at != std::string::npos; at = normalized.find(word)) {
      normalized.erase(at, word.size());
    }
  }
  return normalized;
}

// The answer just given states what a short follow-up asks about: a pair of
// adjacent characters of the message (filler and setting words dropped) that the last
// question does not hold occurs in the answer ("能选利率吗" after 自动投标怎
// 么设置, whose answer tells the rate, amount and term ranges one sets;
// "余额还剩几十块咋整" after 怎么注销账号, whose answer says the balance must
// be withdrawn first).
bool answer_states(const MessageState& m) {
  const knowledge::Entry* answered = m.kb.find(m.conversation.last_faq_id);
  if (answered == nullptr) return false;
  const std::u32string answer = utf8::decode(m.retriever.normalize(answered->answer));
  const std::u32string asked =
      content(without_setting_words(m.cues.without_fillers(m.alone.normalized)));
  const std::u32string before = content(m.conversation.last_question);
  for (size_t i = 0; i + 1 < asked.size(); ++i) {
    const std::u32string pair = asked.substr(i, 2);
    if (before.find(pair) == std::u32string::npos && answer.find(pair) != std::u32string::npos) {
      return true;
    }
  }
  return false;
}

// A short follow-up naming no other topic and no product, asking whether
// what the answer just given states (answer_states) may be set or chosen, or
// naming no topic and no type of the kept topic while the text alone is
// unsure of it and reads it out of the kept topic, asks
// about that same answer: the answer's title and the message searched, read
// within the kept topic, only the answered type ("能设置金额区间吗" after 自动
// 投标怎么开 is no question about minimum amounts). False when the text alone
// already reads the answer first or the context cannot hold the reading.
bool read_as_the_answer(const MessageState& m, bool sure_alone, Reading* reading) {
  const Conversation& c = m.conversation;
  const MessageCues& named = m.named;
  if (c.last_faq_id.empty() || named.names_product || !named.foreign.empty() ||
      (!named.topics.empty() && !named.names_only(c.topic))) {
    return false;
  }
  if (!m.alone.candidates.empty() && m.alone.candidates[0].id == c.last_faq_id) return false;
  const bool setting = asks_a_setting(m.alone.normalized);
  // Types the kept topic has no entry of name nothing asked of it ("是每月出
  // 一份吗" after 运营数据在哪查: 每月 is no amount of the disclosure).
  const bool own_type = std::any_of(named.types.begin(), named.types.end(), [&](const NamedSlot& t) {
    return topic_has_type(m.kb, c.topic, t.slot);
  });
  // Without a setting word the text alone must be unsure, in scope, and
  // drift out of the kept topic: within it, the text alone chooses among the
  // topic's entries itself ("农业银行会不会慢一些" after 提现多久到账). Naming
  // nothing, such a short message asks about the answer just given, which
  // outweighs the text alone ("那这笔钱会不会丢" after 提现三天了还没到账);
  // naming a type the kept topic has no entry of, only when the answer
  // states what it asks about (answer_states).
  if (!setting && (own_type || !named.topics.empty() || sure_alone ||
                   alone_reads_topic(m.alone, m.kb, c.topic) ||
                   m.alone.out_of_scope >= m.thresholds.out_of_scope)) {
    return false;
  }
  if ((setting || !named.types.empty()) && !answer_states(m)) return false;
  const retrieval::SearchResult searched = m.retriever.search(
      previous_title(m.kb, m.retriever, c) + m.alone.normalized, std::max(m.k, kContextSearchK));
  if (searched.out_of_scope >= m.thresholds.out_of_scope &&
      m.alone.out_of_scope >= m.thresholds.out_of_scope) {
    return false;
  }
  SlotFilter filter;
  filter.topic = c.topic;
  filter.type = c.type;
  filter.only_type = true;
  retrieval::SearchResult in;
  if (!within_slots(product(m.alone, searched), m.kb, filter, &in) || in.candidates.empty() ||
      in.candidates[0].id != c.last_faq_id) {
    return false;
  }
  reading->result = std::move(in);
  reading->result.out_of_scope = std::min(searched.out_of_scope, m.alone.out_of_scope);
  reading->kind = ReadingKind::kReference;
  reading->question = searched.normalized;
  return true;
}

}  // namespace

Reading read_message(const retrieval::Retriever& retriever, const knowledge::KnowledgeBase& kb,
                     const CueReader& cues, std::string_view text,
                     const Conversation& conversation, const Thresholds& thresholds, size_t k,
                     size_t max_chars) {
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

  // The opposite movement ("反过来呢" after 充值要手续费吗) names the opposite
  // topic: read as if it were named.
  const std::string turned = cues.opposite(reading.result.normalized, conversation.topic);
  if (!turned.empty()) {
    reading.result = retriever.search(turned, depth);
    reading.question = reading.result.normalized;
    text = turned;
  }
  const MessageCues named =
      cues.read(reading.result.normalized, conversation.topic, conversation.type);
  // Short as the customer wrote it, or, naming a topic and no type, without
  // its filler words ("那把钱取回卡里的时候呢" after 充值的步骤是什么).
  const bool short_text =
      content_length(text) <= max_chars ||
      (!named.reference && !named.topics.empty() && named.types.empty() && !named.names_product &&
       content_length(cues.without_fillers(reading.result.normalized)) <= max_chars);
  ReadingKind kind = short_text || named.reference
                         ? classify(named, reading.result, text, conversation, thresholds)
                         : ReadingKind::kAlone;
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
       (top_confidence(reading.result) < kNoIdea &&
        content_length(cues.without_fillers(reading.result.normalized)) <= kBareChars))) {
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
  // A follow-up naming no topic and only types the kept topic has, tied to
  // the conversation by a follow-up marker or by a type no other topic has,
  // is a new type of the kept topic, however long ("那过了以后呢 多久能到卡上"
  // after 借款还在审 要几天 asks when the loan is paid out, though the text
  // alone is sure of withdrawals; "不想等到期了，能中途转给别人吗" after 回款,
  // the text alone unsure, asks about the debt transfer), unless the text
  // alone reads it surely within the kept topic itself ("那要是一直满不了标
  // 钱就一直冻着吗" after 标流了是啥意思 asks about the wait for a full bid).
  const bool sure_alone_text =
      confident(reading.result, thresholds) && top_confidence(reading.result) >= kSureAlone;
  if (kind == ReadingKind::kAlone && named.topics.empty() && !named.types.empty() &&
      !(sure_alone_text && alone_reads_topic(reading.result, kb, conversation.topic)) &&
      !named.reference && !named.names_product && named.foreign.empty() &&
      std::all_of(named.types.begin(), named.types.end(), [&](const NamedSlot& t) {
        return topic_has_type(kb, conversation.topic, t.slot);
      }) &&
      (has_followup_marker(reading.result.normalized) ||
       (!sure_alone_text && std::any_of(named.types.begin(), named.types.end(), [&](const NamedSlot& t) {
         return std::none_of(kb.entries.begin(), kb.entries.end(), [&](const knowledge::Entry& e) {
           return e.type == t.slot && e.topic != conversation.topic;
         });
       })))) {
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
  if (kind == ReadingKind::kEllipsis && small_talk) {
    kind = ReadingKind::kAlone;  // "那行 拜拜" ends the topic, it does not refine it
  }
  const bool another_kind = about_another_kind(named, reading.result, kb, conversation, thresholds);
  if (another_kind) kind = ReadingKind::kAlone;
  const retrieval::SearchResult alone = reading.result;
  const bool sure_alone = confident(alone, thresholds) && top_confidence(alone) >= kSureAlone;
  // A long pointer naming another topic's words only as context is no
  // complete question of that topic, however sure the text alone is of it
  // ("我已经把验证码告诉他了怎么办" after 有人冒充客服要验证码 is about the fraud,
  // not about verification codes).
  const bool context_only = context_words && !alone_reads_topic(alone, kb, conversation.topic);
  if (sure_alone && !context_only && complete_alone(kind, named, alone, kb, conversation, short_text)) {
    kind = ReadingKind::kAlone;
  }
  const MessageSearch searched{retriever, kb, cues, conversation, thresholds, k, alone};
  const MessageState state{searched, named};
  retrieval::SearchResult in_context;
  // "The other one" of the kind asked about last: no type, no other topic.
  const bool other = short_text && !another_kind && named.types.empty() && !named.names_product &&
                     (named.topics.empty() || named.names_only(conversation.topic)) &&
                     points_at_other(reading.result.normalized) && read_other(state, &reading);
  // A sibling of the subject named by its modifier: no other topic.
  // The step after one named ("借款审核通过以后呢").
  const StepQuery steps{searched, [&] { return previous_subject(cues, kb, retriever, conversation); }};
  const bool next_step = !other && short_text && !another_kind && !small_talk &&
                         read_next_step(steps, &reading);
  // The step answered last, done, then a question of its own ("放款以后怎么还").
  const bool step_then = !other && !next_step && short_text && !another_kind && !small_talk &&
                         !named.names_product && read_step_then(steps, &reading);
  const bool sibling = !other && !next_step && !step_then && (short_text || named.reference) && !another_kind &&
                       !named.names_product &&
                       (named.topics.empty() || named.names_only(conversation.topic)) &&
                       read_sibling(state, &reading);
  // What the answer just given states, asked about in a short follow-up.
  const bool about_answer = !other && !next_step && !step_then && !sibling && short_text && !another_kind && !small_talk &&
                            kind != ReadingKind::kContrast && kind != ReadingKind::kSubject &&
                            kind != ReadingKind::kTopic && read_as_the_answer(state, sure_alone, &reading);
  const bool read = other || next_step || step_then || sibling || about_answer || (kind != ReadingKind::kAlone &&
                              read_in_context(state, kind, &reading, &in_context));
  if (!read && !small_talk && !sure_alone && !another_kind) rescue_in_context(state, short_text, &reading);
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

void remember_slots(Conversation& conversation, const knowledge::Entry& entry,
                    const MessageCues& asked) {
  conversation.topic = entry.topic;
  conversation.type = entry.type;
  const bool entry_type_named = std::any_of(asked.types.begin(), asked.types.end(),
                                            [&](const NamedSlot& t) { return t.slot == entry.type; });
  if (!entry_type_named && !asked.types.empty()) conversation.type = asked.types[0].slot;
}

}  // namespace faqbot::bot
