#include "bot/followup_predicates.h"

#include <algorithm>
#include <iterator>

#include "knowledge/utf8.h"

namespace faqbot::bot {
namespace {

// A verb of turning to someone before 谁: the message asks whom to turn to.
constexpr std::string_view kWhom[] = {"找谁", "问谁", "跟谁", "和谁", "同谁", "向谁", "联系谁", "对谁"};

}  // namespace

bool confident(const retrieval::SearchResult& r, const Thresholds& t) { return answers_clearly(r, t); }

std::u32string content(std::string_view text) {
  std::u32string out;
  for (char32_t cp : utf8::decode(text)) {
    if (!utf8::is_space(cp) && !utf8::is_punct(cp)) out += cp;
  }
  return out;
}

size_t content_units(std::string_view text) {
  size_t units = 0;
  bool in_word = false;
  for (char32_t cp : utf8::decode(text)) {
    const bool latin = (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z') || cp == U'\'';
    if (latin && !in_word) ++units;
    if (!latin && !utf8::is_space(cp) && !utf8::is_punct(cp)) ++units;
    in_word = latin;
  }
  return units;
}

bool topic_has_type(const knowledge::KnowledgeBase& kb, const std::string& topic,
                    const std::string& type) {
  return std::any_of(kb.entries.begin(), kb.entries.end(),
                     [&](const knowledge::Entry& e) { return e.topic == topic && e.type == type; });
}

std::string named_type(const MessageCues& cues, const knowledge::KnowledgeBase& kb,
                       const std::string& topic) {
  for (const NamedSlot& t : cues.types) {
    if (topic_has_type(kb, topic, t.slot)) return t.slot;
  }
  return cues.types.empty() ? std::string() : cues.types[0].slot;
}

bool hands_over(const knowledge::Entry* e) {
  return e != nullptr && (e->handoff == knowledge::HandoffMode::kHand ||
                          e->handoff == knowledge::HandoffMode::kHandPriority);
}

bool refines_answer(const knowledge::FollowupCues& cues, const std::string& answered_type,
                    const MessageCues& named) {
  auto it = cues.refined_by.find(answered_type);
  if (it == cues.refined_by.end() || named.types.empty()) return false;
  return std::all_of(named.types.begin(), named.types.end(), [&](const NamedSlot& t) {
    return std::find(it->second.begin(), it->second.end(), t.slot) != it->second.end();
  });
}

bool refines_answer_in(const knowledge::KnowledgeBase& kb, const Conversation& c,
                       const MessageCues& named) {
  if (refines_answer(kb.followup, c.type, named)) return true;
  auto it = kb.followup.refined_where_missing.find(c.type);
  if (it == kb.followup.refined_where_missing.end() || named.types.empty()) return false;
  return std::all_of(named.types.begin(), named.types.end(), [&](const NamedSlot& t) {
    return std::find(it->second.begin(), it->second.end(), t.slot) != it->second.end() &&
           !topic_has_type(kb, c.topic, t.slot);
  });
}

bool refined_type(const knowledge::FollowupCues& cues, const std::string& answered_type,
                  const std::string& type) {
  auto it = cues.refined_by.find(answered_type);
  return it != cues.refined_by.end() &&
         std::find(it->second.begin(), it->second.end(), type) != it->second.end();
}

bool tells_own_standing(const MessageCues& named, const Conversation& c,
                        std::string_view normalized) {
  // The type of requirements (followup.json types: requirements), and words
  // of a credit record: they tell the customer's own standing.
  constexpr std::string_view kRequirements = "requirements";
  constexpr std::string_view kRecord[] = {"逾期", "欠", "征信", "黑名单", "失信"};
  return named.names_product && c.type == kRequirements &&
         std::any_of(std::begin(kRecord), std::end(kRecord),
                     [&](std::string_view w) { return normalized.find(w) != std::string_view::npos; });
}

bool names_means_cue_of_ours(const knowledge::KnowledgeBase& kb, const MessageCues& named,
                             const Conversation& c) {
  const std::string& means = kb.followup.product_type;
  if (means.empty() || named.types.empty() || !named.topics.empty() || named.names_product ||
      named.reference ||
      named.residual_besides_yes_no() > kMeansResidual ||
      !topic_has_type(kb, c.topic, means)) {
    return false;
  }
  // Only right after an answer of the product type or of a type products
  // name it after (a how-to): after 借款利息多少, "那信用卡呢" asks about the card.
  const auto& after = kb.followup.product_after_types;
  if (c.type != means && std::find(after.begin(), after.end(), c.type) == after.end()) return false;
  return std::all_of(named.types.begin(), named.types.end(), [&](const NamedSlot& t) {
    return t.slot == means && t.followup_only && !t.product;
  });
}

bool asks_of_another_product(const knowledge::KnowledgeBase& kb, const MessageCues& named,
                             const retrieval::SearchResult& alone, const Conversation& c) {
  const std::string& means = kb.followup.product_type;
  const auto& after = kb.followup.product_after_types;
  if (means.empty() || (alone.other_product.empty() && alone.other_kind.empty()) || c.type == means ||
      std::find(after.begin(), after.end(), c.type) != after.end()) {
    return false;
  }
  const bool means_cue = std::any_of(named.types.begin(), named.types.end(), [&](const NamedSlot& t) {
    return t.slot == means && t.followup_only && !t.product;
  });
  const bool own_type = std::any_of(named.types.begin(), named.types.end(),
                                    [&](const NamedSlot& t) { return t.slot != means; });
  return means_cue && own_type;
}

bool names_means_of_ours(const MessageCues& named, const Conversation& c) {
  if (!named.product || named.peer_product || !named.topics.empty() ||
      named.residual_besides_yes_no() > kMeansResidual) {
    return false;
  }
  return std::all_of(named.types.begin(), named.types.end(),
                     [&](const NamedSlot& t) { return t.slot == c.type || t.product; });
}

bool alone_answers_named_type(const retrieval::SearchResult& alone,
                              const knowledge::KnowledgeBase& kb, const MessageCues& named) {
  if (named.types.empty() || alone.candidates.empty()) return true;
  const knowledge::Entry* e = kb.find(alone.candidates[0].id);
  return e == nullptr || std::any_of(named.types.begin(), named.types.end(),
                                     [&](const NamedSlot& t) { return t.slot == e->type; });
}

bool alone_reads_topic(const retrieval::SearchResult& alone, const knowledge::KnowledgeBase& kb,
                       const std::string& topic) {
  if (alone.candidates.empty()) return false;
  const knowledge::Entry* e = kb.find(alone.candidates[0].id);
  return e != nullptr && e->topic == topic;
}

bool leads_within_topic(const retrieval::SearchResult& alone, const knowledge::KnowledgeBase& kb,
                        const std::string& topic) {
  if (!alone_reads_topic(alone, kb, topic)) return false;
  const double second = alone.candidates.size() > 1 ? alone.candidates[1].confidence : 0.0;
  return alone.candidates[0].confidence >= kLead * second;
}

bool ranks_the_answer_first(const retrieval::SearchResult& alone, const Conversation& c) {
  return !alone.candidates.empty() && !c.last_faq_id.empty() && alone.candidates[0].id == c.last_faq_id;
}

bool about_another_kind(const MessageCues& named, const retrieval::SearchResult& alone,
                        const knowledge::KnowledgeBase& kb, const Conversation& c,
                        const Thresholds& t) {
  // A word no entry speaks of is weaker evidence than a word of another
  // kind's examples: a follow-up marker ties the message to the conversation.
  const bool unknown = !named.unknown.empty() && alone.out_of_scope >= kSureOutOfScope &&
                       !has_followup_marker(alone.normalized);
  return (!named.foreign.empty() || unknown) && !named.reference && !named.names_product &&
         !(alone_reads_topic(alone, kb, c.topic) && alone.out_of_scope < t.out_of_scope);
}

bool chats_beside_a_cue(ReadingKind kind, const MessageCues& named, const retrieval::SearchResult& alone,
                        const Thresholds& t) {
  // A cue word that itself asks (多久, 哪家银行, 多交多少) makes the message a
  // question of that type about the kept topic ("多久发一份" after 运营报告).
  constexpr std::u32string_view kAsking = U"多几哪什怎啥吗谁";
  const bool cue_asks = std::any_of(named.types.begin(), named.types.end(), [&](const NamedSlot& s) {
    const std::u32string word = utf8::decode(s.word);
    return word.find_first_of(kAsking) != std::u32string::npos;
  });
  // So does a yes-no question ("转给别人行吗" after 提现怎么操作), and one asking
  // whom to turn to ("找谁协商" after 逾期会怎样: 找 is no word of chit-chat).
  const bool yes_no = alone.normalized.find("吗") != std::string::npos ||
                      std::any_of(std::begin(kWhom), std::end(kWhom), [&](std::string_view w) {
                        return alone.normalized.find(w) != std::string::npos;
                      });
  return kind == ReadingKind::kType && !named.types.empty() && named.topics.empty() && !named.reference &&
         !named.names_product && !cue_asks && !yes_no && named.strange_chars > 0 &&
         !has_followup_marker(alone.normalized) && alone.out_of_scope >= t.out_of_scope;
}

bool about_the_bot(const CueReader& cues, const MessageCues& named, const retrieval::SearchResult& alone,
                   const knowledge::KnowledgeBase& kb, const Conversation& c) {
  if (!named.topics.empty() || named.reference || named.names_product || alone_reads_topic(alone, kb, c.topic)) {
    return false;
  }
  const std::string said = cues.without_fillers(alone.normalized);
  return said.rfind("你", 0) == 0 && said.rfind("你们", 0) != 0;
}

bool asks_its_own_type(const MessageCues& named, const retrieval::SearchResult& alone,
                       const knowledge::KnowledgeBase& kb, const Conversation& c) {
  if (named.types.empty() || alone.candidates.empty() || refines_answer_in(kb, c, named) ||
      !alone_answers_named_type(alone, kb, named)) {
    return false;
  }
  const knowledge::Entry* e = kb.find(alone.candidates[0].id);
  if (e == nullptr || e->id == c.last_faq_id || e->type == c.type) return false;
  if (e->topic == c.topic) return true;
  const knowledge::Entry* answered = kb.find(c.last_faq_id);
  // The answer told how the topic goes as a whole (its entry of type how: not
  // a feature of its own like the auto-bid, nor one of its questions like the
  // fee), and the kept topic has no entry of the type asked: the pointer asks
  // it of the whole ("这个靠谱不" after 投标怎么弄 is the platform's safety).
  if (answered != nullptr && answered->type == kWholeTopicType && !topic_has_type(kb, c.topic, e->type)) {
    return true;
  }
  return answered != nullptr && std::find(answered->follow_ups.begin(), answered->follow_ups.end(),
                                          e->id) != answered->follow_ups.end();
}

bool keeps_topic_by_type(const MessageCues& named, const retrieval::SearchResult& alone,
                         const knowledge::KnowledgeBase& kb, const Conversation& c) {
  return named.reference && named.topics.empty() && !named.types.empty() &&
         !alone_reads_topic(alone, kb, c.topic) && !alone_answers_named_type(alone, kb, named) &&
         topic_has_type(kb, c.topic, named_type(named, kb, c.topic));
}

bool complete_alone(ReadingKind kind, const MessageCues& named, const retrieval::SearchResult& alone,
                    const knowledge::KnowledgeBase& kb, const Conversation& c, bool short_text) {
  if (kind == ReadingKind::kReference) {
    return (!short_text && !keeps_topic_by_type(named, alone, kb, c)) ||
           asks_its_own_type(named, alone, kb, c);
  }
  if (kind == ReadingKind::kTopic) return named.residual_chars > 0;
  if (kind != ReadingKind::kType || named.types.empty() || !alone_reads_topic(alone, kb, c.topic)) return false;
  return !refines_answer_in(kb, c, named) && alone_answers_named_type(alone, kb, named);
}

bool pointer_before_new_word(const CueReader& cues, const knowledge::KnowledgeBase& kb,
                             const retrieval::Retriever& retriever, std::string_view said,
                             const MessageCues& named, const Conversation& c) {
  size_t pointer_end = std::string_view::npos;
  for (const std::string& raw : kb.followup.references) {
    const std::string ref = retriever.normalize(raw);
    // A demonstrative (这个, 那笔 …) takes a noun; a pronoun (它, 他) does not.
    if (ref.rfind("这", 0) != 0 && ref.rfind("那", 0) != 0) continue;
    const size_t at = said.find(ref);
    if (at != std::string_view::npos && (pointer_end == std::string_view::npos || at + ref.size() < pointer_end)) {
      pointer_end = at + ref.size();
    }
  }
  if (pointer_end == std::string_view::npos) return false;
  const std::string before = cues.read(c.last_question).subject();
  return std::any_of(named.topics.begin(), named.topics.end(), [&](const NamedSlot& t) {
    const size_t at = said.find(t.word, pointer_end);
    return t.slot == c.topic && before.find(t.word) == std::string::npos && at != std::string_view::npos;
  });
}

bool sure_small_talk(const retrieval::SearchResult& alone, const knowledge::KnowledgeBase& kb,
                     const Thresholds& t) {
  if (!confident(alone, t)) return false;
  const knowledge::Entry* e = kb.find(alone.candidates[0].id);
  return e != nullptr && e->category == "smalltalk";
}

bool points_at_other(std::string_view normalized) {
  static const char* const kOther[] = {"另一个", "另外一个", "另外那个", "另外个", "另一种",
                                       "另外一种", "另外那种", "另外的", "另一", "别的那个",
                                       "其他那个", "另外那"};
  return std::any_of(std::begin(kOther), std::end(kOther), [&](const char* w) {
    return normalized.find(w) != std::string_view::npos;
  });
}

bool answers_clearly(const retrieval::SearchResult& r, const Thresholds& t) {
  if (r.candidates.empty()) return false;
  return is_clear_match(r.candidates[0].confidence, competing_runner_up(r.candidates), r.out_of_scope, t);
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

bool supposes_what_happens(const knowledge::KnowledgeBase& kb, const Conversation& c,
                           const MessageCues& named, std::string_view normalized) {
  static const std::string_view kSupposing[] = {"要是", "万一", "如果", "假如", "假设", "要真"};
  const bool supposing = std::any_of(std::begin(kSupposing), std::end(kSupposing), [&](std::string_view w) {
    return normalized.find(w) != std::string_view::npos;
  });
  return supposing && std::any_of(named.types.begin(), named.types.end(), [&](const NamedSlot& t) {
           return t.slot != c.type && kb.followup.refined_by.count(t.slot) > 0;
         });
}

}  // namespace faqbot::bot
