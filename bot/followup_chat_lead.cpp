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

}  // namespace

std::string after_chat_lead(const retrieval::Retriever& retriever, const CueReader& cues,
                            const knowledge::FollowupCues& followup, std::string_view written,
                            const std::string& topic, const std::string& type) {
  const std::vector<std::string> clauses = clauses_of(retriever, written);
  if (clauses.size() < 2) return "";
  const std::string& question = clauses.back();
  const MessageCues asked = cues.read(question, topic, type);
  if (asked.types.empty() || !asks(question)) return "";
  // A type refining the answer ("到底啥时候到" after the delayed withdrawal)
  // asks more of it, and the whole message tells how: read as written.
  if (refines_answer(followup, type, asked)) return "";
  if (std::any_of(asked.topics.begin(), asked.topics.end(),
                  [&](const NamedSlot& t) { return t.slot != topic; })) {
    return "";
  }
  for (size_t i = 0; i + 1 < clauses.size(); ++i) {
    if (!names_nothing(cues.read(clauses[i], topic, type)) || asks_or_compares(clauses[i])) {
      return "";
    }
    const retrieval::SearchResult alone = retriever.search(clauses[i], 1);
    const bool small_talk =
        !alone.candidates.empty() && alone.candidates.front().id.rfind("smalltalk.", 0) == 0;
    if (!small_talk && alone.out_of_scope < kRemarkOutOfScope) return "";
  }
  return question;
}

}  // namespace faqbot::bot
