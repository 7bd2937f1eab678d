#include "bot/followup_steps.h"

#include <algorithm>
#include <vector>

#include "knowledge/utf8.h"

namespace faqbot::bot {
namespace {

// The step the message names is what was answered last: the step searched
// alone ranks the last entry first, or every character of it is in the last
// question ("绑" of 银行卡怎么绑定).
bool step_is_the_last(const StepQuery& q, const std::string& step) {
  const Conversation& c = q.conversation;
  const retrieval::SearchResult s = q.retriever.search(step, q.k);
  if (!s.candidates.empty() && s.candidates[0].id == c.last_faq_id) return true;
  const std::u32string cps = utf8::decode(step);
  return !cps.empty() && std::all_of(cps.begin(), cps.end(), [&](char32_t ch) {
    return c.last_question.find(utf8::encode(std::u32string(1, ch))) != std::string::npos;
  });
}

}  // namespace

bool read_next_step(const StepQuery& q, Reading* reading) {
  const StepWords& words = q.cues.steps();
  std::string step = q.cues.without_fillers(q.alone.normalized);
  if (!words.strip_after(&step)) return false;
  words.strip_done(&step);
  const MessageCues named = q.cues.read(step, q.conversation.topic, q.conversation.type);
  if (!named.types.empty() || named.reference || named.names_product ||
      named.residual_chars > kTopicOnlyResidual) {
    return false;
  }
  std::string topic = q.conversation.topic;
  if (!named.topics.empty()) {
    if (!named.names_only(named.topics[0].slot)) return false;
    topic = named.topics[0].slot;
  } else {
    step = q.previous_subject() + step;
  }
  const size_t depth = std::max(q.k, kContextSearchK);
  const retrieval::SearchResult searched = q.retriever.search(step, depth);
  if (searched.candidates.empty() || searched.out_of_scope >= q.thresholds.out_of_scope) return false;
  const knowledge::Entry* done = q.kb.find(searched.candidates[0].id);
  if (done == nullptr || done->topic != topic) return false;
  const knowledge::Entry* next = nullptr;
  for (const std::string& id : done->follow_ups) {
    const knowledge::Entry* e = q.kb.find(id);
    if (e != nullptr && e->topic == topic && e->id != done->id) {
      next = e;
      break;
    }
  }
  if (next == nullptr) return false;
  retrieval::SearchResult asked = q.retriever.search(q.retriever.normalize(next->title), depth);
  if (!answers_clearly(asked, q.thresholds) || asked.candidates[0].id != next->id) return false;
  SlotFilter filter;
  filter.topic = topic;
  filter.not_entry = done->id;
  retrieval::SearchResult in;
  if (!within_slots(asked, q.kb, filter, &in) || in.candidates[0].id != next->id) return false;
  reading->result = std::move(in);
  reading->result.out_of_scope = asked.out_of_scope;
  reading->kind = ReadingKind::kSubject;
  reading->question = q.alone.normalized;
  return true;
}

bool read_step_then(const StepQuery& q, Reading* reading) {
  const Conversation& c = q.conversation;
  const StepWords& words = q.cues.steps();
  std::string step, asked;
  if (!words.split_then(q.cues.without_fillers(q.alone.normalized), &step, &asked)) return false;
  if (content_length(asked) < 2 || !words.asks_how_on(asked)) return false;
  words.strip_done(&step);
  if (step.empty() || !step_is_the_last(q, step)) return false;
  const MessageCues named = q.cues.read(asked, c.topic, c.type);
  if (named.names_product || named.reference) return false;
  std::vector<std::string> queries = {asked};
  if (named.topics.empty()) {
    auto it = q.kb.followup.topic_cues.find(c.topic);
    if (it != q.kb.followup.topic_cues.end() && !it->second.empty()) {
      queries.push_back(q.retriever.normalize(it->second[0]) + asked);
    }
  }
  for (const std::string& query : queries) {
    retrieval::SearchResult r = q.retriever.search(query, std::max(q.k, kContextSearchK));
    if (!answers_clearly(r, q.thresholds) || r.candidates[0].id == c.last_faq_id) continue;
    reading->result = std::move(r);
    reading->kind = ReadingKind::kSubject;
    reading->question = query;
    return true;
  }
  return false;
}

}  // namespace faqbot::bot
