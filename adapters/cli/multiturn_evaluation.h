#pragma once
// Follow-up quality over labelled two-turn conversations
// (shared/eval/multiturn_dev.tsv format): one tab-separated line
//   first question <TAB> its entry <TAB> follow-up <TAB> the follow-up's entry
// (an entry may be "none": no entry answers it, see answered_with).
// Lines that are blank or start with '#' are skipped. Each line is one fresh
// Conversation: the first question, then the follow-up in its context.
#include <string>
#include <vector>

#include "adapters/cli/evaluation.h"
#include "bot/engine.h"
#include "knowledge/status.h"

namespace faqbot::cli {

struct MultiturnCase {
  std::string first;
  std::string first_expect;  // entry id
  std::string followup;
  std::string followup_expect;  // entry id
  int line = 0;
};

// Reads a TSV file; a line without four non-empty fields is an error naming
// the file and line.
Result<std::vector<MultiturnCase>> read_multiturn(const std::string& path);

struct MultiturnMiss {
  MultiturnCase expected;
  bot::Reply first;
  bot::Reply followup;
};

struct MultiturnReport {
  Ratio first;     // first turns answered (or handed off) with their entry
  Ratio followup;  // follow-ups answered (or handed off) with their entry
  std::vector<MultiturnMiss> misses;  // follow-up misses
  // Follow-ups answered with their entry whose reply only said the answer was
  // just given (Reply::repeated): right when the investor asked again,
  // unhelpful when the follow-up asked something new of the same entry.
  std::vector<MultiturnMiss> repeats;
};

// True when the reply gives the investor `entry`'s answer (answer, or a
// handoff over that entry, whose holding reply is the entry's own path);
// for entry "none" (out of catalog), when the reply answers nothing.
bool answered_with(const bot::Reply& reply, const std::string& entry);

MultiturnReport evaluate_multiturn(const bot::Engine& engine,
                                   const std::vector<MultiturnCase>& cases);

// Misses (indented two spaces), then one summary line per figure.
std::string format_multiturn_report(const MultiturnReport& report);

}  // namespace faqbot::cli
