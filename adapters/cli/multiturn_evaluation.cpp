#include "adapters/cli/multiturn_evaluation.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace faqbot::cli {
namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
    fields.push_back(line.substr(start, tab - start));
  }
  fields.push_back(line.substr(start));
  return fields;
}

std::string describe(const bot::Reply& r) {
  char conf[32];
  std::snprintf(conf, sizeof conf, "%.2f", r.confidence);
  std::string out = std::string(bot::to_string(r.action)) + " " +
                    (r.faq_id.empty() ? "-" : r.faq_id) + " (" + conf + ")";
  if (!r.candidates.empty()) out += " top: " + r.candidates.front().faq_id;
  return out;
}

}  // namespace

Result<std::vector<MultiturnCase>> read_multiturn(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot open multi-turn file");
  std::vector<MultiturnCase> cases;
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos || line[0] == '#') continue;
    const std::vector<std::string> f = split_tabs(line);
    bool ok = f.size() == 4;
    for (size_t i = 0; ok && i < f.size(); ++i) ok = !f[i].empty();
    if (!ok) {
      return Status(StatusCode::kInvalidArgument,
                    path + ":" + std::to_string(line_no) +
                        ": expected first<TAB>entry<TAB>follow-up<TAB>entry");
    }
    cases.push_back({f[0], f[1], f[2], f[3], line_no});
  }
  return cases;
}

bool answered_with(const bot::Reply& reply, const std::string& entry) {
  if (entry == "none") return reply.action != bot::Action::kAnswer;
  return (reply.action == bot::Action::kAnswer || reply.action == bot::Action::kHandoff) &&
         reply.faq_id == entry;
}

MultiturnReport evaluate_multiturn(const bot::Engine& engine,
                                   const std::vector<MultiturnCase>& cases) {
  MultiturnReport r;
  for (const MultiturnCase& c : cases) {
    bot::Conversation conversation;
    bot::Reply first = engine.respond(conversation, c.first);
    bot::Reply followup = engine.respond(conversation, c.followup);
    r.first.total++;
    r.first.hits += answered_with(first, c.first_expect);
    const bool ok = answered_with(followup, c.followup_expect);
    r.followup.total++;
    r.followup.hits += ok;
    if (ok && followup.repeated) r.repeats.push_back({c, first, followup});
    if (!ok) r.misses.push_back({c, std::move(first), std::move(followup)});
  }
  return r;
}

std::string format_multiturn_report(const MultiturnReport& r) {
  std::ostringstream out;
  out << "misses: " << r.misses.size() << "\n";
  for (const MultiturnMiss& m : r.misses) {
    const MultiturnCase& c = m.expected;
    out << "  line " << c.line << ": " << c.first << " -> " << c.followup << "  expected "
        << c.followup_expect << ", got " << describe(m.followup) << "; first turn "
        << (answered_with(m.first, c.first_expect) ? "right" : "got " + describe(m.first)) << "\n";
  }
  out << "repeat replies: " << r.repeats.size() << "\n";
  for (const MultiturnMiss& m : r.repeats) {
    out << "  line " << m.expected.line << ": " << m.expected.first << " -> " << m.expected.followup
        << "\n";
  }
  out << format_figure("follow-up accuracy:", r.followup) << "\n"
      << format_figure("first-turn accuracy:", r.first) << "\n";
  return out.str();
}

}  // namespace faqbot::cli
