#pragma once
// Labelled questions in the format of the dev set and of the operators'
// golden set (config/golden.jsonl): one JSON object a line,
// {"q", "expect": entry id | "none", "action"?: "answer" | "handoff" |
// "no_answer"}; the action defaults to "no_answer" when expect is "none",
// else "answer". Blank lines are skipped. Used by the release gate and by
// `faqbot eval`.
#include <string>
#include <vector>

#include "knowledge/status.h"

namespace faqbot::ops {

struct GoldenCase {
  std::string question;
  std::string expect;  // entry id or "none"
  std::string action;  // "answer" | "handoff" | "no_answer"
  int line = 0;        // 1-based line in the parsed text (0 = not from a text)
};

// Parses the text; the first bad line is kInvalidArgument naming it:
// "line 3: …", or "<source>:3: …" when `source` (e.g. a file name) is given.
Result<std::vector<GoldenCase>> parse_golden(const std::string& text, const std::string& source = "");

}  // namespace faqbot::ops
