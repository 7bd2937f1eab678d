#include "bot/followup.h"

#include <algorithm>

#include "bot/utf8.h"

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

}  // namespace

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

Reading choose_reading(retrieval::SearchResult alone, retrieval::SearchResult context,
                       std::string_view text, const std::string& context_query,
                       const Conversation& conversation, const Thresholds& thresholds) {
  Reading reading;
  reading.query = std::string(text);
  const bool marker = has_followup_marker(text);
  if (confident(alone, thresholds) && !marker) {
    reading.result = std::move(alone);
    return reading;
  }
  if (marker && !conversation.last_faq_id.empty()) {
    auto& c = context.candidates;
    c.erase(std::remove_if(c.begin(), c.end(),
                           [&](const retrieval::Candidate& x) {
                             return x.id == conversation.last_faq_id;
                           }),
            c.end());
  }
  const bool context_better = top_confidence(context) > top_confidence(alone) &&
                              context.out_of_scope < thresholds.out_of_scope;
  if (context_better && (marker || !confident(alone, thresholds))) {
    reading.result = std::move(context);
    reading.in_context = true;
    reading.query = context_query;
  } else {
    reading.result = std::move(alone);
  }
  return reading;
}

Reading read_message(const retrieval::Retriever& retriever, std::string_view text,
                     const Conversation& conversation, const Thresholds& thresholds, size_t k,
                     size_t max_chars) {
  retrieval::SearchResult alone = retriever.search(text, k);
  if (conversation.last_question.empty() || content_length(text) > max_chars) {
    Reading r;
    r.result = std::move(alone);
    r.query = std::string(text);
    return r;
  }
  const std::string query = conversation.last_question + " " + std::string(text);
  return choose_reading(std::move(alone), retriever.search(query, k), text, query, conversation,
                        thresholds);
}

}  // namespace faqbot::bot
