#include "adapters/cli/evaluation.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace faqbot::cli {

Result<std::vector<EvalCase>> read_cases(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot open cases file");
  std::ostringstream text;
  text << in.rdbuf();
  return ops::parse_golden(text.str(), path);
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
