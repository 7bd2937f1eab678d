#pragma once
// The engine's settings, layered once at load: built-in defaults <
// <config_dir>/settings.json (optional). Recognised keys (all optional):
//   {"retrieval": {"index_factory": "Flat", "dim": 128, "top_k": 5},
//    "policy":    {"answer": 0.4, "margin": 0.1, "clarify": 0.2, "suggestion": 0.1,
//                  "out_of_scope": 0.5, "handoff_entry": 0.4, "max_suggestions": 3,
//                  "fallbacks_before_handoff": 2, "answers_before_handoff": 3,
//                  "abuse_entry": "smalltalk.abuse", "complaint_entry": "service.complaint",
//                  "human_entry": "service.human",
//                  "overdue_withdrawal_entry": "withdraw.delayed", "overdue_withdrawal_days": 2,
//                  "early_withdrawal_entry": "withdraw.arrival_time",
//                  "compared_arrival_entry": "withdraw.bank_difference",
//                  "full_bid_entry": "invest.full_bid_wait",
//                  "inflow_limit_entry": "recharge.limit",
//                  "outflow_limit_entry": "withdraw.limit"},
//    "signals":   {"human": [...], "human_exact": [...], "anger": [...],
//                  "frustration": [...], "abuse": [...], "kin": [...],
//                  "expletive_leads": [...], "negations": [...],
//                  "exclamation_run": 3},
//    "followup":  {"max_chars": 10}}
// A list under "signals" replaces the built-in list of that name.
// Unknown keys are ignored (other modules own them).
#include <string>
#include <vector>

#include "bot/policy.h"
#include "bot/signals.h"
#include "knowledge/knowledge_base.h"
#include "knowledge/status.h"
#include "retrieval/retriever.h"

namespace faqbot::bot {

struct EngineSettings {
  retrieval::Settings retrieval;  // cache_dir is set by Engine::load
  size_t top_k = 5;               // candidates asked of the retriever
  Thresholds thresholds;
  SignalEntries signal_entries;
  // The "policy" keys of signal_entries that settings.json set (e.g.
  // "abuse_entry"): check_signal_entries() refuses an unknown id among them.
  std::vector<std::string> signal_entry_keys;
  SignalRules signals = SignalRules::defaults();
  size_t max_input_chars = 2000;  // longer input is truncated for matching
  size_t followup_max_chars = 10; // longer text is never read as a follow-up
};

// Parses settings.json text over the defaults. kInvalidArgument on malformed
// JSON or a value of the wrong type / out of range (message names the key).
Result<EngineSettings> parse_settings(const std::string& json_text);

// Checks signal_entries and thresholds.overdue_withdrawal_entry, early_withdrawal_entry, compared_arrival_entry, full_bid_entry and the limit entries against `kb`: an id settings.json set that is not an
// entry of `kb` is kInvalidArgument ("settings.json: policy.abuse_entry: no
// entry ..."); a built-in default id `kb` lacks (an operator's own ids) is
// cleared, so the retrieved entry is kept. "" stays "".
Status check_signal_entries(EngineSettings& settings, const knowledge::KnowledgeBase& kb);

// Reads <config_dir>/settings.json; defaults when the file does not exist.
Result<EngineSettings> load_settings(const std::string& config_dir);

}  // namespace faqbot::bot
