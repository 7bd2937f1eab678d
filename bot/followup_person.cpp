#include <algorithm>
#include <string>
#include <vector>

#include "bot/followup_predicates.h"
#include "bot/followup_readings.h"

namespace faqbot::bot {
namespace {

// `text` without every occurrence of each of `words` (normalised), longest
// first; true when one was found.
bool erase_words(const retrieval::Retriever& retriever, const std::vector<std::string>& words,
                 std::string* text) {
  std::vector<std::string> normalized;
  for (const std::string& w : words) {
    std::string n = retriever.normalize(w);
    if (!n.empty()) normalized.push_back(std::move(n));
  }
  std::sort(normalized.begin(), normalized.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  bool found = false;
  for (const std::string& w : normalized) {
    for (size_t at = text->find(w); at != std::string::npos; at = text->find(w)) {
      text->erase(at, w.size());
      found = true;
    }
  }
  return found;
}

}  // namespace

bool read_for_another_person(const MessageState& m, Reading* reading) {
  const knowledge::FollowupCues& fc = m.kb.followup;
  const Conversation& c = m.conversation;
  if (fc.persons.empty() || c.last_question.empty()) return false;
  const std::string& said = m.alone.normalized;
  static const std::string kNe = "呢";
  const size_t ne = said.find(kNe);
  const std::string clause = ne == std::string::npos ? said : said.substr(0, ne + kNe.size());
  const std::string rest = ne == std::string::npos ? std::string() : said.substr(ne + kNe.size());
  if (!has_followup_marker(clause)) return false;
  std::string plain = clause;
  if (!erase_words(m.retriever, fc.persons, &plain)) return false;
  erase_words(m.retriever, fc.belongings, &plain);
  const MessageCues asked = m.cues.read(plain, c.topic, c.type);
  if (!asked.topics.empty() || !asked.types.empty() || asked.names_product || asked.residual_chars > 0) {
    return false;
  }
  // The person's story may tell more, but asks nothing else of ours.
  const MessageCues story = m.cues.read(rest, c.topic, c.type);
  if (story.names_product || !story.foreign.empty() ||
      std::any_of(story.topics.begin(), story.topics.end(),
                  [&](const NamedSlot& t) { return t.slot != c.topic; }) ||
      std::any_of(story.types.begin(), story.types.end(), [&](const NamedSlot& t) {
        return t.slot != c.type && topic_has_type(m.kb, c.topic, t.slot);
      })) {
    return false;
  }
  retrieval::SearchResult searched =
      m.retriever.search(c.last_question, std::max(m.k, kContextSearchK));
  if (!confident(searched, m.thresholds) || searched.out_of_scope >= m.thresholds.out_of_scope) {
    return false;
  }
  SlotFilter filter;
  filter.topic = c.topic;
  return read_within(m, searched, filter, ReadingKind::kReference, reading);
}

}  // namespace faqbot::bot
