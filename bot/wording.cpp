#include "bot/wording.h"

#include <map>

#include "knowledge/utf8.h"

namespace faqbot::bot {
namespace {

const std::map<std::string, std::string>& builtin_replies() {
  static const std::map<std::string, std::string> replies = {
      {"fallback",
       "不好意思，这个问题我暂时没能找到准确的答案，已帮您记录下来，稍后会请同事跟进并尽快回复您。"
       "如需尽快处理，您也可以点击“转人工”联系人工客服。欢迎您随时再来咨询。"},
      // Refusals by a rule of out_of_scope.json (Decision::refusal) and of
      // another company's product: no config variables here, the operator's
      // texts in replies.json name the platform and where to look.
      {"lookup_refusal",
       "不好意思，我这边看不到个人的账户和交易记录，暂时无法为您查询具体某一笔借款、出借或资金的情况。"
       "您本人的记录可以登录账户查看；如需进一步核实，您可以回复“转人工”，人工客服核实您的身份后可以为您查询本人名下的记录。"},
      {"scope_refusal",
       "不好意思，这方面的问题不在我们平台的服务范围内，暂时无法为您提供准确的信息。"
       "充值、提现、出借、借款、还款、风控和账户安全等方面的问题，您都可以随时问我，我会尽力为您解答。"},
      {"other_product",
       "您好，您提到的{product}相关业务不是由我们平台提供的，具体情况请以其提供方（相应的公司、银行等机构）的官方客服或官方渠道说明为准。"
       "如果您有关于账户、充值、提现、出借或借款的问题，欢迎您随时咨询。"},
      {"clarify_prompt", "请问您是想问以下哪个问题呢？"},
      {"handoff_notice", "好的，正在为您转接人工客服，请您稍等。"},
      {"handoff_priority_notice", "已为您优先转接人工客服，请您稍等，同事会尽快为您处理。"},
      {"fallback_handoff", "非常抱歉，刚才没能帮您找到满意的答案。"},
      {"apology", "非常抱歉给您带来不好的体验，我们理解您的心情。"},
      {"impatience_apology", "不好意思让您着急了，您的心情我们理解，这个问题先为您解答："},
      {"offer_human", "如需进一步帮助，您可以点击“转人工”，由人工客服为您服务。"},
      {"pii_warning",
       "温馨提示：为了您的账户和资金安全，请不要在对话中发送银行卡号、身份证号、手机号、密码或验证码，"
       "我们的工作人员也不会向您索要这些信息。"},
      {"long_number_notice",
       "温馨提示：为了保护您的信息安全，对话中较长的数字已为您隐藏显示。如需核对订单号等信息，"
       "告诉我们后四位即可。"},
      {"empty_input", "您好，请问有什么可以帮您？您可以直接输入想咨询的问题。"},
      {"closing", "如有其他问题欢迎随时咨询。"},
      {"repeat_answer",
       "这个问题刚刚已经为您解答过了，您可以再看一下上面的回复。如果还没有解决您的疑问，"
       "可以回复“转人工”由人工客服为您处理，或看看下面的相关问题。"},
      // The handoff's notices and state line (service/handoff_notices.h).
      {"out_of_hours",
       "现在不在人工客服的服务时间，暂时无法为您接通。您的问题已为您登记，预计在 {reply_time} 前后回复您。"
       "如希望客服来电，请直接回复您的手机号码，回复即表示您同意客服致电您。"},
      {"handoff_no_claim",
       "非常抱歉，客服暂时未能接入，您的问题仍在排队，预计在 {reply_time} 前后与您联系。"
       "如希望客服来电，请直接回复您的手机号码，回复即表示您同意客服致电您。"},
      {"callback_scheduled", "已为您登记回电，客服预计在 {reply_time} 前后致电尾号 {phone_tail} 的手机。"},
      {"agent_joined", "您好，人工客服 {agent} 已接入，请问有什么可以帮您？"},
      {"agent_transferred", "您的对话已转交给人工客服 {agent}，请您稍候。"},
      {"handoff_escalated", "收到，您的问题已标记为优先处理。"},
      {"handoff_closed", "本次人工服务已结束，接下来由智能客服继续为您服务。"},
      {"state_waiting", "排队中：您排在第 {queue_position} 位"},
      {"state_promised", "已登记：预计 {reply_time} 前后回复"},
      {"state_callback", "已登记回电：预计 {reply_time} 前后致电"},
      {"state_agent", "人工客服 {agent} 为您服务"},
      {"state_closed", "人工服务已结束"},
  };
  return replies;
}

bool is_sentence_end(char32_t cp) {
  return cp == U'。' || cp == U'！' || cp == U'？' || cp == '!' || cp == '?' || cp == '\n' ||
         cp == U'；' || cp == ';';
}

void join(std::string& out, const std::string& part) {
  if (part.empty()) return;
  if (!out.empty()) out += "\n";
  out += part;
}

}  // namespace

std::string canned(const knowledge::KnowledgeBase& kb, const std::string& key) {
  std::string text = kb.reply(key);
  if (!text.empty()) return text;
  auto it = builtin_replies().find(key);
  return it == builtin_replies().end() ? std::string() : kb.render(it->second);
}

std::string fill_runtime(std::string_view text, const RuntimeVars& vars) {
  const std::map<std::string, const std::string*> known = {
      {"queue_position", &vars.queue_position}, {"reply_time", &vars.reply_time},
      {"agent", &vars.agent}, {"phone_tail", &vars.phone_tail}};
  // Split into sentences; fill or drop each.
  const std::u32string cps = utf8::decode(text);
  std::string out;
  size_t start = 0;
  for (size_t i = 0; i <= cps.size(); ++i) {
    if (i < cps.size() && !is_sentence_end(cps[i])) continue;
    const size_t end = i < cps.size() ? i + 1 : i;
    std::string sentence = utf8::encode(cps.substr(start, end - start));
    start = end;
    bool drop = false;
    for (const auto& [name, value] : known) {
      const std::string ph = "{" + name + "}";
      for (size_t p = sentence.find(ph); p != std::string::npos; p = sentence.find(ph, p)) {
        if (value->empty()) {
          drop = true;
          break;
        }
        sentence.replace(p, ph.size(), *value);
        p += value->size();
      }
    }
    const std::string customer = vars.customer.empty() ? "您" : vars.customer;
    for (size_t p = sentence.find("{customer}"); p != std::string::npos;
         p = sentence.find("{customer}", p + customer.size())) {
      sentence.replace(p, 10, customer);
    }
    if (!drop) out += sentence;
  }
  return out;
}

std::string address_customer(std::string_view text, const std::string& customer_name,
                             bool first_turn) {
  if (customer_name.empty()) return std::string(text);
  const std::string hello = "您好";
  if (text.compare(0, hello.size(), hello) == 0) return customer_name + std::string(text);
  if (text.find(customer_name) != std::string_view::npos) return std::string(text);
  if (!first_turn) return std::string(text);
  return customer_name + "您好，" + std::string(text);
}

std::string drop_greeting(std::string_view text) {
  static const std::string hello = "您好";
  if (text.compare(0, hello.size(), hello) != 0) return std::string(text);
  std::u32string rest = utf8::decode(text.substr(hello.size()));
  size_t i = 0;
  while (i < rest.size() && (rest[i] == U'，' || rest[i] == U'！' || rest[i] == U'。' || rest[i] == ',' ||
                             rest[i] == '!' || rest[i] == ' ' || rest[i] == U'～' || rest[i] == '~')) {
    ++i;
  }
  if (i == 0 || i == rest.size()) return std::string(text);  // "您好呀…" or only a greeting
  return utf8::encode(rest.substr(i));
}

std::string open_with_apology(const knowledge::KnowledgeBase& kb, std::string_view text) {
  std::string out = canned(kb, "impatience_apology");
  join(out, drop_greeting(text));
  return out;
}

std::vector<std::string> alternatives(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = utf8::trim(text.substr(start, end - start));
    if (!line.empty()) out.push_back(std::move(line));
    start = end + 1;
  }
  return out;
}

