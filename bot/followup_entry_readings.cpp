#include "bot/followup_readings.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

#include "bot/followup_charge.h"
#include "bot/followup_predicates.h"
#include "bot/followup_rewrite.h"
#include "bot/followup_scores.h"
#include "knowledge/utf8.h"

namespace faqbot::bot {
namespace {

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
  return read_within(m, searched, filter, ReadingKind::kSubject, reading);
}

// Words asking whether something may be set or chosen ("能设置金额区间吗",
// "期限可以自己挑吗"): a question about a setting of the thing just answered.
const char* const kSetting[] = {"设置", "设定", "设成", "能设", "可以设", "可设", "选", "挑", "指定", "限定", "自定", "调整"};

bool asks_a_setting(std::string_view normalized) {
  return std::any_of(std::begin(kSetting), std::end(kSetting), [&](const char* w) {
    return normalized.find(w) != std::string_view::npos;
  });
}

// Words asking to restrict what the thing just answered does to part of it
// ("能只投短期的吗"): a setting too, when the answer says what one sets.
const char* const kOnly[] = {"只投", "只选", "只买", "只出借", "只借", "只要投", "只挑"};

bool asks_to_restrict(std::string_view normalized) {
  return std::any_of(std::begin(kOnly), std::end(kOnly), [&](const char* w) {
    return normalized.find(w) != std::string_view::npos;
  });
}

// The answer just given tells what one sets (设置, 设定: "开启自动投标后，您可以
// 设置每次出借的金额范围、借款期限范围…").
bool answer_tells_settings(const MessageState& m) {
  const knowledge::Entry* answered = m.kb.find(m.conversation.last_faq_id);
  return answered != nullptr && (answered->answer.find("设置") != std::string::npos ||
                                 answered->answer.find("设定") != std::string::npos);
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

// A pair of adjacent characters of `asked_text` occurs in the answer just
// given; when `new_only`, one the last question does not hold.
bool answer_holds_pair(const MessageState& m, std::string_view asked_text, bool new_only) {
  const knowledge::Entry* answered = m.kb.find(m.conversation.last_faq_id);
  if (answered == nullptr) return false;
  const std::u32string answer = utf8::decode(m.retriever.normalize(answered->answer));
  const std::u32string asked = content(asked_text);
  const std::u32string before = content(m.conversation.last_question);
  for (size_t i = 0; i + 1 < asked.size(); ++i) {
    const std::u32string pair = asked.substr(i, 2);
    if ((!new_only || before.find(pair) == std::u32string::npos) &&
        answer.find(pair) != std::u32string::npos) {
      return true;
    }
  }
  return false;
}

// The answer just given states what a short follow-up asks about: a pair of
// adjacent characters of the message (filler and setting words dropped) that the last
// question does not hold occurs in the answer ("能选利率吗" after 自动投标怎
// 么设置, whose answer tells the rate, amount and term ranges one sets;
// "余额还剩几十块咋整" after 怎么注销账号, whose answer says the balance must
// be withdrawn first).
bool answer_states(const MessageState& m) {
  return answer_holds_pair(m, without_setting_words(m.cues.without_fillers(m.alone.normalized)), true);
}

// Every type the message names is one the answered entry's own questions
// ask with, in the kept topic (注销账号多久生效 among account.close's
// questions: "要多久" after 怎么销户 asks how long the closing takes, though
// the account topic has no entry of that type).
bool entry_asks_named_types(const MessageState& m, const knowledge::Entry& answered) {
  const MessageCues& named = m.named;
  if (named.types.empty()) return false;
  std::vector<std::string> asked;  // the types the entry's questions name
  for (const std::string& q : answered.questions) {
    for (const NamedSlot& t : m.cues.read(m.retriever.normalize(q), answered.topic, answered.type).types) {
      asked.push_back(t.slot);
    }
  }
  return std::all_of(named.types.begin(), named.types.end(), [&](const NamedSlot& t) {
    return std::find(asked.begin(), asked.end(), t.slot) != asked.end();
  });
}

// The message says nothing else besides filler words and the asking words
// of a bare question of the answer (followup.json of_the_answer "bare": at
// most kBareRest characters: "收益怎么算" after 起投多少 asks of returns, not
// how the minimum amount is reckoned).
inline constexpr size_t kBareRest = 1;

// The message asks of the answer just given what it states (followup.json
// of_the_answer, FollowupCues::of_the_answer):
// "怎么算的" after an answer stating a charge of 1%, "还能恢复吗" after one
// stating that the closing cannot be undone.
bool asks_what_the_answer_states(const MessageState& m, const knowledge::Entry& answered) {
  using OfTheAnswer = knowledge::FollowupCues::OfTheAnswer;
  auto holds = [](std::string_view text, const std::vector<std::string>& words) {
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string& w) { return text.find(w) != std::string_view::npos; });
  };
  // The rest of the message says nothing else, or says what the answer
  // states ("剩下的余额怎么处理": 余额; not "剩下的钱被人转走了").
  auto rest_fits = [&](const OfTheAnswer& o) {
    std::string rest = m.cues.without_fillers(m.alone.normalized);
    for (const std::string& w : o.asks) {
      for (size_t at = rest.find(w); at != std::string::npos; at = rest.find(w)) {
        rest.erase(at, w.size());
      }
    }
    return o.bare ? content_length(rest) <= kBareRest : answer_holds_pair(m, rest, false);
  };
  // Another topic the message names is named in the answer too (other_topics).
  const Conversation& c = m.conversation;
  const bool other_topic = !m.named.topics.empty() && !m.named.names_only(c.topic);
  auto others_in_answer = [&] {
    const MessageCues said = m.cues.read(m.retriever.normalize(answered.answer));
    return std::all_of(m.named.topics.begin(), m.named.topics.end(), [&](const NamedSlot& t) {
      return t.slot == c.topic || said.names_topic(t.slot);
    });
  };
  const std::vector<OfTheAnswer>& table = m.kb.followup.of_the_answer;
  return std::any_of(table.begin(), table.end(), [&](const OfTheAnswer& o) {
    if (other_topic && !o.other_topics) return false;
    return holds(m.alone.normalized, o.asks) && holds(answered.answer, o.stated_by) &&
           (other_topic ? others_in_answer() : rest_fits(o)) &&
           !(o.topic_first && alone_reads_topic(m.alone, m.kb, m.conversation.topic));
  });
}

