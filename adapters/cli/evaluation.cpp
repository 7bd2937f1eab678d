#include "adapters/cli/evaluation.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace faqbot::cli {

Result<std::vector<EvalCase>> read_cases(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot open cases file");
  std::vector<EvalCase> cases;
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto doc = nlohmann::json::parse(line, nullptr, false);
    auto where = path + ":" + std::to_string(line_no) + ": ";
    if (doc.is_discarded() || !doc.is_object()) {
      return Status(StatusCode::kInvalidArgument, where + "not a JSON object");
    }
    if (!doc.contains("q") || !doc["q"].is_string() || !doc.contains("expect") ||
        !doc["expect"].is_string()) {
      return Status(StatusCode::kInvalidArgument, where + "needs string fields \"q\" and \"expect\"");
    }
    EvalCase c;
    c.question = doc["q"].get<std::string>();
    c.expect = doc["expect"].get<std::string>();
    c.action = doc.value("action", c.expect == "none" ? "no_answer" : "answer");
    if (c.action != "answer" && c.action != "handoff" && c.action != "no_answer") {
      return Status(StatusCode::kInvalidArgument, where + "unknown action \"" + c.action + "\"");
    }
    c.line = line_no;
    cases.push_back(std::move(c));
  }
  return cases;
}

EvalReport evaluate(const bot::Engine& engine, const std::vector<EvalCase>& cases) {
  EvalReport r;
  for (const EvalCase& c : cases) {
    bot::Conversation conversation;
    bot::Reply reply = engine.respond(conversation, c.question);
    bool ok = true;
    if (c.expect != "none") {
      bool in_top3 = reply.faq_id == c.expect;
      for (size_t i = 0; i < reply.candidates.size() && i < 3; ++i) {
        in_top3 = in_top3 || reply.candidates[i].faq_id == c.expect;
      }
      r.top3.total++;
      r.top3.hits += in_top3;
    }
    if (c.action == "answer") {
      ok = reply.action == bot::Action::kAnswer && reply.faq_id == c.expect;
      r.in_scope.total++;
      r.in_scope.hits += ok;
    } else if (c.action == "handoff") {
      ok = reply.action == bot::Action::kHandoff;
      r.handoff.total++;
      r.handoff.hits += ok;
      r.handoff_entry.total++;
      r.handoff_entry.hits += ok && reply.faq_id == c.expect;
    } else {
      ok = reply.action != bot::Action::kAnswer;
      r.no_answer.total++;
      r.no_answer.hits += ok;
    }
    if (!ok) r.misses.push_back({c, reply});
  }
  return r;
}

std::string format_figure(const char* name, const Ratio& ratio) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%-22s %.3f (%d/%d)", name, ratio.value(), ratio.hits, ratio.total);
  return buf;
}

std::string format_report(const EvalReport& r) {
  std::ostringstream out;
  out << "misses: " << r.misses.size() << "\n";
  for (const EvalMiss& m : r.misses) {
    char conf[32];
    std::snprintf(conf, sizeof conf, "%.2f", m.got.confidence);
    out << "  line " << m.expected.line << ": " << m.expected.question << "  expected "
        << m.expected.action << " " << m.expected.expect << ", got " << bot::to_string(m.got.action)
        << " " << (m.got.faq_id.empty() ? "-" : m.got.faq_id) << " (" << conf << ")";
    if (!m.got.candidates.empty()) out << " top: " << m.got.candidates.front().faq_id;
    out << "\n";
  }
  out << format_figure("in-scope accuracy:", r.in_scope) << "\n"
      << format_figure("top-3 recall:", r.top3) << "\n"
      << format_figure("handoff accuracy:", r.handoff) << "\n"
      << format_figure("handoff right entry:", r.handoff_entry) << "\n"
      << format_figure("no-answer rate:", r.no_answer) << "\n";
  return out.str();
}

}  // namespace faqbot::cli
