#include "bot/ops/golden_cases.h"

#include <sstream>

#include <nlohmann/json.hpp>

namespace faqbot::ops {

Result<std::vector<GoldenCase>> parse_golden(const std::string& text, const std::string& source) {
  std::vector<GoldenCase> out;
  std::istringstream in(text);
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where =
        (source.empty() ? "line " : source + ":") + std::to_string(line_no) + ": ";
    auto doc = nlohmann::json::parse(line, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return Status(StatusCode::kInvalidArgument, where + "not a JSON object");
    auto q = doc.find("q"), expect = doc.find("expect");
    if (q == doc.end() || !q->is_string() || expect == doc.end() || !expect->is_string()) {
      return Status(StatusCode::kInvalidArgument, where + "needs string fields \"q\" and \"expect\"");
    }
    GoldenCase c{q->get<std::string>(), expect->get<std::string>(), "", line_no};
    auto action = doc.find("action");
    c.action = action != doc.end() && action->is_string() ? action->get<std::string>()
                                                          : (c.expect == "none" ? "no_answer" : "answer");
    if (c.action != "answer" && c.action != "handoff" && c.action != "no_answer") {
      return Status(StatusCode::kInvalidArgument, where + "unknown action \"" + c.action + "\"");
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace faqbot::ops