// Where to look at what the answer says is seen (an of_the_answer item with
// topic_first, asked and stated), when the answer names the place as a page
// whose name, quoted (“…”), is a word of the kept topic the last question
// did not name ("在哪能看到" after 逾期率高不高, whose answer says the figures
// are seen on the “信息披露” page; not “我的出借-回款计划”, which only holds
// a word): the first such name and the message searched, read as another
// entry of the topic (kSubject). False when none.
bool read_place_named(const MessageState& m, const knowledge::Entry& answered, Reading* reading) {
  const Conversation& c = m.conversation;
  const bool asked = std::any_of(
      m.kb.followup.of_the_answer.begin(), m.kb.followup.of_the_answer.end(),
      [&](const knowledge::FollowupCues::OfTheAnswer& o) {
        auto held = [](std::string_view text, const std::vector<std::string>& words) {
          return std::any_of(words.begin(), words.end(),
                             [&](const std::string& w) { return text.find(w) != std::string_view::npos; });
        };
        return o.topic_first && held(m.alone.normalized, o.asks) && held(answered.answer, o.stated_by);
      });
  if (!asked) return false;
  const std::string before = m.cues.read(c.last_question).subject();
  static const std::string kOpen = "“", kClose = "”";
  const std::string& answer = answered.answer;
  for (size_t open = answer.find(kOpen); open != std::string::npos; open = answer.find(kOpen, open + 1)) {
    const size_t from = open + kOpen.size();
    const size_t close = answer.find(kClose, from);
    if (close == std::string::npos) break;
    const std::string place = m.retriever.normalize(answer.substr(from, close - from));
    const MessageCues named = m.cues.read(place);
    if (named.topics.size() == 1 && named.topics[0].slot == c.topic && named.topics[0].word == place &&
        before.find(place) == std::string::npos) {
      return read_as_another_entry_of_topic(m, place + m.alone.normalized, reading);
    }
  }
  return false;
}

// Words naming a penalty, the charge for breaking a loan's terms (罚金 and
// 违约罚息 normalise to 罚息). Said alone the penalty is the overdue one; after
// an answer asked of its own penalty it is that answer's charge.
const char* const kPenalty[] = {"罚息", "违约金", "罚钱", "罚款"};

