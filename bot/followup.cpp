#include "bot/followup.h"

#include <algorithm>

#include "knowledge/utf8.h"

namespace faqbot::bot {
namespace {

double top_confidence(const retrieval::SearchResult& r) {
  return r.candidates.empty() ? 0.0 : r.candidates[0].confidence;
}

bool confident(const retrieval::SearchResult& r, const Thresholds& t) {
  if (r.candidates.empty() || r.out_of_scope >= t.out_of_scope) return false;
  const double runner_up = r.candidates.size() > 1 ? r.candidates[1].confidence : 0.0;
  return r.candidates[0].confidence >= t.answer && r.candidates[0].confidence - runner_up >= t.margin;
}

std::u32string content(std::string_view text) {
  std::u32string out;
  for (char32_t cp : utf8::decode(text)) {
    if (!utf8::is_space(cp) && !utf8::is_punct(cp)) out += cp;
  }
  return out;
}

void drop(retrieval::SearchResult& r, const std::string& id) {
  auto& c = r.candidates;
  c.erase(std::remove_if(c.begin(), c.end(), [&](const retrieval::Candidate& x) { return x.id == id; }),
          c.end());
}

void keep_at_most(retrieval::SearchResult& r, size_t k) {
  if (r.candidates.size() > k) r.candidates.resize(k);
}

// The topic reading, or false when it does not apply.
bool topic_reading(const retrieval::SearchResult& alone, const knowledge::KnowledgeBase& kb,
                   const Conversation& conversation, bool marker, const Thresholds& t,
                   retrieval::SearchResult* out) {
  const knowledge::Entry* last = kb.find(conversation.last_faq_id);
  if (last == nullptr || last->category.empty()) return false;
  retrieval::SearchResult topic;
  topic.normalized = alone.normalized;
  double sum = 0;
  for (const retrieval::Candidate& c : alone.candidates) {
    const knowledge::Entry* e = kb.find(c.id);
    if (e == nullptr || e->category != last->category) continue;
    if (marker && e->id == last->id) continue;
    topic.candidates.push_back(c);
    sum += c.confidence;
  }
  if (topic.candidates.empty()) return false;
  const double best = topic.candidates[0].confidence;
  if (best < t.suggestion || best < kTopicShare * top_confidence(alone) || sum <= 0) return false;
  for (retrieval::Candidate& c : topic.candidates) c.confidence /= sum;
  topic.out_of_scope = 0;  // the topic of the conversation is in scope
  *out = std::move(topic);
  return true;
}

// Confidence of `id` in `r`, or `floor` when `r` does not list it.
double confidence_of(const retrieval::SearchResult& r, const std::string& id, double floor) {
  for (const retrieval::Candidate& c : r.candidates) {
    if (c.id == id) return c.confidence;
  }
  return floor;
}

double floor_of(const retrieval::SearchResult& r) {
  double lowest = 1.0;
  for (const retrieval::Candidate& c : r.candidates) lowest = std::min(lowest, c.confidence);
  return r.candidates.empty() ? 0.01 : std::max(1e-4, 0.5 * lowest);
}

// The joined reading: the text alone and "<previous question> <text>" as two
// experts whose confidences are multiplied and renormalised, so the winner is
// what the new words ask about within the conversation's context (the joined
// search alone is dominated by the longer previous question).
bool joined_reading(const retrieval::SearchResult& alone, const retrieval::SearchResult& joined,
                    retrieval::SearchResult* out) {
  if (joined.candidates.empty()) return false;
  const double floor_a = floor_of(alone), floor_j = floor_of(joined);
  std::vector<retrieval::Candidate> all = joined.candidates;
  for (const retrieval::Candidate& c : alone.candidates) {
    if (confidence_of(joined, c.id, -1) < 0) all.push_back(c);
  }
  double sum = 0;
  for (retrieval::Candidate& c : all) {
    c.confidence = confidence_of(alone, c.id, floor_a) * confidence_of(joined, c.id, floor_j);
    sum += c.confidence;
  }
  if (sum <= 0) return false;
  for (retrieval::Candidate& c : all) c.confidence /= sum;
  std::stable_sort(all.begin(), all.end(), [](const auto& x, const auto& y) {
    return x.confidence != y.confidence ? x.confidence > y.confidence : x.id < y.id;
  });
  out->candidates = std::move(all);
  out->out_of_scope = joined.out_of_scope;
  out->normalized = joined.normalized;
  return true;
}

}  // namespace

const char* to_string(ReadingKind kind) {
  switch (kind) {
    case ReadingKind::kAlone: return "alone";
    case ReadingKind::kTopic: return "topic";
    case ReadingKind::kJoined: return "joined";
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
  return last == U'呢' || last == U'咧';
}

bool is_elliptical(std::string_view text) { return has_followup_marker(text); }

Reading choose_reading(retrieval::SearchResult alone, retrieval::SearchResult joined,
                       std::string_view text, const knowledge::KnowledgeBase& kb,
                       const Conversation& conversation, const Thresholds& thresholds,
                       size_t k) {
  Reading reading;
  const bool marker = has_followup_marker(text);
  const bool sure_alone = confident(alone, thresholds) && !marker;

  if (!sure_alone && topic_reading(alone, kb, conversation, marker, thresholds, &reading.result)) {
    reading.kind = ReadingKind::kTopic;
    keep_at_most(reading.result, k);
    return reading;
  }

  retrieval::SearchResult alone_ctx = alone;
  if (marker && !conversation.last_faq_id.empty()) {
    drop(joined, conversation.last_faq_id);
    drop(alone_ctx, conversation.last_faq_id);
  }
  retrieval::SearchResult both;
  // The new words must point at the winner themselves (else the joined
  // search only repeats the previous question).
  const bool joined_ok =
      joined_reading(alone_ctx, joined, &both) &&
      confidence_of(alone, both.candidates[0].id, 0) >= thresholds.suggestion &&
      joined.out_of_scope < thresholds.out_of_scope;
  const bool take_joined =
      joined_ok && (sure_alone ? both.candidates[0].id != alone.candidates[0].id
                               : top_confidence(both) > top_confidence(alone));
  if (take_joined) {
    reading.result = std::move(both);
    reading.kind = ReadingKind::kJoined;
  } else {
    reading.result = std::move(alone);
  }
  keep_at_most(reading.result, k);
  return reading;
}

Reading read_message(const retrieval::Retriever& retriever, const knowledge::KnowledgeBase& kb,
                     std::string_view text, const Conversation& conversation,
                     const Thresholds& thresholds, size_t k, size_t max_chars) {
  const bool candidate = !conversation.last_question.empty() && content_length(text) <= max_chars;
  if (!candidate) {
    Reading r;
    r.result = retriever.search(text, k);
    return r;
  }
  retrieval::SearchResult alone = retriever.search(text, std::max(k, kTopicSearchK));
  retrieval::SearchResult joined = retriever.search(
      conversation.last_question + " " + std::string(text), std::max(k, kTopicSearchK));
  return choose_reading(std::move(alone), std::move(joined), text, kb, conversation, thresholds, k);
}

}  // namespace faqbot::bot
