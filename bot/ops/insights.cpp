#include "bot/ops/insights.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "bot/ops/question_clusters.h"
#include "bot/pii.h"
#include "bot/settings.h"
#include "knowledge/calendar.h"

namespace faqbot::ops {
namespace {

using store::Message;
using store::Role;

std::string local_day(int64_t ms, int offset_minutes) {
  return knowledge::to_local(ms / 1000, offset_minutes).date.iso();  // ms >= 0
}

// Entries a clarify reply offered: its numbered lines ("1. 提现多久到账"),
// mapped back through each entry's canonical question.
std::vector<std::string> offered_entries(const std::string& reply,
                                         const std::unordered_map<std::string, std::string>& by_question) {
  std::vector<std::string> ids;
  size_t start = 0;
  while (start <= reply.size()) {
    size_t end = reply.find('\n', start);
    if (end == std::string::npos) end = reply.size();
    const std::string line = reply.substr(start, end - start);
    const size_t dot = line.find(". ");
    if (dot != std::string::npos && dot > 0 &&
        std::all_of(line.begin(), line.begin() + dot, [](char c) { return c >= '0' && c <= '9'; })) {
      auto it = by_question.find(line.substr(dot + 2));
      if (it != by_question.end()) ids.push_back(it->second);
    }
    start = end + 1;
  }
  return ids;
}

std::vector<Count> top(const std::map<std::string, int>& counts, size_t n) {
  std::vector<Count> out;
  for (const auto& [text, c] : counts) out.push_back({text, c});
  std::stable_sort(out.begin(), out.end(), [](const Count& a, const Count& b) { return a.count > b.count; });
  if (out.size() > n) out.resize(n);
  return out;
}

// Unanswered questions with where they came from, in first-seen order.
struct Unanswered {
  std::vector<std::string> order;
  std::map<std::string, int> weight;
  std::map<std::string, std::map<std::string, int>> sources;
  void add(const std::string& text, const char* source) {
    if (text.empty()) return;
    if (!weight.count(text)) order.push_back(text);
    ++weight[text];
    ++sources[text][source];
  }
};

bot::Reply reply_now(const std::string& question, const bot::Engine& engine) {
  bot::Conversation fresh;
  return engine.respond(fresh, question);
}

// Cluster::now and its details from `r`, the reply to its most frequent
// question now (see insights.h).
void read_now(Cluster& c, const bot::Reply& r) {
  switch (r.action) {
    case bot::Action::kAnswer:
      c.now = "answer";
      c.now_faq_id = r.faq_id;
      break;
    case bot::Action::kClarify: c.now = "clarify"; break;
    case bot::Action::kHandoff: c.now = "handoff"; break;
    case bot::Action::kFallback:
      c.now = r.refusal.empty() ? "not_found" : "refused";
      c.now_refusal = r.refusal;
      break;
  }
}

std::vector<Cluster> clusters_of(const Unanswered& u, const bot::Engine& engine, const InsightsOptions& opt) {
  std::vector<WeightedText> texts;
  for (const std::string& t : u.order) texts.push_back({t, u.weight.at(t)});
  std::stable_sort(texts.begin(), texts.end(), [](const auto& a, const auto& b) { return a.weight > b.weight; });
  if (texts.size() > opt.max_questions) texts.resize(opt.max_questions);
  const retrieval::Retriever& retriever = engine.retriever();
  auto groups = cluster_texts(
      texts, [&](const std::string& a, const std::string& b) { return retriever.need_similarity(a, b); },
      opt.merge_threshold);
  std::vector<Cluster> out;
  for (const auto& g : groups) {
    if (out.size() >= opt.max_clusters) break;
    Cluster c;
    for (size_t i : g) {
      c.size += texts[i].weight;
      if (c.examples.size() < opt.examples_per_cluster) c.examples.push_back({texts[i].text, texts[i].weight});
      for (const auto& [source, n] : u.sources.at(texts[i].text)) c.sources[source] += n;
    }
    // The nearest entry is named only as close as the bot itself would offer
    // it (the suggestion minimum): below it, naming one (an invoice question's
    // anti-fraud entry at 0.02) would preset the console's fix to a wrong
    // entry instead of a new one.
    retrieval::SearchResult r = retriever.search(texts[g.front()].text, 1);
    if (!r.candidates.empty() && r.candidates[0].confidence >= engine.settings().thresholds.suggestion) {
      c.nearest_faq_id = r.candidates[0].id;
      c.nearest_confidence = r.candidates[0].confidence;
      if (const knowledge::Entry* e = engine.kb().find(c.nearest_faq_id)) c.nearest_title = e->title;
    }
    for (size_t i : g) {
      const bot::Reply r = reply_now(texts[i].text, engine);
      if (i == g.front()) read_now(c, r);
      if (r.action == bot::Action::kAnswer) c.now_answered += texts[i].weight;
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

int64_t parse_period(const std::string& text) {
  if (text.size() < 2) return 0;
  const char unit = text.back();
  const std::string digits = text.substr(0, text.size() - 1);
  if (digits.size() > 6 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
  const int64_t n = std::stoll(digits);
  const int64_t unit_ms = unit == 'd' ? 86400000 : unit == 'h' ? 3600000 : unit == 'm' ? 60000 : 0;
  return n * unit_ms;
}

Insights compute_insights(const store::Activity& activity, const std::vector<store::Rating>& ratings,
                          const bot::Engine& engine, const InsightsOptions& opt) {
  Insights out;
  out.from_ms = opt.from_ms;
  out.to_ms = opt.to_ms;
  out.kb_hash = engine.kb().content_hash;
  const int offset = opt.utc_offset_minutes;
  std::unordered_map<std::string, std::string> by_question;
  for (const knowledge::Entry& e : engine.kb().entries) {
    if (!e.questions.empty()) by_question.emplace(e.questions[0], e.id);
  }

  std::map<std::string, DayFigures> days;
  for (int64_t t = opt.from_ms; t < opt.to_ms; t += 86400000) days[local_day(t, offset)].day = local_day(t, offset);
  if (opt.to_ms > opt.from_ms) days[local_day(opt.to_ms - 1, offset)].day = local_day(opt.to_ms - 1, offset);

  std::set<std::string> conversations, with_ticket;
  std::set<std::pair<std::string, std::string>> conversation_days;
  std::map<std::string, EntryFigures> entries;
  std::map<std::string, std::map<std::string, int>> clarified_with;
  std::unordered_map<std::string, std::string> last_question;  // session -> masked investor text
  std::unordered_map<int64_t, std::string> question_before;    // bot message id -> investor text
  Unanswered unanswered;

  for (const Message& m : activity.messages) {
    const std::string day = local_day(m.created_at_ms, offset);
    if (m.role == Role::kInvestor) {
      conversations.insert(m.session_id);
      if (conversation_days.insert({day, m.session_id}).second) ++days[day].conversations;
      last_question[m.session_id] = bot::mask_pii(m.text).masked;
      continue;
    }
    if (m.role != Role::kBot) continue;
    const std::string question = last_question.count(m.session_id) ? last_question[m.session_id] : "";
    question_before[m.id] = question;
    ++out.bot_replies;
    DayFigures& d = days[day];
    d.day = day;
    ++d.bot_replies;
    if (m.action == "answer") {
      ++out.answers;
      ++d.answers;
      if (!m.faq_id.empty()) ++entries[m.faq_id].answered;
    } else if (m.action == "clarify") {
      ++out.clarifies;
      ++d.clarifies;
      unanswered.add(question, "clarify");
      for (const std::string& id : offered_entries(m.text, by_question)) {
        if (!question.empty()) ++clarified_with[id][question];
      }
    } else if (m.action == "fallback") {
      ++out.fallbacks;
      ++d.fallbacks;
      unanswered.add(question, "fallback");
    } else if (m.action == "handoff") {
      ++out.handoff_replies;
    }
  }
  for (const store::Ticket& t : activity.tickets) {
    ++out.handoffs;
    ++out.handoffs_by_reason[t.reason.empty() ? "unknown" : t.reason];
    with_ticket.insert(t.session_id);
    const std::string day = local_day(t.created_at_ms, offset);
    days[day].day = day;
    ++days[day].handoffs;
  }
  for (const store::AnswerFeedback& r : activity.feedback) {
    (r.helpful ? out.thumbs_up : out.thumbs_down)++;
    if (!r.faq_id.empty()) (r.helpful ? entries[r.faq_id].helpful : entries[r.faq_id].unhelpful)++;
    auto q = question_before.find(r.message_id);
    if (!r.helpful && q != question_before.end()) unanswered.add(q->second, "thumbs_down");
  }

  for (const store::Rating& r : ratings) {
    if (r.score < 1 || r.score > 5) continue;
    ++out.ratings;
    out.rating_sum += r.score;
    ++out.ratings_by_score[r.score];
  }

  out.conversations = static_cast<int>(conversations.size());
  for (const std::string& s : conversations) out.deflected += with_ticket.count(s) ? 0 : 1;
  for (auto& [day, figures] : days) out.days.push_back(figures);
  for (const auto& [id, counts] : clarified_with) entries[id];  // an entry only offered still shows
  for (auto& [id, e] : entries) {
    e.faq_id = id;
    if (const knowledge::Entry* k = engine.kb().find(id)) e.title = k->title;
    if (clarified_with.count(id)) e.clarified_with = top(clarified_with[id], 3);
    out.entries.push_back(e);
  }
  std::stable_sort(out.entries.begin(), out.entries.end(), [](const EntryFigures& a, const EntryFigures& b) {
    return a.answered != b.answered ? a.answered > b.answered : a.faq_id < b.faq_id;
  });
  out.clusters = clusters_of(unanswered, engine, opt);
  return out;
}

// reason code -> what an operator reads, for every reason counted.
static nlohmann::json reason_labels(const std::map<std::string, int>& by_reason) {
  nlohmann::json labels = nlohmann::json::object();
  for (const auto& [code, n] : by_reason) labels[code] = bot::reason_label(code);
  return labels;
}

Result<Insights> insights_from_store(store::Store& store, const bot::Engine& engine, const InsightsOptions& opt,
                                     int max_rows) {
  auto activity = store.activity(opt.from_ms, opt.to_ms, max_rows);
  if (!activity.ok()) return activity.status();
  std::vector<store::Rating> ratings;
  for (const store::Ticket& t : activity->tickets) {
    auto rating = store.rating_of(t.id);
    if (!rating.ok()) return rating.status();
    if (rating.value()) ratings.push_back(*rating.value());
  }
  return compute_insights(activity.value(), ratings, engine, opt);
}

nlohmann::json to_json(const Insights& in) {
  using nlohmann::json;
  auto rate = [](int part, int whole) { return whole > 0 ? double(part) / whole : 0.0; };
  json days = json::array();
  for (const DayFigures& d : in.days) {
    days.push_back({{"day", d.day}, {"conversations", d.conversations}, {"bot_replies", d.bot_replies},
                    {"answers", d.answers}, {"clarifies", d.clarifies}, {"fallbacks", d.fallbacks},
                    {"handoffs", d.handoffs}});
  }
  auto counts = [](const std::vector<Count>& v) {
    json a = json::array();
    for (const Count& c : v) a.push_back({{"text", c.text}, {"count", c.count}});
    return a;
  };
  json entries = json::array();
  for (const EntryFigures& e : in.entries) {
    const int rated = e.helpful + e.unhelpful;
    entries.push_back({{"faq_id", e.faq_id}, {"title", e.title}, {"answered", e.answered},
                       {"thumbs_up", e.helpful}, {"thumbs_down", e.unhelpful},
                       {"helpful_rate", rated ? json(double(e.helpful) / rated) : json(nullptr)},
                       {"clarified_with", counts(e.clarified_with)}});
  }
  json clusters = json::array();
  for (const Cluster& c : in.clusters) {
    clusters.push_back({{"size", c.size}, {"examples", counts(c.examples)}, {"sources", c.sources},
                        {"nearest", c.nearest_faq_id.empty()
                                        ? json(nullptr)
                                        : json{{"faq_id", c.nearest_faq_id}, {"title", c.nearest_title},
                                               {"confidence", c.nearest_confidence}}},
                        {"now", {{"action", c.now},
                                 {"faq_id", c.now_faq_id.empty() ? json(nullptr) : json(c.now_faq_id)},
                                 {"refusal", c.now_refusal.empty() ? json(nullptr) : json(c.now_refusal)},
                                 {"answered", c.now_answered}}}});
  }
  nlohmann::json satisfaction = nullptr;
  if (in.ratings > 0) {
    json by_score = json::object();
    for (int score = 1; score <= 5; ++score) {
      auto it = in.ratings_by_score.find(score);
      by_score[std::to_string(score)] = it == in.ratings_by_score.end() ? 0 : it->second;
    }
    satisfaction = {{"average", double(in.rating_sum) / in.ratings}, {"ratings", in.ratings}, {"by_score", by_score}};
  }
  return {{"from", in.from_ms},
          {"to", in.to_ms},
          {"kb_hash", in.kb_hash},
          {"conversations", in.conversations},
          {"deflected", in.deflected},
          {"deflection_rate", rate(in.deflected, in.conversations)},
          {"bot_replies", in.bot_replies},
          {"answers", in.answers},
          {"clarifies", in.clarifies},
          {"fallbacks", in.fallbacks},
          {"clarify_rate", rate(in.clarifies, in.bot_replies)},
          {"fallback_rate", rate(in.fallbacks, in.bot_replies)},
          {"handoffs", in.handoffs},
          {"handoffs_by_reason", in.handoffs_by_reason},
          {"handoff_reason_labels", reason_labels(in.handoffs_by_reason)},
          {"thumbs_up", in.thumbs_up},
          {"thumbs_down", in.thumbs_down},
          {"satisfaction", satisfaction},
          {"days", days},
          {"entries", entries},
          {"clusters", clusters}};
}

}  // namespace faqbot::ops