// The message asks whether the answer's own penalty is charged: it holds a
// penalty word (kPenalty) or asks a charge yes-no (asked_charge: "扣钱不"), the answered entry's own questions hold one too
// (loan.early_repay is asked 提前还款违约金; not loan.cost, whose answer only
// mentions the overdue 罚息), and it says nothing else: every topic word it
// names is a penalty word, every type it names is the answered one or refines
// it (fee refines early_repay), no word contrasting with the answered type,
// and at most kBareAttributeChars characters besides filler and penalty
// words ("罚金收吗", "要罚钱不", "有违约金吗" after 想一次性还清 ask about the
// early-repayment charge; "逾期了罚息怎么算" names 逾期 and stays overdue).
bool asks_its_penalty(const MessageState& m, const knowledge::Entry& answered) {
  const MessageCues& named = m.named;
  if (!named.contrasts.empty() || named.reference || named.names_product || !named.foreign.empty()) return false;
  std::vector<std::string> penalties;
  for (const char* w : kPenalty) {
    std::string word = m.retriever.normalize(w);
    if (!word.empty()) penalties.push_back(std::move(word));
  }
  auto holds_penalty = [&](std::string_view text) {
    return std::any_of(penalties.begin(), penalties.end(),
                       [&](const std::string& w) { return text.find(w) != std::string_view::npos; });
  };
  auto is_penalty = [&](const std::string& word) {
    return std::find(penalties.begin(), penalties.end(), word) != penalties.end();
  };
  // A charge asked yes-no ("扣钱不", "会多扣钱不") asks the same of the answer.
  const std::string charge = asked_charge(m.alone.normalized);
  if (!holds_penalty(m.alone.normalized) && charge.empty()) return false;
  if (!std::any_of(answered.questions.begin(), answered.questions.end(),
                   [&](const std::string& q) { return holds_penalty(m.retriever.normalize(q)); })) {
    return false;
  }
  if (!std::all_of(named.topics.begin(), named.topics.end(),
                   [&](const NamedSlot& t) { return is_penalty(t.word); })) {
    return false;
  }
  if (!std::all_of(named.types.begin(), named.types.end(), [&](const NamedSlot& t) {
        return t.slot == answered.type || refined_type(m.kb.followup, answered.type, t.slot);
      })) {
    return false;
  }
  std::string rest = m.cues.without_fillers(m.alone.normalized);
  for (const std::string& w : penalties) {
    for (size_t at = rest.find(w); at != std::string::npos; at = rest.find(w)) rest.erase(at, w.size());
  }
  if (!charge.empty()) {
    for (size_t at = rest.find(charge); at != std::string::npos; at = rest.find(charge)) rest.erase(at, charge.size());
  }
  return content_length(rest) <= kBareAttributeChars;
}

// The message read after the kept entry's title within the kept topic and
// `type` only: `reading` (as `kind`) when `expected` comes first so read,
// unless the message is out of scope both alone and so read.
bool read_within_answered_slots(const MessageState& m, const std::string& type, const std::string& expected,
                                ReadingKind kind, Reading* reading) {
  const Conversation& c = m.conversation;
  const retrieval::SearchResult searched = m.retriever.search(
      previous_title(m.kb, m.retriever, c) + m.alone.normalized, std::max(m.k, kContextSearchK));
  if (searched.out_of_scope >= m.thresholds.out_of_scope &&
      m.alone.out_of_scope >= m.thresholds.out_of_scope) {
    return false;
  }
  SlotFilter filter;
  filter.topic = c.topic;
  filter.type = type;
  filter.only_type = true;
  retrieval::SearchResult in;
  if (!within_slots(product(m.alone, searched), m.kb, filter, &in) || in.candidates.empty() ||
      in.candidates[0].id != expected) {
    return false;
  }
  reading->result = std::move(in);
  reading->result.out_of_scope = std::min(searched.out_of_scope, m.alone.out_of_scope);
  reading->kind = kind;
  reading->question = searched.normalized;
  return true;
}

}  // namespace

bool read_within(const MessageState& m, const retrieval::SearchResult& searched,
                 const SlotFilter& filter, ReadingKind kind, Reading* reading) {
  retrieval::SearchResult in;
  if (!within_slots(searched, m.kb, filter, &in)) return false;
  reading->result = std::move(in);
  reading->kind = kind;
  reading->question = searched.normalized;
  return true;
}

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

