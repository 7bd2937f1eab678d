#pragma once
// Quality evaluation over labelled cases (shared/eval/dev.jsonl format,
// bot/ops/golden_cases.h). Every case is an independent conversation.
#include <string>
#include <vector>

#include "bot/engine.h"
#include "bot/ops/golden_cases.h"
#include "knowledge/status.h"

namespace faqbot::cli {

using EvalCase = ops::GoldenCase;

// Reads a cases file (ops::parse_golden); a malformed line is an error
// naming the file and line.
Result<std::vector<EvalCase>> read_cases(const std::string& path);

struct EvalMiss {
  EvalCase expected;
  bot::Reply got;
};

struct Ratio {
  int hits = 0;
  int total = 0;
  double value() const { return total == 0 ? 1.0 : static_cast<double>(hits) / total; }
};

struct EvalReport {
  Ratio in_scope;        // action "answer": answered with the expected entry
  Ratio top3;            // expect != none: expected entry among the top 3
  Ratio handoff;         // action "handoff": handed off
  Ratio handoff_entry;   // action "handoff": handed off with the expected entry
  Ratio no_answer;       // expect "none": not answered with any entry
  std::vector<EvalMiss> misses;
};

EvalReport evaluate(const bot::Engine& engine, const std::vector<EvalCase>& cases);

// Misses (indented two spaces), then one summary line per figure.
std::string format_report(const EvalReport& report);

// One summary line: "<name padded to 22> 0.950 (19/20)".
std::string format_figure(const char* name, const Ratio& ratio);

}  // namespace faqbot::cli
