#include "bot/followup_chat_lead.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "bot/followup_predicates.h"
#include "retrieval/clauses.h"

namespace faqbot::bot {
namespace {

// A remark searched alone that no entry answers at least this surely is of
// another kind.
constexpr double kRemarkOutOfScope = 0.5;

// Clauses of `text` (retrieval::split_all_clauses), normalised, empty ones
// dropped.
std::vector<std::string> clauses_of(const retrieval::Retriever& retriever, std::string_view text) {
  std::vector<std::string> out;
  for (const std::string& clause : retrieval::split_all_clauses(text)) {
    std::string normalized = retriever.normalize(clause);
    if (!normalized.empty()) out.push_back(std::move(normalized));
  }
  return out;
}

bool holds_any(const std::string& clause, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return clause.find(w) != std::string::npos; });
}

// Interrogatives: a clause holding one asks something.
bool holds_interrogative(const std::string& clause) {
  return holds_any(clause, {"吗", "哪", "什么", "啥", "怎", "咋", "多少", "几", "谁", "如何", "是否"});
}

// A clause asking something itself (an interrogative: "跟银行的信用贷比哪个
// 便宜") or weighing one thing against another (比) is no passing remark.
bool asks_or_compares(const std::string& clause) {
  return holds_interrogative(clause) || holds_any(clause, {"比"});
}

// The question clause asks: an interrogative, or a particle or negation of a
// question (呢, 么, 不, 没: "要手续费不"). "好，谢谢，放心了" asks nothing.
bool asks(const std::string& clause) {
  return holds_interrogative(clause) || holds_any(clause, {"多久", "呢", "么", "不", "没"});
}

bool names_nothing(const MessageCues& m) {
  return m.topics.empty() && m.types.empty() && m.contrasts.empty() && !m.reference &&
         !m.names_product && !m.place;
}

// A remark naming by the way only types `topic` has no entry of ("等我下班
// 再弄": 下班 names the service hours, no question of a loan).
bool names_types_of_none(const MessageCues& m, const knowledge::KnowledgeBase& kb,
                         const std::string& topic) {
  return m.topics.empty() && !m.types.empty() && m.contrasts.empty() && !m.reference &&
         !m.names_product && !m.place &&
         std::none_of(m.types.begin(), m.types.end(),
                      [&](const NamedSlot& t) { return topic_has_type(kb, topic, t.slot); });
}

}  // namespace

std::string after_chat_lead(const retrieval::Retriever& retriever, const CueReader& cues,
                            const knowledge::KnowledgeBase& kb, std::string_view written,
                            const std::string& topic, const std::string& type) {
  const std::vector<std::string> clauses = clauses_of(retriever, written);
  if (clauses.size() < 2) return "";
  const std::string& question = clauses.back();
  const MessageCues asked = cues.read(question, topic, type);
  if (asked.types.empty() || !asks(question)) return "";
  if (std::any_of(asked.topics.begin(), asked.topics.end(),
                  [&](const NamedSlot& t) { return t.slot != topic; })) {
    return "";
  }
  const bool asks_topic_types = std::all_of(asked.types.begin(), asked.types.end(), [&](const NamedSlot& t) {
    return topic_has_type(kb, topic, t.slot);
  });
  bool by_the_way = false;  // a lead names only types the kept topic has none of
  for (size_t i = 0; i + 1 < clauses.size(); ++i) {
    if (asks_or_compares(clauses[i])) return "";
    const MessageCues lead = cues.read(clauses[i], topic, type);
    if (asks_topic_types && names_types_of_none(lead, kb, topic)) {
      by_the_way = true;
      continue;
    }
    if (!names_nothing(lead)) return "";
    const retrieval::SearchResult alone = retriever.search(clauses[i], 1);
    const bool small_talk =
        !alone.candidates.empty() && alone.candidates.front().id.rfind("smalltalk.", 0) == 0;
    if (!small_talk && alone.out_of_scope < kRemarkOutOfScope) return "";
  }
  // A type refining the answer ("到底啥时候到" after the delayed withdrawal)
  // asks more of it, and the whole message tells how: read as written;
  // unless a lead is a remark by the way of another kind of thing ("等我下班
  // 再弄 要手续费不" after 提前还款怎么操作).
  if (!by_the_way && refines_answer(kb.followup, type, asked)) return "";
  return question;
}

}  // namespace faqbot::bot