bool read_sibling(const MessageState& m, Reading* reading) {
  const Conversation& c = m.conversation;
  std::string word, rewritten;
  if (!m.cues.sibling_named(m.alone.normalized, c.last_question, c.topic, &word, &rewritten)) {
    // The last question may have named its subject in words of its own (口令
    // for the login password): the answered entry's canonical question names
    // it in ours, and the sibling is named against that.
    const knowledge::Entry* answered = m.kb.find(c.last_faq_id);
    if (answered == nullptr || answered->questions.empty() ||
        !m.cues.sibling_named(m.alone.normalized, m.retriever.normalize(answered->questions[0]),
                              c.topic, &word, &rewritten)) {
      return false;
    }
  }
  for (const std::string& query : {rewritten, m.cues.replace_reference(m.alone.normalized, word)}) {
    if (read_as_another_entry_of_topic(m, query, reading)) return true;
  }
  return false;
}

bool read_as_the_answer(const MessageState& m, bool sure_alone, Reading* reading) {
  const Conversation& c = m.conversation;
  const MessageCues& named = m.named;
  if (c.last_faq_id.empty() || named.names_product || !named.foreign.empty()) return false;
  // Another topic named only as what the answer requires (of_the_answer
  // other_topics: "里面的钱要先提出来吗" after 注销账户).
  const knowledge::Entry* asked_of = m.kb.find(c.last_faq_id);
  if (!named.topics.empty() && !named.names_only(c.topic) &&
      (asked_of == nullptr || !asks_what_the_answer_states(m, *asked_of))) {
    return false;
  }
  if (!m.alone.candidates.empty() && m.alone.candidates[0].id == c.last_faq_id) return false;
  // A penalty asked bare after an answer asked of its own penalty asks about
  // that answer's charge, however sure the text alone is of the overdue one.
  if (asked_of != nullptr && asks_its_penalty(m, *asked_of)) {
    return read_within_answered_slots(m, asked_of->type, asked_of->id, ReadingKind::kReference, reading);
  }
  // Restricting the answered feature to part of it ("能只投短期的吗" after
  // 自动投标是不是全投) is a setting when the answer tells what one sets,
  // whatever words of it the answer holds.
  const bool restricts = asks_to_restrict(m.alone.normalized) && answer_tells_settings(m);
  const bool setting = restricts || asks_a_setting(m.alone.normalized);
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
  // A question of what the answer states (asks_what_the_answer_states),
  // naming no type but the answered one, asks about that answer however
  // sure the text alone is of another entry ("怎么计算的" after 提前还款怎么
  // 操作 asks about the charge it states, not about returns; "剩下的余额怎么
  // 处理" after 账户怎么注销 about the balance to withdraw first, not about
  // abnormal funds). It is read as the answered entry's own type.
  const knowledge::Entry* answered = m.kb.find(c.last_faq_id);
  if (answered != nullptr && named.topics.empty() && read_place_named(m, *answered, reading)) return true;
  const bool of_answer =
      answered != nullptr &&
      std::all_of(named.types.begin(), named.types.end(),
                  [&](const NamedSlot& t) { return t.slot == c.type || t.slot == answered->type; }) &&
      asks_what_the_answer_states(m, *answered);
  // A bare message with no subject of its own, naming no topic, type or
  // pointer in at most kBareAttributeChars characters besides filler words
  // ("有啥讲究吗" after 自动投标怎么开), asks about the answer just given when
  // the text alone, sure but below kCertainAlone, reads it as another topic's
  // entry and still ranks the answer among its first kRescueRank (its words
  // fit the answer too); not a hand-over the text alone reads ("找个真人").
  const bool subjectless =
      answered != nullptr && sure_alone && top_confidence(m.alone) < kCertainAlone &&
      content_length(m.cues.without_fillers(m.alone.normalized)) <= kBareAttributeChars &&
      named.topics.empty() && named.types.empty() &&
      !named.reference && !m.alone.candidates.empty() && !alone_reads_topic(m.alone, m.kb, c.topic) &&
      !hands_over(m.kb.find(m.alone.candidates[0].id)) &&
      std::any_of(m.alone.candidates.begin(),
                  m.alone.candidates.begin() + std::min(m.alone.candidates.size(), kRescueRank),
                  [&](const retrieval::Candidate& cand) { return cand.id == answered->id; });
  if (subjectless) {
    return read_within_answered_slots(m, answered->type, answered->id, ReadingKind::kEllipsis, reading);
  }
  if (!setting && !of_answer &&
      (own_type || !named.topics.empty() || sure_alone ||
       alone_reads_topic(m.alone, m.kb, c.topic) ||
       m.alone.out_of_scope >= m.thresholds.out_of_scope)) {
    return false;
  }
  if (!of_answer && !restricts && (setting || !named.types.empty()) && !answer_states(m)) return false;
  // A setting of the answer is the answered entry's too: the type the
  // conversation keeps may be the one asked ("自动投标咋弄" keeps how, the
  // answer is the auto-bid entry's).
  return read_within_answered_slots(m, (of_answer || setting) && answered != nullptr ? answered->type : c.type,
                                    c.last_faq_id, ReadingKind::kReference, reading);
}

