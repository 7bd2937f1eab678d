#pragma once
// The release gate of a knowledge-base candidate: the operators' golden set
// (config/golden.jsonl, in the format of bot/ops/golden_cases.h) plus
// built-in out-of-catalog probes, answered by the live engine and by the
// candidate's, each question as a fresh conversation.
//
// Figures (each in [0, 1]):
//   answered_right     "answer" cases answered with the expected entry
//   handoff            "handoff" cases handed to a human
//   refused            out-of-catalog questions (expect "none" and the
//                      probes) not answered with any entry
//   false_answer_rate  every question answered with an entry it did not
//                      expect (lower is better)
// A regression is a figure of the candidate worse than the live one's, or a
// golden question the live engine gets right and the candidate does not
// (even when another question gained makes the figures even); the candidate
// passes when there is none.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bot/engine.h"
#include "bot/ops/golden_cases.h"
#include "knowledge/status.h"

namespace faqbot::ops {

// The built-in out-of-catalog probes (expect "none"), always added.
const std::vector<GoldenCase>& builtin_probes();

struct GateFigures {
  double answered_right = 1, handoff = 1, refused = 1, false_answer_rate = 0;
  int answer_cases = 0, handoff_cases = 0, out_of_catalog_cases = 0, cases = 0;
};

// A golden question the candidate answers otherwise than the live engine.
struct AnswerChange {
  std::string question, expected;
  std::string live_entry, candidate_entry;    // "" = no entry
  std::string live_action, candidate_action;  // bot::to_string(Action)
};

struct GateReport {
  GateFigures live, candidate;
  std::vector<AnswerChange> changed;
  std::vector<std::string> regressions;  // "answered_right 0.950 -> 0.900", …, then
                                         // "golden question no longer right: …"
  bool passes = true;
  int64_t live_version = 0;               // the live version it was compared with
  double seconds = 0;                     // time taken to answer every case twice
};

// Thread-safe (engines are immutable); never throws.
GateReport evaluate_release(const bot::Engine& live, const bot::Engine& candidate,
                            const std::vector<GoldenCase>& golden);

// {"live":{figures},"candidate":{figures},"changed":[…],"regressions":[…],
//  "passes","live_version","seconds"}.
nlohmann::json to_json(const GateReport& report);

}  // namespace faqbot::ops
