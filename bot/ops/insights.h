#pragma once
// The operators' report over a period: headline figures, a chart per day,
// handoffs by reason, thumbs per entry, unanswered-question clusters and
// per-entry figures. One computation serves `faqbot insights` and the admin
// API (GET /v1/admin/insights), so both show the same numbers.
//
// Definitions (period = [from_ms, to_ms)):
//   conversation  a session with at least one investor message in the period
//   deflected     a conversation with no handoff ticket opened in the period
//   clarify/fallback rate   clarify / fallback bot replies over all bot replies
//   unanswered question     the investor message before a fallback or clarify
//                 reply, or before a reply rated unhelpful
//   clarified with   for each entry, the investor questions whose clarify
//                 reply offered it (read from the reply's numbered list)
//   satisfaction  the investors' 1-5 ratings of the human service of the
//                 tickets opened in the period (Store::rating_of each): their
//                 mean, count and count per score; null when none was rated
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bot/engine.h"
#include "bot/store/store.h"

namespace faqbot::ops {

struct InsightsOptions {
  int64_t from_ms = 0, to_ms = 0;
  int utc_offset_minutes = 8 * 60;  // days of the chart are local days
  size_t max_clusters = 12;
  size_t examples_per_cluster = 5;
  // Average pairwise similarity (Retriever::similarity, [0, 1]) above which
  // two groups of questions merge.
  double merge_threshold = 0.35;
  size_t max_questions = 400;  // distinct unanswered questions clustered (most frequent first)
};

struct DayFigures {
  std::string day;  // "2026-12-04", local
  int conversations = 0, bot_replies = 0, answers = 0, clarifies = 0, fallbacks = 0, handoffs = 0;
};

struct Count {
  std::string text;
  int count = 0;
};

struct EntryFigures {
  std::string faq_id, title;
  int answered = 0;          // answer replies with this entry
  int helpful = 0, unhelpful = 0;
  std::vector<Count> clarified_with;  // most frequent first, at most 3
};

struct Cluster {
  int size = 0;                        // questions in it (repeats counted)
  std::vector<Count> examples;         // masked, most frequent first
  std::map<std::string, int> sources;  // "fallback" | "clarify" | "thumbs_down" -> count
  // The entry the engine finds closest, "" when none reaches the suggestion
  // minimum (EngineSettings thresholds.suggestion).
  std::string nearest_faq_id, nearest_title;
  double nearest_confidence = 0;
  // How the live knowledge base replies to the cluster's most frequent
  // question now, alone in a new conversation (Engine::respond): "answer"
  // (now_faq_id set: fixed since), "clarify", "handoff", "refused" (a
  // fallback that says why: another company's product or an out_of_scope.json
  // rule; now_refusal is Reply::refusal) or "not_found" (a fallback for a
  // question no entry was found for: the gap an operator fills).
  std::string now, now_faq_id, now_refusal;
  // Of the cluster's questions (repeats counted, like size), how many the
  // live knowledge base answers with an entry now, each alone in a new
  // conversation: size when the fix covers the whole cluster.
  int now_answered = 0;
};

struct Insights {
  int64_t from_ms = 0, to_ms = 0;
  int conversations = 0, deflected = 0;
  int bot_replies = 0, answers = 0, clarifies = 0, fallbacks = 0, handoff_replies = 0;
  int handoffs = 0;  // tickets opened
  std::map<std::string, int> handoffs_by_reason;
  int thumbs_up = 0, thumbs_down = 0;
  int ratings = 0, rating_sum = 0;             // satisfaction after human service
  std::map<int, int> ratings_by_score;         // 1..5 -> count
  std::vector<DayFigures> days;
  std::vector<EntryFigures> entries;  // entries with any figure, most answered first
  std::vector<Cluster> clusters;      // largest first
  std::string kb_hash;
};

// Pure over its inputs; `engine` gives titles, the similarity for clustering
// and the nearest entry; `ratings` are those of activity's tickets.
// Thread-safe for distinct calls.
Insights compute_insights(const store::Activity& activity, const std::vector<store::Rating>& ratings,
                          const bot::Engine& engine, const InsightsOptions& options);

// Reads the period's activity (at most `max_rows` of each kind) and the
// ratings of its tickets from `store`, then computes: what the CLI and the
// admin API both call. The store's error when a read fails.
Result<Insights> insights_from_store(store::Store& store, const bot::Engine& engine,
                                     const InsightsOptions& options, int max_rows);

// The figures as JSON: what GET /v1/admin/insights returns and
// `faqbot insights --json` prints.
nlohmann::json to_json(const Insights& insights);

// A standalone HTML report (no script; an SVG chart drawn here).
std::string to_html(const Insights& insights);

// "7d", "24h", "30m" -> milliseconds; 0 when malformed.
int64_t parse_period(const std::string& text);

}  // namespace faqbot::ops
