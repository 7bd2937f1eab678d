#include "bot/ops/release_gate.h"

#include <chrono>
#include <cstdio>

namespace faqbot::ops {

const std::vector<GoldenCase>& builtin_probes() {
  // Written for the gate: questions no lending-platform entry should answer.
  static const std::vector<GoldenCase> probes = [] {
    std::vector<GoldenCase> out;
    for (const char* q :
         {"红烧肉要炖多长时间才好吃", "去云南旅游五天怎么安排路线", "湖人队昨晚比赛谁赢了",
          "帮我用Python写一个冒泡排序", "感冒了吃什么药好得快", "家里的猫不吃东西怎么办",
          "高考志愿怎么填比较稳", "帮我把这句话翻译成英文", "双色球下一期开什么号码",
          "有没有适合全家看的动画电影", "狮子座这个月运势如何", "车险出险后怎么理赔",
          "个人所得税年度汇算怎么申报", "公积金贷款买房利率多少", "考驾照科目二有什么技巧",
          "手机屏幕碎了去哪里修便宜", "以太坊现在多少钱一个", "装修房子选什么地板好",
          "孩子发烧三十九度要去医院吗", "周末去哪里爬山人少", "怎么做一份好看的简历",
          "跑步膝盖疼是怎么回事", "租房合同要注意哪些条款", "黄金首饰现在多少钱一克"}) {
      out.push_back({q, "none", "no_answer"});
    }
    return out;
  }();
  return probes;
}

namespace {

struct Tally {
  int answer_hits = 0, handoff_hits = 0, refused_hits = 0, false_answers = 0;
};

double ratio(int hits, int total, double none) { return total == 0 ? none : static_cast<double>(hits) / total; }

// Adds one case's reply to the figures' counts.
// The figures' rules for one reply.
bool answered_with(const bot::Reply& r, const std::string& entry) {
  return r.action == bot::Action::kAnswer && r.faq_id == entry;
}
bool handed_off(const bot::Reply& r) { return r.action == bot::Action::kHandoff; }
bool refused(const bot::Reply& r) { return r.action != bot::Action::kAnswer || r.faq_id.empty(); }

void count(const GoldenCase& c, const bot::Reply& r, GateFigures* f, Tally* t) {
  f->cases++;
  if (c.action == "answer") {
    f->answer_cases++;
    t->answer_hits += answered_with(r, c.expect);
  } else if (c.action == "handoff") {
    f->handoff_cases++;
    t->handoff_hits += handed_off(r);
  }
  if (c.expect == "none") {
    f->out_of_catalog_cases++;
    t->refused_hits += refused(r);
  }
  t->false_answers += !refused(r) && r.faq_id != c.expect;
}

// Whether a reply is what the case expects, by the same rules.
bool case_right(const GoldenCase& c, const bot::Reply& r) {
  if (c.expect == "none") return refused(r);
  if (c.action == "handoff") return handed_off(r);
  return answered_with(r, c.expect);
}

std::string broken_text(const GoldenCase& c, const bot::Reply& r) {
  std::string now = bot::to_string(r.action);
  if (!r.faq_id.empty()) now += " " + r.faq_id;
  return "golden question no longer right: " + c.question + " (expected " + c.expect + ", now " + now + ")";
}

void finish(const Tally& t, GateFigures* f) {
  f->answered_right = ratio(t.answer_hits, f->answer_cases, 1);
  f->handoff = ratio(t.handoff_hits, f->handoff_cases, 1);
  f->refused = ratio(t.refused_hits, f->out_of_catalog_cases, 1);
  f->false_answer_rate = ratio(t.false_answers, f->cases, 0);
}

std::string change_text(const char* name, double live, double candidate) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "%s %.3f -> %.3f", name, live, candidate);
  return buf;
}

nlohmann::json figures_json(const GateFigures& f) {
  return {{"answered_right", f.answered_right}, {"handoff", f.handoff},
          {"refused", f.refused},               {"false_answer_rate", f.false_answer_rate},
          {"answer_cases", f.answer_cases},     {"handoff_cases", f.handoff_cases},
          {"out_of_catalog_cases", f.out_of_catalog_cases}, {"cases", f.cases}};
}

nlohmann::json nullable(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

}  // namespace

GateReport evaluate_release(const bot::Engine& live, const bot::Engine& candidate,
                            const std::vector<GoldenCase>& golden) {
  const auto start = std::chrono::steady_clock::now();
  GateReport report;
  Tally live_tally, candidate_tally;
  std::vector<std::string> broken;  // golden questions right on live, wrong on the candidate
  std::vector<GoldenCase> cases = golden;
  const size_t golden_count = cases.size();
  cases.insert(cases.end(), builtin_probes().begin(), builtin_probes().end());
  for (size_t i = 0; i < cases.size(); ++i) {
    const GoldenCase& c = cases[i];
    bot::Conversation live_conversation, candidate_conversation;
    const bot::Reply a = live.respond(live_conversation, c.question);
    const bot::Reply b = candidate.respond(candidate_conversation, c.question);
    count(c, a, &report.live, &live_tally);
    count(c, b, &report.candidate, &candidate_tally);
    if (i < golden_count && (a.action != b.action || a.faq_id != b.faq_id)) {
      report.changed.push_back({c.question, c.expect, a.faq_id, b.faq_id, bot::to_string(a.action),
                                bot::to_string(b.action)});
      if (case_right(c, a) && !case_right(c, b)) broken.push_back(broken_text(c, b));
    }
  }
  finish(live_tally, &report.live);
  finish(candidate_tally, &report.candidate);
  constexpr double kEps = 1e-9;
  const GateFigures& l = report.live;
  const GateFigures& n = report.candidate;
  if (n.answered_right < l.answered_right - kEps) {
    report.regressions.push_back(change_text("answered_right", l.answered_right, n.answered_right));
  }
  if (n.handoff < l.handoff - kEps) report.regressions.push_back(change_text("handoff", l.handoff, n.handoff));
  if (n.refused < l.refused - kEps) report.regressions.push_back(change_text("refused", l.refused, n.refused));
  if (n.false_answer_rate > l.false_answer_rate + kEps) {
    report.regressions.push_back(change_text("false_answer_rate", l.false_answer_rate, n.false_answer_rate));
  }
  report.regressions.insert(report.regressions.end(), broken.begin(), broken.end());
  report.passes = report.regressions.empty();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

nlohmann::json to_json(const GateReport& r) {
  nlohmann::json changed = nlohmann::json::array();
  for (const AnswerChange& c : r.changed) {
    changed.push_back({{"question", c.question},
                       {"expected", c.expected},
                       {"live_entry", nullable(c.live_entry)},
                       {"candidate_entry", nullable(c.candidate_entry)},
                       {"live_action", c.live_action},
                       {"candidate_action", c.candidate_action}});
  }
  return {{"live", figures_json(r.live)},
          {"candidate", figures_json(r.candidate)},
          {"changed", std::move(changed)},
          {"regressions", r.regressions},
          {"passes", r.passes},
          {"live_version", r.live_version},
          {"seconds", r.seconds}};
}

}  // namespace faqbot::ops
