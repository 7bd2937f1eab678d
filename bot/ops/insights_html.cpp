// The standalone HTML report of `faqbot insights --out FILE.html`: the same
// figures as to_json(), a per-day SVG chart, no script.
#include <algorithm>
#include <cstdio>
#include <sstream>

#include "bot/ops/insights.h"

namespace faqbot::ops {
namespace {

std::string esc(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string percent(int part, int whole) {
  if (whole <= 0) return "–";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * part / whole);
  return buf;
}

// Bars: conversations per day; inside each, the part handed to a human.
std::string day_chart(const std::vector<DayFigures>& days) {
  const int w = 640, h = 200, pad = 28;
  int peak = 1;
  for (const DayFigures& d : days) peak = std::max({peak, d.conversations, d.handoffs + d.fallbacks});
  std::ostringstream svg;
  svg << "<svg class=\"chart\" viewBox=\"0 0 " << w << " " << h << "\" role=\"img\" aria-label=\"每日会话\">";
  const double slot = days.empty() ? 0 : double(w - 2 * pad) / days.size();
  for (size_t i = 0; i < days.size(); ++i) {
    const DayFigures& d = days[i];
    const double x = pad + i * slot + slot * 0.15, bw = slot * 0.7;
    auto bar = [&](int value, const char* cls) {
      const double bh = double(h - 2 * pad) * value / peak;
      svg << "<rect class=\"" << cls << "\" x=\"" << x << "\" y=\"" << (h - pad - bh) << "\" width=\"" << bw
          << "\" height=\"" << bh << "\"><title>" << d.day << " " << cls << " " << value << "</title></rect>";
    };
    bar(d.conversations, "conversations");
    bar(d.handoffs, "handoffs");
    svg << "<text x=\"" << x + bw / 2 << "\" y=\"" << h - 8 << "\" text-anchor=\"middle\">" << d.day.substr(5)
        << "</text><text x=\"" << x + bw / 2 << "\" y=\"" << (h - pad - double(h - 2 * pad) * d.conversations / peak - 4)
        << "\" text-anchor=\"middle\">" << d.conversations << "</text>";
  }
  svg << "</svg>";
  return svg.str();
}

// "4.5 / 5（2 个评价）", or 未记录 when no ticket of the period was rated.
std::string satisfaction_text(const Insights& in) {
  if (in.ratings <= 0) return "未记录";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f / 5（%d 个评价）", double(in.rating_sum) / in.ratings, in.ratings);
  return buf;
}

// What the live knowledge base does with the cluster's most frequent
// question now (Cluster::now).
std::string now_action_label(const Cluster& c) {
  if (c.now == "answer") return "现已能回答 answered: " + c.now_faq_id;
  if (c.now == "clarify") return "反问 clarify";
  if (c.now == "handoff") return "转人工 handoff";
  if (c.now == "refused") {
    return c.now_refusal == "lookup_refusal" ? "需人工查询记录 lookup refused" : "不属本平台业务 refused: " + c.now_refusal;
  }
  return "仍未找到答案 not found";
}

// ... and how much of the cluster is answered, when only part of it is.
std::string now_label(const Cluster& c) {
  std::string label = now_action_label(c);
  if (c.now_answered > 0 && c.now_answered < c.size) {
    label += "（本组 " + std::to_string(c.now_answered) + "/" + std::to_string(c.size) + " 次提问已能回答 answered）";
  }
  return label;
}

}  // namespace

std::string to_html(const Insights& in) {
  const nlohmann::json j = to_json(in);
  std::ostringstream o;
  o << "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>faqbot insights</title><style>"
       "body{font-family:system-ui,'WenQuanYi Micro Hei',sans-serif;margin:2rem;color:#1d2733}"
       ".figures{display:flex;flex-wrap:wrap;gap:1rem}.figure{border:1px solid #d5dbe3;border-radius:6px;padding:.6rem 1rem}"
       ".figure b{display:block;font-size:1.5rem}table{border-collapse:collapse;margin:1rem 0}"
       "td,th{border-bottom:1px solid #e3e7ed;padding:.3rem .6rem;text-align:left;vertical-align:top}"
       ".chart{width:100%;max-width:640px}.chart rect.conversations{fill:#4f7cac}.chart rect.handoffs{fill:#e08a3c}"
       ".chart text{font-size:11px;fill:#44505c}</style></head><body>";
  o << "<h1>faqbot insights</h1><p>" << esc(in.days.empty() ? "" : in.days.front().day) << " – "
    << esc(in.days.empty() ? "" : in.days.back().day) << "</p><div class=\"figures\">";
  auto figure = [&](const std::string& label, const std::string& value) {
    o << "<div class=\"figure\"><b>" << esc(value) << "</b>" << esc(label) << "</div>";
  };
  figure("会话 conversations", std::to_string(in.conversations));
  figure("机器人解决 deflection", percent(in.deflected, in.conversations));
  figure("反问率 clarify rate", percent(in.clarifies, in.bot_replies));
  figure("兜底率 fallback rate", percent(in.fallbacks, in.bot_replies));
  figure("转人工 handoffs", std::to_string(in.handoffs));
  figure("👍 / 👎", std::to_string(in.thumbs_up) + " / " + std::to_string(in.thumbs_down));
  figure("人工服务满意度 satisfaction", satisfaction_text(in));
  o << "</div><h2>每日 per day</h2>" << day_chart(in.days);
  o << "<h2>转人工原因 handoffs by reason</h2><table>";
  for (const auto& [reason, n] : in.handoffs_by_reason) o << "<tr><td>" << esc(bot::reason_label(reason)) << "</td><td>" << n << "</td></tr>";
  o << "</table><h2>未解决问题 unanswered clusters</h2><table><tr><th>#</th><th>问题 examples</th><th>最近条目 nearest entry</th><th>现在 now</th></tr>";
  for (const Cluster& c : in.clusters) {
    o << "<tr><td>" << c.size << "</td><td>";
    for (const Count& e : c.examples) o << esc(e.text) << (e.count > 1 ? " ×" + std::to_string(e.count) : "") << "<br>";
    o << "</td><td>" << esc(c.nearest_faq_id) << " " << esc(c.nearest_title) << "</td><td>" << esc(now_label(c))
      << "</td></tr>";
  }
  o << "</table><h2>条目 entries</h2><table><tr><th>条目</th><th>answered</th><th>helpful</th><th>clarified with</th></tr>";
  for (const auto& e : j["entries"]) {
    o << "<tr><td>" << esc(e["faq_id"].get<std::string>()) << " " << esc(e["title"].get<std::string>()) << "</td><td>"
      << e["answered"].get<int>() << "</td><td>" << percent(e["thumbs_up"].get<int>(), e["thumbs_up"].get<int>() + e["thumbs_down"].get<int>())
      << "</td><td>";
    for (const auto& c : e["clarified_with"]) o << esc(c["text"].get<std::string>()) << " ×" << c["count"].get<int>() << "<br>";
    o << "</td></tr>";
  }
  o << "</table></body></html>\n";
  return o.str();
}

}  // namespace faqbot::ops