std::string strip_closing(std::string_view answer, const std::vector<std::string>& closings) {
  std::string out = utf8::trim(std::string(answer));
  for (const std::string& closing : closings) {
    // The closing as written, or without its final punctuation.
    for (std::string c : {closing, closing.substr(0, closing.size() >= 3 ? closing.size() - 3 : 0)}) {
      if (c.empty() || out.size() <= c.size() || out.compare(out.size() - c.size(), c.size(), c) != 0) continue;
      out.erase(out.size() - c.size());
      static const std::string comma = "，";
      if (out.size() >= comma.size() && out.compare(out.size() - comma.size(), comma.size(), comma) == 0) {
        out.replace(out.size() - comma.size(), comma.size(), "。");
      }
      return utf8::trim(out);
    }
  }
  return out;
}

std::string closing_for(int answers_before, const std::vector<std::string>& closings) {
  constexpr int kEvery = 3;
  if (closings.empty() || answers_before < 0 || answers_before % kEvery != kEvery - 1) return {};
  return closings[static_cast<size_t>(answers_before / kEvery) % closings.size()];
}

std::string compose(const knowledge::KnowledgeBase& kb, const Decision& d,
                    const std::string& answer_note) {
  std::string out;
  const knowledge::Entry* entry = d.faq_id.empty() ? nullptr : kb.find(d.faq_id);
  switch (d.action) {
    case Action::kAnswer:
      if (entry) join(out, kb.render(entry->answer));
      if (entry) join(out, answer_note);
      if (d.offer_human) join(out, canned(kb, "offer_human"));
      break;
    case Action::kClarify: {
      join(out, canned(kb, "clarify_prompt"));
      int n = 0;
      for (const retrieval::Candidate& c : d.suggestions) {
        const knowledge::Entry* e = kb.find(c.id);
        if (!e || e->questions.empty()) continue;
        join(out, std::to_string(++n) + ". " + e->questions[0]);
      }
      break;
    }
    case Action::kFallback: {
      // Why the bot refuses, when it knows: another company's product, a
      // rule of out_of_scope.json; else (or when that reply has no text) the
      // fallback.
      std::string why;
      if (!d.other_product.empty()) {
        why = canned(kb, "other_product");
        const std::string placeholder = "{product}";
        for (size_t at = why.find(placeholder); at != std::string::npos;
             at = why.find(placeholder, at + d.other_product.size())) {
          why.replace(at, placeholder.size(), d.other_product);
        }
      } else if (!d.refusal.empty()) {
        why = canned(kb, d.refusal);
      }
      const std::string text = why.empty() ? canned(kb, "fallback") : why;
      join(out, text);
      // A fallback never dead-ends: a text that does not offer the human
      // itself (转人工) is followed by the offer.
      if (d.offer_human && text.find("转人工") == std::string::npos) join(out, canned(kb, "offer_human"));
      break;
    }
    case Action::kHandoff: {
      const bool upset = d.reason == HandoffReason::kAnger || d.reason == HandoffReason::kAbuse ||
                         d.reason == HandoffReason::kComplaint;
      if (upset) {
        // The operator's own apology-and-handoff text when there is one.
        std::string notice = kb.reply("handoff_anger_notice");
        if (!notice.empty()) {
          join(out, notice);
          break;
        }
        join(out, canned(kb, "apology"));
      }
      if (d.reason == HandoffReason::kEntry && entry && !entry->answer.empty()) {
        // The entry's answer is the operator's holding reply for this handoff.
        join(out, kb.render(entry->answer));
        break;
      }
      if (d.reason == HandoffReason::kRepeatedFallback) join(out, canned(kb, "fallback_handoff"));
      if (d.priority == Priority::kHigh) {
        std::string notice = kb.reply("handoff_priority_notice");
        if (notice.empty()) notice = canned(kb, "handoff_notice");
        join(out, notice);
      } else {
        join(out, canned(kb, "handoff_notice"));
      }
      break;
    }
  }
  return out;
}

}  // namespace faqbot::bot
