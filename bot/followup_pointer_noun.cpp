#include "bot/followup_pointer_noun.h"

#include <algorithm>

#include "knowledge/utf8.h"

namespace faqbot::bot {

namespace {

// The two code points after the first demonstrative of `said`, as UTF-8;
// "" when there are no two letters there.
std::string noun_after_demonstrative(const knowledge::KnowledgeBase& kb,
                                     const retrieval::Retriever& retriever, std::string_view said) {
  size_t end = std::string_view::npos, first = std::string_view::npos;
  for (const std::string& raw : kb.followup.references) {
    const std::string ref = retriever.normalize(raw);
    if (ref.rfind("这", 0) != 0 && ref.rfind("那", 0) != 0) continue;
    const size_t at = said.find(ref);
    if (at == std::string_view::npos) continue;
    if (first == std::string_view::npos || at < first ||
        (at == first && at + ref.size() > end)) {
      first = at;
      end = at + ref.size();
    }
  }
  if (end == std::string_view::npos) return "";
  const std::u32string after = utf8::decode(said.substr(end));
  if (after.size() < 2 || utf8::is_space(after[0]) || utf8::is_punct(after[0]) ||
      utf8::is_space(after[1]) || utf8::is_punct(after[1])) {
    return "";
  }
  return utf8::encode(after.substr(0, 2));
}

}  // namespace

bool pointer_noun_names(const knowledge::KnowledgeBase& kb, const retrieval::Retriever& retriever,
                        std::string_view said, std::string_view last_question,
                        const knowledge::Entry& entry) {
  const std::string noun = noun_after_demonstrative(kb, retriever, said);
  if (noun.empty() || retriever.normalize(last_question).find(noun) != std::string::npos) {
    return false;
  }
  auto names = [&](const std::string& text) {
    return retriever.normalize(text).find(noun) != std::string::npos;
  };
  if (!names(entry.title) && std::none_of(entry.questions.begin(), entry.questions.end(), names)) {
    return false;
  }
  // A word many entries are asked with (怎么, 有啥) is no noun of one thing.
  const size_t naming = static_cast<size_t>(
      std::count_if(kb.entries.begin(), kb.entries.end(), [&](const knowledge::Entry& e) {
        auto has = [&](const std::string& q) { return q.find(noun) != std::string::npos; };
        return has(e.title) || std::any_of(e.questions.begin(), e.questions.end(), has);
      }));
  return naming <= kNounEntries;
}

}  // namespace faqbot::bot