bool read_as_refining_the_answer(const MessageState& m, Reading* reading) {
  const Conversation& c = m.conversation;
  const MessageCues& named = m.named;
  const knowledge::Entry* answered = m.kb.find(c.last_faq_id);
  if (answered == nullptr || answered->topic != c.topic || named.types.empty() ||
      named.names_product || !named.foreign.empty() ||
      (!named.topics.empty() && !named.names_only(c.topic))) {
    return false;
  }
  const bool refining = std::all_of(named.types.begin(), named.types.end(), [&](const NamedSlot& t) {
    return t.slot == c.type || t.slot == answered->type ||
           refined_type(m.kb.followup, c.type, t.slot) ||
           refined_type(m.kb.followup, answered->type, t.slot);
  });
  if (!refining) return false;
  // An answer that handed the case to a person (catalog hand, hand_priority:
  // 提现超时未到账, 账户资金异常) is what a question of its time asks about,
  // however the text alone ranks it: it has no words for "the case".
  const bool handed = hands_over(answered);
  const size_t ranked = std::min(m.alone.candidates.size(), kRescueRank);
  if (!handed && std::none_of(m.alone.candidates.begin(), m.alone.candidates.begin() + ranked,
                   [&](const retrieval::Candidate& cand) { return cand.id == answered->id; })) {
    return false;
  }
  return read_within_answered_slots(m, answered->type, answered->id, ReadingKind::kType, reading);
}

bool read_as_refined_by_alone(const MessageState& m, Reading* reading) {
  const Conversation& c = m.conversation;
  const MessageCues& named = m.named;
  const knowledge::Entry* answered = m.kb.find(c.last_faq_id);
  if (answered == nullptr || answered->topic != c.topic || !named.topics.empty() ||
      !named.types.empty() || named.reference || named.names_product || !named.foreign.empty() ||
      !has_followup_marker(m.alone.normalized) || m.alone.candidates.empty()) {
    return false;
  }
  const knowledge::Entry* alone = m.kb.find(m.alone.candidates[0].id);
  if (alone == nullptr || alone->id == answered->id || alone->topic != c.topic ||
      !refined_type(m.kb.followup, answered->type, alone->type)) {
    return false;
  }
  return read_within_answered_slots(m, answered->type, answered->id, ReadingKind::kType, reading);
}

bool read_as_type_of_the_answer(const MessageState& m, Reading* reading) {
  const Conversation& c = m.conversation;
  const MessageCues& named = m.named;
  const knowledge::Entry* answered = m.kb.find(c.last_faq_id);
  if (answered == nullptr || answered->topic != c.topic || named.types.empty() ||
      !named.topics.empty() || named.names_product || !named.foreign.empty() ||
      confident(m.alone, m.thresholds) || m.alone.out_of_scope >= m.thresholds.out_of_scope) {
    return false;
  }
  const bool own_type = std::any_of(named.types.begin(), named.types.end(), [&](const NamedSlot& t) {
    return topic_has_type(m.kb, c.topic, t.slot);
  });
  if (own_type || !entry_asks_named_types(m, *answered)) return false;
  return read_within_answered_slots(m, answered->type, answered->id, ReadingKind::kType, reading);
}

}  // namespace faqbot::bot
